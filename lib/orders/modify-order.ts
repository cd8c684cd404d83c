// "Modify (and resend)" from the edit page (F-ACT modifyResend): RUNNING, REFUSED or EXPIRED orders
// take the form's values, open again, and the delivered channels go out again.
import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { fieldErrorsOf, safeParseInput } from "../server/validation";
import { isDelivered } from "./create-order";
import { getOrderOrThrow } from "./get-order";
import { invalidAddresses, urlOrderFormSchema } from "./schemas";
import { updateOrder } from "./update-order";

/** The edit form's values (strings as typed); VALIDATION naming each bad field, nothing changed. */
export async function modifyOrder(db: Db, input: { actor: UserActor; orderId: string; values: Record<string, string> }) {
  const { actor, orderId, values } = input;
  const parsed = safeParseInput(urlOrderFormSchema, values);
  const recipient = values.recipient?.trim();
  const badRecipient = recipient !== undefined && invalidAddresses([recipient]).length > 0;
  if (!parsed.success || badRecipient) {
    const fields = {
      ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
      ...(badRecipient ? { recipient: "err_recipient_invalid" } : {}),
    };
    throw new AppError("VALIDATION", `invalid order changes: ${JSON.stringify(fields)}`, { fields, publicMessage: "invalid_input" });
  }
  const f = parsed.data;
  const order = await getOrderOrThrow(db, { actor, orderId });
  await updateOrder(db, {
    actor,
    orderId,
    reopen: true,
    // E-mail, SMS and WhatsApp orders go out again (an SMS with its text rendered anew, for credits).
    resend: isDelivered(order.channel),
    changes: {
      reference: f.reference,
      amountMinor: f.amountMinor,
      currency: f.currency,
      validUntilDay: f.validUntil,
      buyerEmail: f.buyerEmail,
      // Only an e-mail order has a recipient to change.
      ...(recipient !== undefined && order.channel === "MAIL" ? { recipient } : {}),
    },
  });
}
