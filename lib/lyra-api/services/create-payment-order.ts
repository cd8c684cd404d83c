import { shopPhoneCountry } from "../../channels/phone-number";
import { createOrder } from "../../orders/create-order";
import { LONG_TRANSACTION } from "../../server/db";
import { checkKeyFormat, findReplay, KeyTaken, requestHash, storeAnswer } from "../idempotency";
import { parseRequest, toLyraError } from "../parse-request";
import { toPaymentOrder } from "../payment-order-object";
import { recipientCount, returnTestRecipients, takeTestRecipients } from "../quotas";
import { createPaymentOrderSchema } from "../schemas";
import { toOrderFields } from "../to-order-input";
import { apiActor, type Service } from "./types";

/** Charge/CreatePaymentOrder — the same use case as the back office's creation. */
export const createPaymentOrder: Service = async ({ db, shop, body, idempotencyKey }) => {
  // Clients in the wild send channelType at the top level.
  const co = body.channelOptions;
  const normalised =
    typeof body.channelType === "string" && (co === undefined || co === null || (typeof co === "object" && !("channelType" in co)))
      ? { ...body, channelOptions: { ...((co as object | null) ?? {}), channelType: body.channelType } }
      : body;
  const req = parseRequest(createPaymentOrderSchema, normalised);
  const channel = req.channelOptions?.channelType ?? "URL";
  const fields = toOrderFields(req, channel, { phoneCountry: shopPhoneCountry(shop.defaults.defaultLanguage) });

  const key = idempotencyKey === null ? null : { shopId: shop.id, mode: shop.mode, key: idempotencyKey, requestHash: requestHash(body) };
  if (key) {
    checkKeyFormat(key.key);
    const replay = await findReplay(db, key);
    if (replay) return { answer: replay, replayed: true };
  }
  // A TEST key's messages count against the shop's hourly recipients; a call that does not fit creates nothing.
  const taken = await takeTestRecipients(db, shop, channel, recipientCount(fields));
  try {
    const input = {
      actor: apiActor(shop),
      shopId: shop.id,
      mode: shop.mode,
      channel,
      amountMinor: req.amount,
      currency: req.currency,
      ...fields,
      shopDefaults: shop.defaults,
    };
    // With a key, the order and its stored answer commit together (a KeyTaken rolls both back).
    if (!key) return { answer: toPaymentOrder((await createOrder(db, input)).row) };
    const answer = await db.$transaction(async (tx) => {
      const a = toPaymentOrder((await createOrder(tx, input)).row);
      await storeAnswer(tx, key, a);
      return a;
    }, LONG_TRANSACTION);
    return { answer };
  } catch (e) {
    await returnTestRecipients(db, taken);
    if (e instanceof KeyTaken && key) {
      const replay = await findReplay(db, key);
      if (replay) return { answer: replay, replayed: true };
    }
    throw toLyraError(e, normalised);
  }
};
