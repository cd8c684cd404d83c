import type { UserActor } from "../auth/actor";
import { queueMessages } from "../channels/queue-messages";
import { type Db, LONG_TRANSACTION } from "../server/db";
import { AppError } from "../server/errors";
import { randomHex32, randomToken } from "../server/secrets";
import { parseOrThrow } from "../server/validation";
import { sanitizeTemplateHtml } from "../templates/sanitize-template-html";
import { parseOrderFormWithOptions } from "./advanced-options";
import { prepareOrder } from "./create-order";
import { insertOrders } from "./insert-order";
import { invalidAddresses, mailOrderFormSchema, orderFormInput, splitAddresses } from "./schemas";

/** "INV-7" for the 3rd of 12 recipients → "INV-7-003" (3 digits, more past 999). */
export const suffixedReference = (reference: string, index: number) => `${reference}-${String(index + 1).padStart(3, "0")}`;

/**
 * The back office's "order by e-mail" (F-CH-MAIL): one order per recipient (references suffixed
 * -001, -002… when there are several), each with its message queued, all in one transaction.
 * Any invalid address → VALIDATION listing exactly the invalid ones; nothing is created.
 */
export async function createMailOrders(db: Db, input: { actor: UserActor; values: Record<string, string> }) {
  const { form: f, options } = await parseOrderFormWithOptions(db, {
    shopIds: input.actor.shopIds,
    values: input.values,
    parseMain: () => parseOrThrow(mailOrderFormSchema, input.values),
  });
  const recipients = dedupe(splitAddresses(f.recipients));
  const bccTyped = f.bcc ? splitAddresses(f.bcc) : [];
  const badTo = invalidAddresses(recipients);
  const badBcc = invalidAddresses(bccTyped);
  if (!recipients.length || badTo.length || badBcc.length) {
    const fields: Record<string, string> = {};
    if (!recipients.length) fields.recipients = "err_recipients_required";
    if (badTo.length) fields.recipients = "err_recipients_invalid";
    if (badBcc.length) fields.bcc = "err_bcc_invalid";
    throw new AppError("VALIDATION", `invalid addresses: ${[...badTo, ...badBcc].join(";")}`, {
      fields,
      publicMessage: "invalid_input",
      details: { invalidRecipients: badTo, invalidBcc: badBcc },
    });
  }
  const many = recipients.length > 1;
  if (many && f.reference && suffixedReference(f.reference, recipients.length - 1).length > 64) {
    throw new AppError("VALIDATION", "reference too long once suffixed", {
      fields: { reference: "err_reference_too_long_suffixed" },
      publicMessage: "invalid_input",
    });
  }
  const shop = await db.shop.findUnique({
    where: { id: f.shopId },
    select: { managerEmail: true, company: { select: { managerEmail: true } } },
  });
  if (f.templateId) {
    const t = await db.template.findFirst({ where: { id: f.templateId, shopId: f.shopId, channel: "MAIL" }, select: { id: true } });
    if (!t)
      throw new AppError("VALIDATION", "unknown template", { fields: { templateId: "err_template" }, publicMessage: "invalid_input" });
  }
  const manager = shop?.managerEmail ?? shop?.company.managerEmail ?? null;
  if (f.bccManager && !manager) {
    throw new AppError("VALIDATION", "the shop has no manager e-mail", {
      fields: { bccManager: "err_no_manager_email" },
      publicMessage: "invalid_input",
    });
  }
  const bcc = dedupe([...(f.bccManager && manager ? [manager] : []), ...bccTyped]);

  // One order is checked and prepared (shop rules, validity, defaults); the others are its copies.
  const base = await prepareOrder(db, {
    ...options,
    actor: input.actor,
    ...orderFormInput(f),
    channel: "MAIL",
    recipient: recipients[0],
    bcc: bcc.length ? bcc.join(";") : undefined,
    subject: f.subject,
    message: f.message ? sanitizeTemplateHtml(f.message) : undefined,
    templateId: f.templateId,
  });
  const rows = recipients.map((recipient, i) => ({
    ...base,
    id: i === 0 ? base.id : randomHex32(),
    token: i === 0 ? base.token : randomToken(),
    recipient,
    reference: many && base.reference ? suffixedReference(base.reference, i) : base.reference,
  }));
  await db.$transaction(async (tx) => {
    await insertOrders(tx, rows, input.actor);
    await queueMessages(
      tx,
      rows.map((r) => ({ orderId: r.id, channel: "MAIL" as const, kind: "ORDER" as const, recipient: r.recipient, bcc: r.bcc })),
    );
  }, LONG_TRANSACTION);
  return { ids: rows.map((r) => r.id) };
}

function dedupe(list: string[]) {
  const seen = new Set<string>();
  return list.filter((a) => {
    const k = a.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
