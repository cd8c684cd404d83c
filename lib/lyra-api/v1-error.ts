// The error answers of our own REST endpoints (/api/v1/…, issue 21): a stable code and a readable
// English message, never an interface translation key ("err_invoice_form_missing").
import { z } from "zod";
import { en } from "../i18n/messages/en";
import { type AppError, type ErrorCode, isAppError, toErrorResponse } from "../server/errors";

export type V1ErrorBody = {
  /** The kind of refusal (VALIDATION, NOT_FOUND, …): stable. */
  code: ErrorCode;
  /** The broken rule, stable, for programs (INVOICE_FORM_MISSING, VALIDITY_PAST, …); absent when `code` says it all. */
  reason?: string;
  /** For people, in English. */
  message: string;
  /** Per field: a readable English message (and its stable reason in `fieldReasons`). */
  fields?: Record<string, string>;
  fieldReasons?: Record<string, string>;
};

const CATALOGUE = en as Record<string, string>;
const isKey = (s: string) => /^[a-z][a-z0-9_]*$/.test(s) && s.includes("_");
/** "err_invoice_form_missing" → "INVOICE_FORM_MISSING". */
export const reasonOf = (key: string) => key.replace(/^err_/, "").toUpperCase();
/** A catalogue key as English text; any other text as it is. */
export const englishOf = (text: string) => (isKey(text) ? (CATALOGUE[text] ?? text.replace(/^err_/, "").replace(/_/g, " ")) : text);

export function toV1ErrorResponse(err: unknown): { status: number; body: V1ErrorBody } {
  const r = toErrorResponse(err);
  const e = isAppError(err) ? (err as AppError) : null;
  const body: V1ErrorBody = { code: r.body.code, message: englishOf(r.body.message) };
  const reason = e?.reason ?? (isKey(r.body.message) ? reasonOf(r.body.message) : undefined);
  if (reason) body.reason = reason;
  if (r.body.fields) {
    body.fields = Object.fromEntries(Object.entries(r.body.fields).map(([k, v]) => [k, englishOf(v)]));
    body.fieldReasons = Object.fromEntries(Object.entries(r.body.fields).map(([k, v]) => [k, isKey(v) ? reasonOf(v) : v]));
  }
  return { status: r.status, body };
}

/** The same body as a schema, for the OpenAPI document. */
export const v1ErrorSchema = z.object({
  code: z.string().describe("VALIDATION, UNAUTHENTICATED, NOT_FOUND, PAYLOAD_TOO_LARGE, RATE_LIMITED, INTERNAL…"),
  reason: z.string().optional().describe("The broken rule, stable (e.g. INVOICE_FORM_MISSING)."),
  message: z.string().describe("Readable, in English."),
  fields: z.record(z.string(), z.string()).optional(),
  fieldReasons: z.record(z.string(), z.string()).optional(),
});
