import { z } from "zod";
import { safeParseInput } from "../server/validation";
import { daySchema } from "../shared/day";
import { NOTIFICATION_EVENTS } from "./events";

// Messages are keys of the back-office catalogue (lib/i18n/messages/notification-rules.ts).

export const DELIVERY_STATUSES = ["PENDING", "DELIVERED", "FAILED"] as const;
export const DELIVERY_MODES = ["TEST", "PRODUCTION"] as const;
/** At most this many deliveries are replayed at once (replayDeliveries' own limit). */
export const REPLAY_MAX = 500;

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(emptyToUndefined, s.optional());

/** GET /notifications: the delivery log's filters. `order` is an order's id or (part of) its reference. */
export const deliverySearchSchema = z
  .object({
    shop: optional(z.string().regex(/^\d{8}$/, { error: "err_shop" })),
    mode: optional(z.enum(DELIVERY_MODES, { error: "osearch_err_value" })),
    status: optional(z.enum(DELIVERY_STATUSES, { error: "osearch_err_value" })),
    event: optional(z.enum(NOTIFICATION_EVENTS, { error: "osearch_err_value" })),
    order: optional(z.string().trim().max(64, { error: "err_reference_too_long" })),
    from: optional(daySchema),
    to: optional(daySchema),
    page: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(10_000).catch(1).default(1)),
  })
  .transform((v, ctx) => {
    if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: "custom", path: ["to"], message: "txsearch_err_range" });
    const { page, ...filters } = v;
    return { filters, page };
  });

export type DeliverySearch = z.output<typeof deliverySearchSchema>;
export type DeliveryFilters = DeliverySearch["filters"];

/** The search from GET parameters: invalid criteria reported (message keys per field) and left out. */
export function parseDeliverySearch(params: Record<string, string>): { search: DeliverySearch; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kept = { ...params };
  // The date range is checked once every field is valid: later rounds report it, then parse without it.
  for (let round = 0; round < 3; round++) {
    const r = safeParseInput(deliverySearchSchema, kept);
    if (r.success) return { search: r.data, errors };
    for (const issue of r.error.issues) errors[String(issue.path[0] ?? "")] ??= issue.message;
    for (const field of Object.keys(errors)) delete kept[field];
  }
  return { search: deliverySearchSchema.parse({}), errors };
}

/** Replay from the log or a delivery's page: the chosen deliveries (ids), at least one. */
export const replaySelectionSchema = z.object({
  deliveryIds: z
    .array(z.uuid({ error: "err_replay_none" }), { error: "err_replay_none" })
    .min(1, { error: "err_replay_none" })
    .max(REPLAY_MAX, { error: "err_replay_too_many" })
    .transform((ids) => [...new Set(ids)]),
});
