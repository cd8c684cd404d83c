import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { parseOrThrow } from "../server/validation";
import { parseOrderFormWithOptions } from "./advanced-options";
import { createOrder } from "./create-order";
import { linkTextSchema, urlOrderFormSchema } from "./schemas";

/** The back office's "order by URL" form, as typed, to a created order (or field errors). */
export async function createUrlOrder(db: Db, input: { actor: UserActor; values: Record<string, string> }) {
  const { form: f, options } = await parseOrderFormWithOptions(db, {
    shopIds: input.actor.shopIds,
    values: input.values,
    parseMain: () => ({ ...parseOrThrow(urlOrderFormSchema, input.values), ...parseOrThrow(linkTextSchema, input.values) }),
  });
  return createOrder(db, {
    ...options,
    actor: input.actor,
    shopId: f.shopId,
    mode: f.mode,
    reference: f.reference,
    amountMinor: f.amountMinor,
    currency: f.currency,
    validUntilDay: f.validUntil,
    buyerEmail: f.buyerEmail,
    language: f.language,
    // The link's text (issue 21, manual "Texte du lien"), with its variables; none → the shop's template.
    message: f.message,
  });
}
