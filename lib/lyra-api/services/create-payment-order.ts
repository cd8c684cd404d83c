import { shopPhoneCountry } from "../../channels/phone-number";
import { createOrder } from "../../orders/create-order";
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
  const taken = await takeTestRecipients(shop, channel, recipientCount(fields));
  try {
    const created = await createOrder(
      db,
      {
        actor: apiActor(shop),
        shopId: shop.id,
        mode: shop.mode,
        channel,
        amountMinor: req.amount,
        currency: req.currency,
        ...fields,
        shopDefaults: shop.defaults,
      },
      key
        ? async (client, order) => {
            const answer = toPaymentOrder(order.row);
            await storeAnswer(client, key, answer);
            return answer;
          }
        : undefined,
    );
    return { answer: created.extra ?? toPaymentOrder(created.row) };
  } catch (e) {
    await returnTestRecipients(taken);
    if (e instanceof KeyTaken && key) {
      const replay = await findReplay(db, key);
      if (replay) return { answer: replay, replayed: true };
    }
    throw toLyraError(e, normalised);
  }
};
