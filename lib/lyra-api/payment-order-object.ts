import { readInstalmentPlan } from "../instalments/plan";
import { readAmountUpdate } from "../orders/amount-update";
import { effectiveStatus } from "../orders/order-view";
import type { Db } from "../server/db";
import type { Prisma } from "../server/generated/prisma/client";
import { paymentUrl } from "../shared/links";
import { CUSTOMER_DETAIL_FIELDS as DETAIL_FIELDS } from "./response-schemas";
import { urlMessageTemplate } from "./url-message";
import { wireDate } from "./wire";

export const PAYMENT_ORDER_SELECT = {
  id: true,
  token: true,
  shopId: true,
  mode: true,
  channel: true,
  status: true,
  deliveryStatus: true,
  sendCount: true,
  reference: true,
  amount: true,
  currency: true,
  locale: true,
  validUntil: true,
  validationMode: true,
  captureDelay: true,
  dataCollectionForm: true,
  aliasMode: true,
  threeDsPreference: true,
  buyerEmail: true,
  description: true,
  merchantComment: true,
  taxAmount: true,
  taxRate: true,
  recipient: true,
  bcc: true,
  subject: true,
  message: true,
  apiData: true,
  metadata: true,
  ipnTargetUrl: true,
  amountUpdate: true,
  installmentPlan: true,
  instalments: { orderBy: { index: "asc" }, select: { index: true, dueDate: true, amount: true, status: true, transactionId: true } },
  createdAt: true,
  updatedAt: true,
  transactions: { where: { operationType: "DEBIT" }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true } },
} satisfies Prisma.PaymentOrderSelect;

export type PaymentOrderRow = Prisma.PaymentOrderGetPayload<{ select: typeof PAYMENT_ORDER_SELECT }>;

/** What toPaymentOrder reads: a row loaded by Prisma, or the one createOrder has just inserted. */
export type PaymentOrderView = Omit<
  PaymentOrderRow,
  "taxRate" | "apiData" | "metadata" | "shopId" | "mode" | "amountUpdate" | "installmentPlan" | "instalments"
> & {
  taxRate: { toString(): string } | number | null;
  /** Absent on a row just inserted (nothing charged yet). */
  installmentPlan?: unknown;
  instalments?: PaymentOrderRow["instalments"];
  amountUpdate: unknown;
  apiData: unknown;
  metadata: unknown;
};

export const loadPaymentOrderRow = (db: Db, id: string) => db.paymentOrder.findUnique({ where: { id }, select: PAYMENT_ORDER_SELECT });

type ApiData = Record<string, unknown> & { customer?: Record<string, unknown> };

const STATUS = { RUNNING: "RUNNING", PAID: "PAID", REFUSED: "REFUSED", EXPIRED: "EXPIRED", CANCELLED: "CANCELLED" } as const;
const FORM_ACTION = { NONE: "PAYMENT", PROPOSE: "ASK_REGISTER_PAY", AUTOMATIC: "REGISTER_PAY" } as const;

const SUB_MERCHANT_FIELDS = [
  "companyType",
  "legalNumber",
  "name",
  "url",
  "phoneNumber",
  "address1",
  "address2",
  "zip",
  "city",
  "country",
  "mcc",
  "mid",
  "softDescriptor",
  "facilitatorId",
  "state",
];

const withAll = (fields: string[], given: Record<string, unknown> | null | undefined, type: string, extra: string[] = []) =>
  given ? { ...Object.fromEntries([...fields, ...extra].map((f) => [f, given[f] ?? null])), _type: type } : null;

/** An order as the V4 API shows it: every field present (null when unset), `_type` on every object. */
/** allowDCFAmountUpdate and our bounds (issue 12); after a payment the amount is the paid one. */
function amountUpdateFields(stored: unknown) {
  const u = readAmountUpdate(stored);
  return {
    allowDCFAmountUpdate: u?.mode ?? "NONE",
    allowDCFAmountUpdateMin: u?.min ?? null,
    allowDCFAmountUpdateMax: u?.mode === "RANGE" ? u.max : null,
  };
}

export function toPaymentOrder(o: PaymentOrderView) {
  const api = (o.apiData ?? {}) as ApiData;
  const customer = api.customer ?? {};
  const mail = o.channel === "MAIL";
  return {
    paymentOrderId: o.id,
    paymentURL: paymentUrl(o.token),
    paymentOrderStatus: STATUS[effectiveStatus(o.status, o.validUntil)],
    creationDate: wireDate(o.createdAt),
    updateDate: wireDate(o.updatedAt),
    amount: Number(o.amount),
    currency: o.currency,
    locale: o.locale,
    strongAuthentication: (api.strongAuthentication as string | undefined) ?? "AUTO",
    orderId: o.reference,
    channelDetails: {
      channelType: o.channel === "INVOICE" ? "URL" : o.channel,
      mailDetails: mail
        ? {
            subject: o.subject,
            body: o.message,
            template: (api.template as string | undefined) ?? null,
            recipient: o.recipient,
            bcc: o.bcc,
            _type: "V4/MailDetails",
          }
        : null,
      smsDetails: o.channel === "SMS" ? { phoneNumber: o.recipient, message: o.message, _type: "V4/SmsDetails" } : null,
      whatsAppDetails: o.channel === "WHATSAPP" ? { phoneNumber: o.recipient, _type: "V4/WhatsAppDetails" } : null,
      ivrDetails: null,
      _type: "V4/ChannelDetails",
    },
    paymentReceiptEmail: o.buyerEmail,
    taxRate: o.taxRate === null ? null : Number(o.taxRate),
    taxAmount: o.taxAmount === null ? null : Number(o.taxAmount),
    expirationDate: wireDate(o.validUntil),
    transactionDetails: {
      cardDetails: {
        manualValidation: o.validationMode === "MANUAL" ? "YES" : "NO",
        captureDelay: o.captureDelay,
        installmentNumber: (api.installmentNumber as number | undefined) ?? 0,
        _type: "V4/CardDetails",
      },
      installmentDetails: installmentDetails(o),
      transactionUuid: o.transactions[0]?.id ?? null,
      _type: "V4/PaymentOrderTransactionDetails",
    },
    dataCollectionForm: o.dataCollectionForm,
    ...amountUpdateFields(o.amountUpdate),
    merchantComment: o.merchantComment,
    message: o.message ?? urlMessageTemplate(o.locale),
    description: o.description,
    formAction: FORM_ACTION[o.aliasMode],
    paymentMethodToken: (api.paymentMethodToken as string | undefined) ?? null,
    metadata: (o.metadata ?? {}) as Record<string, string>,
    customer: {
      billingDetails: withAll(DETAIL_FIELDS, customer.billingDetails as Record<string, unknown>, "V4/Customer/BillingDetails"),
      email: (customer.email as string | undefined) ?? null,
      reference: (customer.reference as string | undefined) ?? null,
      shippingDetails: withAll(DETAIL_FIELDS, customer.shippingDetails as Record<string, unknown>, "V4/Customer/ShippingDetails", [
        "deliveryCompanyName",
        "shippingMethod",
        "shippingSpeed",
      ]),
      extraDetails: {
        browserAccept: null,
        fingerPrintId: null,
        ipAddress: null,
        browserUserAgent: null,
        _type: "V4/Customer/ExtraDetails",
      },
      shoppingCart: (customer.shoppingCart as object | undefined)
        ? { ...(customer.shoppingCart as object), _type: "V4/Customer/ShoppingCart" }
        : null,
      _type: "V4/Customer/Customer",
    },
    acquirerTransientData: (api.acquirerTransientData as object | undefined) ?? {},
    paymentMethods: (api.paymentMethods as string[] | undefined) ?? [],
    subMerchantDetails: withAll(
      SUB_MERCHANT_FIELDS,
      (api.subMerchantDetails as Record<string, unknown> | undefined) ?? {},
      "V4/SubMerchantDetails",
    ),
    returnMode: (api.returnMode as string | undefined) ?? null,
    returnUrl: (api.returnUrl as string | undefined) ?? null,
    cancelUrl: (api.cancelUrl as string | undefined) ?? null,
    successUrl: (api.successUrl as string | undefined) ?? null,
    refusedUrl: (api.refusedUrl as string | undefined) ?? null,
    errorUrl: (api.errorUrl as string | undefined) ?? null,
    postWalletUrl: (api.postWalletUrl as string | undefined) ?? null,
    ipnTargetUrl: o.ipnTargetUrl,
    redirectSuccessTimeout: (api.redirectSuccessTimeout as number | undefined) ?? null,
    redirectErrorTimeout: (api.redirectErrorTimeout as number | undefined) ?? null,
    useCase: null,
    // Our additions (documented): delivery status and number of sends.
    deliveryStatus: o.deliveryStatus,
    sendCount: o.sendCount,
    _type: "V4/PaymentOrder",
  };
}

export type V4PaymentOrder = ReturnType<typeof toPaymentOrder>;

/**
 * Issue 21: the schedule of an order paid in instalments — each one's due date (ISO; the plan's
 * fixed day before the first payment, null for a period not started yet), amount and status
 * (NOT_STARTED until the first payment writes the schedule). Null for a single payment.
 */
function installmentDetails(o: PaymentOrderView) {
  const plan = readInstalmentPlan(o.installmentPlan);
  if (!plan) return null;
  const rows = o.instalments ?? [];
  return {
    count: plan.count,
    installments: plan.amounts.map((amount, i) => {
      const r = rows.find((x) => x.index === i);
      return {
        number: i + 1,
        date: r ? wireDate(r.dueDate) : (plan.dates?.[i] ?? null),
        amount: r ? Number(r.amount) : amount,
        status: r?.status ?? "NOT_STARTED",
        transactionUuid: r?.transactionId ?? null,
        _type: "V4/InstallmentDetail",
      };
    }),
    _type: "V4/InstallmentDetails",
  };
}
