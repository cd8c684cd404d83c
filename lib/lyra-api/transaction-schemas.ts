// Request schemas of the V4 transaction services (spec §15, refunds20): Transaction/Get,
// /CancelOrRefund, /Validate, /Update. Same leniency as the payment-order services (null = absent,
// amounts as integral numbers or digit strings, unknown fields ignored); each issue's message is
// the Lyra code to answer. They generate the OpenAPI document's entries too.
import { z } from "zod";
import { isStorableText } from "../server/validation";
import type { LyraErrorCode } from "./error-codes";
import { amountSchema, currencySchema } from "./schemas";

const E = (code: LyraErrorCode) => ({ error: code });
const opt = <T extends z.ZodType>(s: T) => s.nullish().transform((v) => v ?? undefined);

export const transactionUuidSchema = z
  .string(E("INT_902"))
  .regex(/^[a-fA-F0-9]{32}$/, E("INT_902"))
  .transform((s) => s.toLowerCase())
  .describe("The transaction's uuid: 32 hex characters, as in transactions[].uuid (IPN, Order/Get).");

const comment = opt(z.string(E("INT_902")).max(255, E("INT_902")).refine(isStorableText, E("INT_902"))).describe(
  "Free text kept with the operation (at most 255 characters).",
);

const captureDateSchema = z
  .string(E("PSP_1109"))
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/, E("PSP_1109"))
  .transform((s, ctx) => {
    const withTime = s.length === 10 ? `${s}T12:00:00` : s;
    const d = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(withTime) ? withTime : `${withTime}Z`);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "PSP_1109" });
      return z.NEVER;
    }
    return d;
  })
  .describe("ISO 8601 date or date-time; its day in the shop's time zone becomes the capture day (today .. payment + 7 days).");

export const transactionGetSchema = z.object({ uuid: transactionUuidSchema });

export const cancelOrRefundSchema = z.object({
  uuid: transactionUuidSchema,
  amount: opt(amountSchema).describe(
    "Minor units; absent or null: all that remains. Before capture a smaller amount lowers the amount to capture.",
  ),
  currency: opt(currencySchema).describe("The transaction's currency, when given."),
  resolutionMode: opt(z.enum(["AUTO", "REFUND_ONLY", "CANCELLATION_ONLY"], E("INT_902"))).describe(
    "AUTO (default): cancel before capture, refund after. REFUND_ONLY on an uncaptured one or CANCELLATION_ONLY on a captured one is refused (PSP_1106).",
  ),
  comment,
});
export type CancelOrRefundRequest = z.infer<typeof cancelOrRefundSchema>;

export const validateTransactionSchema = z.object({ uuid: transactionUuidSchema, comment });

export const updateTransactionSchema = z.object({
  uuid: transactionUuidSchema,
  cardUpdate: opt(
    z.object(
      {
        amount: opt(amountSchema).describe("Lower the amount to capture (never above the authorised amount)."),
        currency: opt(currencySchema),
        expectedCaptureDate: opt(captureDateSchema),
        manualValidation: opt(z.enum(["YES", "NO"], E("INT_005"))).describe(
          "YES: the transaction waits for Transaction/Validate; NO: validated now.",
        ),
      },
      E("INT_902"),
    ),
  ),
  comment,
});
export type UpdateTransactionRequest = z.infer<typeof updateTransactionSchema>;
