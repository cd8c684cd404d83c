import { z } from "zod";
import { isKnownCurrency } from "../money/currencies";
import { MAX_MINOR } from "../money/parse-amount";
import { outboundUrlProblem } from "../security/outbound-url";
import { isStorableText } from "../server/validation";
import type { LyraErrorCode } from "./error-codes";

// Request schemas of the V4 payment-order services. Each issue's message is the Lyra error code
// to answer; the same schemas generate the OpenAPI document. Lenient where real clients are:
// booleans as "true"/"false", amounts as integral numbers or digit strings, null = absent,
// unknown fields ignored. Free-text strings PostgreSQL would refuse (U+0000, a lone surrogate)
// fail with their field's code (`text`); parse-request.ts refuses any left elsewhere (INT_902).

const E = (code: LyraErrorCode) => ({ error: code });

/** A string PostgreSQL can store; `invalid` is the code for a value it refuses (default: `code`). */
const text = (code: LyraErrorCode, invalid: LyraErrorCode = code) => z.string(E(code)).refine(isStorableText, E(invalid));
const str = (code: LyraErrorCode, max: number) => text(code).max(max, E(code));
const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);

export const amountSchema = z
  .union([z.number(E("INT_009")), z.string(E("INT_009")).regex(/^\d{1,12}$/, E("INT_009"))], E("INT_009"))
  .transform(Number)
  .pipe(
    z
      .number()
      .int(E("INT_009"))
      .min(0, E("INT_009"))
      .max(MAX_MINOR, E("INT_009"))
      .refine((n) => n !== 0, E("PSP_1024")),
  )
  .describe("Amount in the currency's smallest unit (cents for EUR), > 0, up to 12 digits.");

export const currencySchema = z
  .string(E("INT_010"))
  .regex(/^[A-Z]{3}$/, E("INT_010"))
  .refine(isKnownCurrency, E("INT_010"))
  .describe("ISO 4217 alpha-3 code, enabled on the shop.");

const boolish = (code: LyraErrorCode) =>
  z.union([z.boolean(), z.enum(["true", "false"])], E(code)).transform((v) => v === true || v === "true");

const isoDateTime = z
  .string(E("INT_855"))
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/, E("INT_855"))
  .transform((s, ctx) => {
    const withZone = /(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}Z`;
    const d = new Date(withZone);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "INT_855" });
      return z.NEVER;
    }
    return d;
  })
  .describe("ISO 8601 date-time with offset (no offset = UTC). Not in the past, at most 90 days ahead.");

const httpUrl = (code: LyraErrorCode) =>
  text(code)
    .max(2048, E(code))
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === "https:" || u.protocol === "http:";
      } catch {
        return false;
      }
    }, E(code));

/** A URL the workers will call: the SSRF guard's form check (the mode's https rule is the use case's). */
const outboundUrl = (code: LyraErrorCode) =>
  text(code)
    .max(2048, E(code))
    .refine((s) => outboundUrlProblem(s, { maxLength: 2048 }) === null, E(code));

const email = (code: LyraErrorCode) => z.email(E(code)).max(150, E(code));

const optionalText = (max: number) => opt(str("INT_902", max));

/** Optional free-text fields by maximum length, in the order given (the parsed object's and the OpenAPI document's). */
function optionalTexts<const T extends Record<string, number>>(maxLengths: T) {
  const shape = Object.fromEntries(Object.entries(maxLengths).map(([key, max]) => [key, optionalText(max)]));
  return shape as { [K in keyof T]: ReturnType<typeof optionalText> };
}

const detailsSchema = z
  .object({
    ...optionalTexts({ title: 64 }),
    category: opt(z.enum(["PRIVATE", "COMPANY"], E("INT_902"))),
    ...optionalTexts({
      firstName: 128,
      lastName: 128,
      phoneNumber: 32,
      cellPhoneNumber: 32,
      streetNumber: 64,
      address: 255,
      address2: 255,
      district: 128,
      zipCode: 64,
      city: 128,
      state: 128,
    }),
    country: opt(z.string(E("INT_902")).regex(/^[A-Z]{2}$/, E("INT_902"))),
    ...optionalTexts({
      language: 8,
      identityCode: 64,
      identityType: 64,
      legalName: 128,
      deliveryCompanyName: 128,
      shippingMethod: 64,
      shippingSpeed: 64,
    }),
  })
  .describe("Buyer billing or shipping details.");

export const customerSchema = z.object({
  email: opt(email("INT_015")),
  reference: opt(str("INT_016", 63)),
  billingDetails: opt(detailsSchema),
  shippingDetails: opt(detailsSchema),
  shoppingCart: opt(z.record(z.string(), z.unknown(), E("INT_902"))),
});

export const metadataSchema = z
  .record(
    text("INT_091").max(64, E("INT_091")),
    z.union([text("INT_091").max(255, E("INT_091")), z.number(), z.boolean()], E("INT_091")),
    E("INT_091"),
  )
  .refine((m) => Object.keys(m).length <= 50, E("INT_091"))
  .transform((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, String(v)])))
  .describe("Flat map of strings, echoed on the order and copied into its transactions.");

const phone = (code: LyraErrorCode) => z.string(E(code)).regex(/^\+?[0-9][0-9 .()-]{5,24}$/, E(code));

export const channelOptionsSchema = z.object({
  channelType: opt(z.enum(["URL", "MAIL", "SMS", "WHATSAPP"], E("INT_854"))),
  mailOptions: opt(
    z.object(
      {
        recipient: opt(text("INT_850", "PSP_1032").max(10_000, E("PSP_1032"))),
        bcc: opt(text("PSP_1032").max(2_000, E("PSP_1032"))),
        subject: opt(str("INT_843", 255)),
        body: opt(str("INT_842", 100_000)),
        template: opt(str("INT_845", 255)),
      },
      E("INT_841"),
    ),
  ),
  smsOptions: opt(z.object({ phoneNumber: opt(phone("INT_838")), message: opt(str("INT_842", 500)) }, E("INT_836"))),
  whatsAppOptions: opt(z.object({ phoneNumber: opt(phone("INT_837")) }, E("INT_839"))),
});

const STRONG_AUTH = [
  "AUTO",
  "NO_PREFERENCE",
  "FRICTIONLESS",
  "NO_CHALLENGE_REQUESTED",
  "CHALLENGE_REQUESTED",
  "CHALLENGE_MANDATE",
  "ENABLED",
  "DISABLED",
] as const;

/** Every field of a payment order that Create accepts (Update accepts the same, all optional). */
export const paymentOrderFields = {
  orderId: opt(z.string(E("INT_013")).regex(/^[\x20-\x7E]{0,64}$/, E("INT_013"))).describe(
    "Merchant reference, ≤ 64 printable ASCII characters.",
  ),
  channelOptions: opt(channelOptionsSchema),
  expirationDate: opt(isoDateTime),
  locale: opt(z.string(E("INT_856")).regex(/^[a-z]{2}([_-][A-Za-z]{2})?$/, E("INT_856"))).describe("ll_CC, e.g. fr_FR, en_GB."),
  merchantComment: opt(str("INT_902", 1000)),
  paymentReceiptEmail: opt(email("INT_851")),
  taxAmount: opt(z.number(E("INT_869")).int(E("INT_869")).min(0, E("INT_869")).max(MAX_MINOR, E("INT_869"))),
  taxRate: opt(z.number(E("INT_858")).min(0, E("INT_858")).max(100, E("INT_858"))),
  description: opt(text("INT_883").max(255, E("INT_815"))),
  metadata: opt(metadataSchema),
  formAction: opt(z.enum(["PAYMENT", "ASK_REGISTER_PAY", "REGISTER_PAY"], E("INT_875"))),
  paymentMethodToken: opt(z.string(E("INT_030")).regex(/^[a-f0-9]{32}$/, E("INT_030"))),
  strongAuthentication: opt(z.enum(STRONG_AUTH, E("INT_050"))),
  dataCollectionForm: opt(boolish("INT_853")),
  // NONE (default); ours (issue 12): RANGE (allowDCFAmountUpdateMin…Max) or FREE (from allowDCFAmountUpdateMin).
  allowDCFAmountUpdate: opt(z.enum(["NONE", "RANGE", "FREE"], E("INT_051"))),
  allowDCFAmountUpdateMin: opt(z.number(E("INT_051")).int(E("INT_051")).min(1, E("INT_051")).max(MAX_MINOR, E("INT_051"))),
  allowDCFAmountUpdateMax: opt(z.number(E("INT_051")).int(E("INT_051")).min(1, E("INT_051")).max(MAX_MINOR, E("INT_051"))),
  paymentMethods: opt(z.array(z.string().regex(/^[A-Z0-9_]{2,32}$/, E("INT_881")), E("INT_881")).max(50, E("INT_881"))),
  transactionOptions: opt(
    z.object({
      cardOptions: opt(
        z.object({
          manualValidation: opt(z.enum(["YES", "NO"], E("INT_005"))),
          captureDelay: opt(z.number(E("INT_006")).int(E("INT_006")).min(0, E("INT_860")).max(365, E("INT_860"))),
          installmentNumber: opt(z.number(E("INT_895")).int(E("INT_895")).min(0, E("INT_895")).max(99, E("INT_895"))),
        }),
      ),
      // Merchant-side instalments (issue 12): count + period (+ firstAmount), or explicit schedules.
      installmentOptions: opt(
        z.object(
          {
            firstAmount: opt(z.number(E("INT_928")).int(E("INT_928")).min(1, E("INT_928")).max(MAX_MINOR, E("INT_928"))),
            count: opt(z.number(E("INT_929")).int(E("INT_929"))),
            period: opt(z.number(E("INT_930")).int(E("INT_930"))),
            schedules: opt(
              z.array(
                z.object(
                  {
                    date: text("INT_932").regex(/^\d{4}-\d{2}-\d{2}/, E("INT_932")),
                    amount: z.number(E("INT_933")).int(E("INT_933")).min(1, E("INT_933")).max(MAX_MINOR, E("INT_933")),
                  },
                  E("INT_931"),
                ),
                E("INT_931"),
              ),
            ),
          },
          E("INT_928"),
        ),
      ),
    }),
  ),
  customer: opt(customerSchema),
  returnMode: opt(z.enum(["GET", "POST", "NONE"], E("INT_927"))),
  returnUrl: opt(httpUrl("INT_920")),
  cancelUrl: opt(httpUrl("INT_921")),
  successUrl: opt(httpUrl("INT_922")),
  refusedUrl: opt(httpUrl("INT_923")),
  errorUrl: opt(httpUrl("INT_924")),
  postWalletUrl: opt(httpUrl("INT_925")),
  ipnTargetUrl: opt(outboundUrl("INT_926")),
  redirectSuccessTimeout: opt(z.number(E("INT_794")).int(E("INT_794")).min(0, E("INT_794")).max(300, E("INT_794"))),
  redirectErrorTimeout: opt(z.number(E("INT_795")).int(E("INT_795")).min(0, E("INT_795")).max(300, E("INT_795"))),
  subMerchantDetails: opt(z.record(text("INT_902"), z.union([text("INT_902").max(255), z.null()]), E("INT_902"))),
  acquirerTransientData: opt(z.record(z.string(), z.unknown(), E("INT_902"))),
};

export const createPaymentOrderSchema = z.object({ amount: amountSchema, currency: currencySchema, ...paymentOrderFields });
export type CreatePaymentOrderRequest = z.infer<typeof createPaymentOrderSchema>;

export const paymentOrderIdSchema = z
  .string(E("INT_840"))
  .regex(/^[a-f0-9]{32}$/, E("INT_840"))
  .describe("32 lowercase hex characters, as returned by CreatePaymentOrder.");

export const getPaymentOrderSchema = z.object({ paymentOrderId: paymentOrderIdSchema });

export const updatePaymentOrderSchema = z.object({
  paymentOrderId: paymentOrderIdSchema,
  amount: amountSchema,
  currency: currencySchema,
  ...paymentOrderFields,
});
export type UpdatePaymentOrderRequest = z.infer<typeof updatePaymentOrderSchema>;

export const sdkTestSchema = z.object({ value: text("INT_902").max(1000, E("INT_902")) });
export const orderGetSchema = z.object({ orderId: text("INT_013").min(1, E("INT_013")).max(64, E("INT_013")) });
