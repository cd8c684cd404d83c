import { z } from "zod";
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

// What PostgreSQL refuses in text and jsonb: U+0000, and (in jsonb) a lone UTF-16 surrogate. Sent
// to a query, either fails it: a 500 for what is only bad input.
const LONE_SURROGATE = /\p{Cs}/u;

/** Whether PostgreSQL can store the string as text and inside jsonb. */
export const isStorableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/** The message key of a field holding such a string. */
export const TEXT_REFUSED = "err_text_refused";

/**
 * Paths of the strings (values or keys, in plain objects and arrays) PostgreSQL would refuse, the
 * first `max` found. Iterative, so a deeply nested JSON body cannot exhaust the stack.
 */
export function refusedTextPaths(value: unknown, max = 20): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  const stack: [unknown, PropertyKey[]][] = [[value, []]];
  while (stack.length > 0 && found.length < max) {
    const [v, path] = stack.pop()!;
    if (typeof v === "string") {
      if (!isStorableText(v)) found.push(path);
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push([v[i], [...path, i]]);
    } else if (v !== null && typeof v === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      for (const [k, x] of Object.entries(v).reverse()) {
        if (isStorableText(k)) stack.push([x, [...path, k]]);
        else found.push([...path, k]);
      }
    }
  }
  return found;
}

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) => prefix.every((p, i) => String(p) === String(path[i]));

/**
 * schema.safeParse for input from a person or a machine (forms, search parameters, webhooks):
 * besides the schema's own issues, every string PostgreSQL would refuse is an issue on its field
 * (TEXT_REFUSED), so it is reported like any bad value and never reaches a query.
 */
export function safeParseInput<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const r = schema.safeParse(input);
  const refused = refusedTextPaths(input);
  if (refused.length === 0) return r as z.ZodSafeParseResult<z.output<S>>;
  const issues: z.core.$ZodIssue[] = refused.map((path) => ({ code: "custom", path, message: TEXT_REFUSED, input: undefined }));
  if (!r.success) issues.push(...r.error.issues.filter((i) => !refused.some((p) => startsWith(i.path, p))));
  return { success: false, error: new z.ZodError(issues) } as z.ZodSafeParseResult<z.output<S>>;
}

/** Parses (safeParseInput) or throws a VALIDATION AppError naming each bad field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = safeParseInput(schema, input);
  if (!r.success) {
    const fields = fieldErrorsOf(r.error);
    throw new AppError("VALIDATION", `invalid input: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  return r.data;
}
