import { shopPhoneCountry } from "../../channels/phone-number";
import { updateOrder } from "../../orders/update-order";
import { LyraError } from "../error-codes";
import { parseRequest, toLyraError } from "../parse-request";
import { loadPaymentOrderRow, toPaymentOrder } from "../payment-order-object";
import { recipientCount, returnTestRecipients, takeTestRecipients } from "../quotas";
import { updatePaymentOrderSchema } from "../schemas";
import { toOrderFields } from "../to-order-input";
import { loadOwnOrder } from "./get-payment-order";
import { apiActor, type Service } from "./types";

/**
 * Charge/PaymentOrder/Update — only while RUNNING; the channel cannot change; URL orders may omit
 * channelOptions; e-mail/SMS/WhatsApp orders given their channel options are sent again.
 */
export const updatePaymentOrder: Service = async (ctx) => {
  const row = await loadOwnOrder(ctx);
  const body = ctx.body;
  const req = parseRequest(updatePaymentOrderSchema, body);
  const channel = row.channel === "INVOICE" ? "URL" : row.channel;
  const asked = req.channelOptions?.channelType ?? (typeof body.channelType === "string" ? body.channelType : undefined);
  if (asked && asked !== channel)
    throw new LyraError("PSP_1017", `Invalid input channelOptions.channelType [value="${asked}"]: the order's channel is ${channel}`);
  const resend = channel !== "URL" && req.channelOptions !== undefined;
  const fields = toOrderFields(req, resend ? channel : "URL", { phoneCountry: shopPhoneCountry(ctx.shop.defaults.defaultLanguage) });
  const changes = Object.fromEntries(
    Object.entries({ amountMinor: req.amount, currency: req.currency, ...fields }).filter(([, v]) => v !== undefined),
  );
  // Sending again is sending: a TEST key's recipients count as at creation.
  const taken = resend ? await takeTestRecipients(ctx.db, ctx.shop, channel, recipientCount(fields)) : null;
  try {
    await updateOrder(ctx.db, { actor: apiActor(ctx.shop), orderId: row.id, changes, resend });
  } catch (e) {
    await returnTestRecipients(ctx.db, taken);
    throw toLyraError(e, body);
  }
  return { answer: toPaymentOrder((await loadPaymentOrderRow(ctx.db, row.id))!) };
};
