import type { z } from "zod";
import { AppError, type FieldErrors } from "./errors";

/** zod issues → { "field.path": "message key" }, first issue per field. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/** Parses or throws a VALIDATION AppError naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) {
    const fields = fieldErrorsOf(r.error);
    throw new AppError("VALIDATION", `invalid input: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  return r.data;
}
