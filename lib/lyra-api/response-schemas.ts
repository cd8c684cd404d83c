import { z } from "zod";

// What the V4 services answer, as zod schemas: they document the API (OpenAPI) and the tests
// check every answer against them.

const wireDate = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
const nstr = z.string().nullable();
const typed = <T extends z.ZodRawShape>(type: string, shape: T) => z.object({ ...shape, _type: z.literal(type) });

/** The fields of V4/Customer/BillingDetails (shipping details add three). */
export const CUSTOMER_DETAIL_FIELDS = [
  "title",
  "category",
  "firstName",
  "lastName",
  "phoneNumber",
  "cellPhoneNumber",
  "streetNumber",
  "address",
  "address2",
  "district",
  "zipCode",
  "city",
  "state",
  "country",
  "language",
  "identityCode",
  "identityType",
  "legalName",
];

const details = (type: string, extra: string[] = []) =>
  typed(type, Object.fromEntries([...CUSTOMER_DETAIL_FIELDS, ...extra].map((k) => [k, nstr]))).nullable();

export const v4PaymentOrderSchema = typed("V4/PaymentOrder", {
  paymentOrderId: z.string().regex(/^[a-f0-9]{32}$/),
  paymentURL: z.url(),
  paymentOrderStatus: z.enum(["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"]),
  creationDate: wireDate,
  updateDate: wireDate.nullable(),
  amount: z.number().int().positive(),
  currency: z.string().length(3),
  locale: z.string(),
  strongAuthentication: z.string(),
  orderId: nstr,
  channelDetails: typed("V4/ChannelDetails", {
    channelType: z.enum(["URL", "MAIL", "SMS", "WHATSAPP"]),
    mailDetails: typed("V4/MailDetails", { subject: nstr, body: nstr, template: nstr, recipient: nstr, bcc: nstr }).nullable(),
    smsDetails: typed("V4/SmsDetails", { phoneNumber: nstr, message: nstr }).nullable(),
    whatsAppDetails: typed("V4/WhatsAppDetails", { phoneNumber: nstr }).nullable(),
    ivrDetails: z.null(),
  }),
  paymentReceiptEmail: nstr,
  taxRate: z.number().nullable(),
  taxAmount: z.number().int().nullable(),
  expirationDate: wireDate,
  transactionDetails: typed("V4/PaymentOrderTransactionDetails", {
    cardDetails: typed("V4/CardDetails", {
      manualValidation: z.enum(["YES", "NO"]),
      captureDelay: z.number().int(),
      installmentNumber: z.number().int(),
    }),
    // Issue 21: an order paid in instalments exposes its schedule (date, amount, status of each).
    installmentDetails: typed("V4/InstallmentDetails", {
      count: z.number().int(),
      installments: z.array(
        typed("V4/InstallmentDetail", {
          number: z.number().int(),
          date: z.string().nullable(),
          amount: z.number().int(),
          status: z.enum(["NOT_STARTED", "PENDING", "PAID", "FAILED", "CANCELLED"]),
          transactionUuid: z.string().nullable(),
        }),
      ),
    }).nullable(),
    transactionUuid: z
      .string()
      .regex(/^[a-f0-9]{32}$/)
      .nullable(),
  }),
  dataCollectionForm: z.boolean(),
  allowDCFAmountUpdate: z.string(),
  allowDCFAmountUpdateMin: z.number().int().nullable(),
  allowDCFAmountUpdateMax: z.number().int().nullable(),
  merchantComment: nstr,
  message: z.string(),
  description: nstr,
  formAction: z.enum(["PAYMENT", "ASK_REGISTER_PAY", "REGISTER_PAY"]),
  paymentMethodToken: nstr,
  metadata: z.record(z.string(), z.string()),
  customer: typed("V4/Customer/Customer", {
    billingDetails: details("V4/Customer/BillingDetails"),
    email: nstr,
    reference: nstr,
    shippingDetails: details("V4/Customer/ShippingDetails", ["deliveryCompanyName", "shippingMethod", "shippingSpeed"]),
    extraDetails: typed("V4/Customer/ExtraDetails", { browserAccept: nstr, fingerPrintId: nstr, ipAddress: nstr, browserUserAgent: nstr }),
    shoppingCart: z.record(z.string(), z.unknown()).nullable(),
  }),
  acquirerTransientData: z.record(z.string(), z.unknown()),
  paymentMethods: z.array(z.string()),
  subMerchantDetails: z.record(z.string(), z.unknown()),
  returnMode: nstr,
  returnUrl: nstr,
  cancelUrl: nstr,
  successUrl: nstr,
  refusedUrl: nstr,
  errorUrl: nstr,
  postWalletUrl: nstr,
  ipnTargetUrl: nstr,
  redirectSuccessTimeout: z.number().int().nullable(),
  redirectErrorTimeout: z.number().int().nullable(),
  useCase: z.null(),
  deliveryStatus: z.enum(["IN_PROGRESS", "SENT", "FAILED", "MANUAL"]).describe("Ours: delivery status of the order's message."),
  sendCount: z.number().int().describe("Ours: how many times the message was sent."),
});

export const v4ErrorSchema = typed("V4/WebService/WebServiceError", {
  errorCode: z.string().regex(/^[A-Z]+_\d+$/),
  errorMessage: z.string(),
  detailedErrorCode: nstr,
  detailedErrorMessage: nstr,
  ticket: z.string(),
  shopId: nstr,
});

export const v4EnvelopeSchema = (answer: z.ZodType) =>
  typed("V4/WebService/Response", {
    webService: z.string(),
    version: z.literal("V4"),
    applicationVersion: z.string(),
    status: z.enum(["SUCCESS", "ERROR"]),
    answer,
    ticket: z.string().regex(/^[a-f0-9]{32}$/),
    serverDate: wireDate,
    applicationProvider: z.string(),
    metadata: z.null(),
    mode: z.enum(["TEST", "PRODUCTION"]).nullable(),
    serverUrl: z.string(),
  });

export const v4StringSchema = typed("V4/Type/String", { value: z.string() });

export const v4TransactionSchema = typed("V4/PaymentTransaction", {
  shopId: z.string(),
  uuid: z.string().regex(/^[a-f0-9]{32}$/),
  amount: z.number().int(),
  currency: z.string(),
  paymentMethodType: z.string(),
  paymentMethodToken: nstr,
  status: z.enum(["PAID", "RUNNING", "UNPAID"]),
  detailedStatus: z.string(),
  operationType: z.string(),
  effectiveStrongAuthentication: z.string(),
  creationDate: wireDate,
  errorCode: nstr,
  errorMessage: nstr,
  detailedErrorCode: nstr,
  detailedErrorMessage: nstr,
  metadata: z.record(z.string(), z.unknown()),
  paymentOrderId: z.string(),
  transactionDetails: z.record(z.string(), z.unknown()),
});

export const v4OrderTransactionsSchema = typed("V4/OrderTransactions", { orderId: z.string(), transactions: z.array(v4TransactionSchema) });

/** The transaction services' answer (refunds20, spec §15): the same object, typed V4/Transaction. */
export const v4TransactionObjectSchema = typed("V4/Transaction", {
  ...v4TransactionSchema.omit({ _type: true }).shape,
  operationType: z.enum(["DEBIT", "CREDIT"]),
});
