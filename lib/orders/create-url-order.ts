import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { parseOrThrow } from "../server/validation";
import { parseOrderFormWithOptions } from "./advanced-options";
import { createOrder } from "./create-order";
import { linkTextSchema, orderFormInput, urlOrderFormSchema } from "./schemas";

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
    ...orderFormInput(f),
    // The link's text (issue 21, manual "Texte du lien"), with its variables; none → the shop's template.
    message: f.message,
  });
}
