import { z } from "zod";
import { safeParseInput } from "../server/validation";
import { daySchema } from "../shared/day";
import { parseActionFilter } from "./audit-actions";

// Messages are keys of the back-office catalogue (lib/i18n/messages/audit-log.ts).

export const AUDIT_ACTOR_TYPES = ["USER", "API_KEY", "SYSTEM", "BUYER"] as const;
export const AUDIT_PAGE_SIZE = 50;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());

/** The keyset cursor: the boundary row's time and id, base64url JSON (opaque to people). */
export type AuditCursor = { at: Date; id: string };

export const encodeAuditCursor = (c: AuditCursor) => Buffer.from(JSON.stringify([c.at.toISOString(), c.id])).toString("base64url");

export function decodeAuditCursor(s: string): AuditCursor | null {
  try {
    const [at, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || !z.uuid().safeParse(id).success) return null;
    const d = new Date(at);
    return Number.isNaN(d.getTime()) ? null : { at: d, id };
  } catch {
    return null;
  }
}

const cursorSchema = z
  .string()
  .max(200)
  .transform((s, ctx) => {
    const c = decodeAuditCursor(s);
    if (c) return c;
    ctx.addIssue({ code: "custom", message: "audit_err_page" });
    return z.NEVER;
  });

const ACTION_SHAPE = /^(area:[a-z_]+|[a-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*(\.\*)?)$/;

/** GET /settings/audit-log (and its export.csv): the filters, and the page (older than `after` / newer than `before`). */
export const auditSearchSchema = z
  .object({
    from: optional(daySchema),
    to: optional(daySchema),
    actorType: optional(z.enum(AUDIT_ACTOR_TYPES, { error: "osearch_err_value" })),
    // A user's name or e-mail (part of), or a shop id for its REST API keys.
    actor: optional(z.string().trim().max(100, { error: "audit_err_actor" })),
    action: optional(
      z
        .string()
        .trim()
        .max(100, { error: "osearch_err_value" })
        .refine((v) => ACTION_SHAPE.test(v) && parseActionFilter(v) !== null, { error: "osearch_err_value" }),
    ),
    shop: optional(
      z
        .string()
        .trim()
        .regex(/^\d{8}$/, { error: "err_shop" }),
    ),
    order: optional(
      z
        .string()
        .trim()
        .regex(/^[a-fA-F0-9]{32}$/, { error: "audit_err_order" })
        .transform((s) => s.toLowerCase()),
    ),
    after: optional(cursorSchema),
    before: optional(cursorSchema),
  })
  .transform((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "txsearch_err_range" });
    const { after, before, ...filters } = v;
    return { filters, page: after ? { after } : before ? { before } : {} };
  });

export type AuditSearch = z.output<typeof auditSearchSchema>;
export type AuditFilters = AuditSearch["filters"];
export type AuditPage = { after?: AuditCursor; before?: AuditCursor };

/** The search from GET parameters: invalid criteria reported (message keys per field) and left out. */
export function parseAuditSearch(params: Record<string, string>): { search: AuditSearch; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kept = { ...params };
  // The date range is checked once every field is valid: later rounds report it, then parse without it.
  for (let round = 0; round < 3; round++) {
    const r = safeParseInput(auditSearchSchema, kept);
    if (r.success) return { search: r.data, errors };
    for (const issue of r.error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
    for (const field of Object.keys(errors)) delete kept[field];
  }
  return { search: auditSearchSchema.parse({}), errors };
}
