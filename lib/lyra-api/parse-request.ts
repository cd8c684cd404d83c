import type { z } from "zod";
import { SMS_CREDITS_SHORT } from "../channels/debit-sms-credits";
import { SMS_TEXT_EMPTY, SMS_TEXT_TOO_LONG } from "../channels/render-order-text";
import { CONNECTOR_OPTION_UNSUPPORTED, NO_PRODUCTION_CONNECTOR } from "../payments/connectors/connector-rules";
import { AppError } from "../server/errors";
import { refusedTextPaths } from "../server/validation";
import { LYRA_ERRORS, LyraError, type LyraErrorCode } from "./error-codes";
import { valueAt } from "./wire";

const isCode = (m: string): m is LyraErrorCode => m in LYRA_ERRORS;

/**
 * Parses a request body; the first problem becomes the Lyra error naming the field and value. A
 * string PostgreSQL would refuse that the schema kept without a field code of its own (a free-form
 * object's values or keys, e.g. customer.shoppingCart) is INT_902 on its path; fields the schema
 * drops (unknown ones) are ignored as ever.
 */
export function parseRequest<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const r = schema.safeParse(body);
  if (r.success) {
    const [refused] = refusedTextPaths(r.data, 1);
    if (!refused) return r.data;
    throw invalid("INT_902", refused, body, ": a character that cannot be stored (U+0000 or a lone surrogate)");
  }
  const issue = r.error.issues[0]!;
  throw invalid(isCode(issue.message) ? issue.message : "INT_902", issue.path, body);
}

function invalid(code: LyraErrorCode, path: readonly PropertyKey[], body: unknown, why = "") {
  let value = JSON.stringify(valueAt(body, path) ?? null) ?? "null";
  if (value.length > 100) value = `${value.slice(0, 97)}...`;
  return new LyraError(code, `Invalid input ${path.map(String).join(".") || "body"} [value=${value}]${why}`);
}

const FIELD_CODES: Record<string, { code: LyraErrorCode; field: string }> = {
  currency: { code: "PSP_1035", field: "currency" },
  reference: { code: "INT_942", field: "orderId" },
  validUntil: { code: "PSP_1007", field: "expirationDate" },
  dataCollectionForm: { code: "PSP_1014", field: "dataCollectionForm" },
  // An alias with the data collection form, when only one of them is in the request (update).
  aliasMode: { code: "INT_875", field: "formAction" },
  taxAmount: { code: "INT_868", field: "taxAmount" },
  // Private, local or with credentials; http for a PRODUCTION order (the SSRF guard's rules).
  ipnTargetUrl: { code: "INT_926", field: "ipnTargetUrl" },
  // The adjustable amount (issue 12): bounds against the amount, invoices, instalments.
  amountUpdateMode: { code: "INT_051", field: "allowDCFAmountUpdate" },
  amountUpdateMin: { code: "INT_051", field: "allowDCFAmountUpdateMin" },
  amountUpdateMax: { code: "INT_051", field: "allowDCFAmountUpdateMax" },
  // Payment in instalments (issue 12): the plan's rules against the amount and the dates.
  instalmentMode: { code: "INT_928", field: "transactionOptions.installmentOptions" },
  instalmentFirstAmount: { code: "INT_928", field: "transactionOptions.installmentOptions.firstAmount" },
  instalmentCount: { code: "INT_929", field: "transactionOptions.installmentOptions.count" },
  instalmentPeriod: { code: "INT_930", field: "transactionOptions.installmentOptions.period" },
  instalmentSchedule: { code: "INT_931", field: "transactionOptions.installmentOptions.schedules" },
};

// Refusals whose rule has its own code (the SMS text and the SMS account), keyed on the rule's
// stable reason, not on the message the back office shows for it.
const REASON_CODES: Record<string, { code: LyraErrorCode; field: string }> = {
  [SMS_CREDITS_SHORT]: { code: "PSP_1030", field: "channelOptions.smsOptions" },
  [SMS_TEXT_TOO_LONG]: { code: "PSP_1038", field: "channelOptions.smsOptions.message" },
  [SMS_TEXT_EMPTY]: { code: "PSP_1021", field: "channelOptions.smsOptions.message" },
  // Issue 20: PRODUCTION needs the shop's verified payment processor; an option it cannot honour.
  [NO_PRODUCTION_CONNECTOR]: { code: "PSP_109", field: "mode" },
  [CONNECTOR_OPTION_UNSUPPORTED]: { code: "PSP_1060", field: "transactionOptions" },
};

const STATUS_CODES: Record<string, LyraErrorCode> = {
  PAID: "PSP_1005",
  REFUSED: "PSP_1005",
  EXPIRED: "PSP_1006",
  CANCELLED: "PSP_1101",
  RUNNING: "PSP_1102",
};

/** A domain error in the API's words. Anything else is a bug: rethrown. */
export function toLyraError(e: unknown, input: Record<string, unknown> = {}): LyraError {
  if (e instanceof LyraError) return e;
  if (e instanceof AppError) {
    if (e.code === "VALIDATION" && e.fields) {
      const [key, reason] = Object.entries(e.fields)[0] ?? ["", ""];
      const byReason = e.reason ? REASON_CODES[e.reason] : undefined;
      if (byReason) return new LyraError(byReason.code, `${byReason.field}: ${e.message}`);
      const map = FIELD_CODES[key];
      if (map)
        return new LyraError(
          map.code,
          `Invalid input ${map.field} [value=${JSON.stringify(input[map.field] ?? null)}]: ${reason.replace(/^err_/, "").replaceAll("_", " ")}`,
        );
      return new LyraError("INT_902", `Invalid input ${key}: ${reason}`);
    }
    if (e.code === "NOT_FOUND") return new LyraError("PSP_1000", "Payment order not found");
    if (e.code === "INVALID_TRANSITION") {
      const status = String(e.details?.status ?? "");
      return new LyraError(STATUS_CODES[status] ?? "PSP_1005", `Payment order status is ${status}`);
    }
  }
  throw e;
}
