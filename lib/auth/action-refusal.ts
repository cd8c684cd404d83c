// How a use case's refusal reads in the back office: ONE table from AppError codes to the message
// keys the forms and notices show. Pure (no session, no Next), so a unit test can pin it.
import { type ErrorCode, type FieldErrors, isAppError } from "../server/errors";

/** What a form or a notice shows for a refused action: field errors, or one message key. */
export type Refusal = { fields?: FieldErrors; error?: string; details?: Record<string, unknown> };

// NOT_FOUND reads like FORBIDDEN: another tenant's id and a missing one look the same.
const MESSAGE_KEY: Record<ErrorCode, string> = {
  VALIDATION: "err_generic",
  UNAUTHENTICATED: "err_forbidden",
  FORBIDDEN: "err_forbidden",
  NOT_FOUND: "err_forbidden",
  CONFLICT: "err_generic",
  ORDER_NOT_PAYABLE: "err_action_not_allowed",
  INVALID_TRANSITION: "err_action_not_allowed",
  RATE_LIMITED: "err_generic",
  PAYLOAD_TOO_LARGE: "err_generic",
  INTERNAL: "err_generic",
};

/**
 * An AppError as the back office shows it; anything else is a bug and is thrown again. A use case
 * that chose a message for people (a catalogue key, `err_…`) has it shown as the form's message.
 */
export function refusalOf(e: unknown): Refusal {
  if (!isAppError(e)) throw e;
  if (e.publicMessage.startsWith("err_")) return { error: e.publicMessage };
  if (e.code === "VALIDATION" && e.fields) return { fields: e.fields, details: e.details };
  return { error: MESSAGE_KEY[e.code] };
}

/** One message key for a redirect notice: the refusal's message, else its first field's. */
export const noticeOf = (r: Refusal): string => r.error ?? Object.values(r.fields ?? {})[0] ?? "err_generic";
