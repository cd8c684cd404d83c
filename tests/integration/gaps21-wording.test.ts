// Issue 21, wording: the order detail shows an e-mail's subject as sent (variables rendered),
// labels are translated, an order without a transaction "awaits payment", and the order list can
// show the transaction number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { translator } from "@/lib/i18n";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { COLUMN_LABEL, ORDER_COLUMNS } from "@/lib/orders/list-columns";
import { findOrderSentMessage } from "@/lib/orders/order-sent-message";
import { listColumnsFormSchema, orderSearchSchema } from "@/lib/orders/schemas";
import { searchOrders } from "@/lib/orders/search-orders";
import { closeMailer } from "@/lib/server/mailer";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  await closeMailer();
});
afterAll(async () => {
  await closeMailer();
  await sink.stop();
  delete process.env.SMTP_URL;
});
const plain = (s: string | undefined) => (s ?? "").replace(/[\u00a0\u202f]/g, " ");

describe("order detail wording", () => {
  it("the subject is shown rendered: before sending (for the order as it is) and as sent", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: {
        shopId: "12345678",
        mode: "TEST",
        reference: "CMD-42",
        amount: "19.90",
        currency: "EUR",
        language: "fr",
        recipients: "anne@buyer.test",
        subject: "Offre %reference% de %amount%",
      },
    });
    const order = await getOrderOrThrow(db, { actor: users.operator, orderId: ids[0]! });
    const before = await findOrderSentMessage(db, { actor: users.operator, order });
    expect(plain(before?.subject)).toBe("Offre CMD-42 de 19,90 €");
    await deliverEmails(
      db,
      (await db.message.findMany({ where: { orderId: order.id } })).map((m) => m.id),
    );
    // Changed after sending: the detail still shows what the buyer received.
    await db.paymentOrder.update({ where: { id: order.id }, data: { reference: "CMD-43" } });
    const after = await findOrderSentMessage(db, { actor: users.operator, order: { ...order, reference: "CMD-43" } });
    expect(plain(after?.subject)).toBe("Offre CMD-42 de 19,90 €");
    expect(plain(after?.text ?? "")).toContain("19,90 €");
    expect(plain(sink.messages[0]?.parsed.subject)).toBe("Offre CMD-42 de 19,90 €");
  });

  it("labels in French and English, and a payment awaited rather than a dash", () => {
    const fr = translator("fr");
    const en = translator("en");
    expect([fr("detail_subject"), en("detail_subject")]).toEqual(["Objet", "Subject"]);
    expect([fr("tx_awaiting_payment"), en("tx_awaiting_payment")]).toEqual(["En attente de paiement", "Awaiting payment"]);
    expect([fr("action_delete"), en("action_delete")]).toEqual(["Supprimer", "Delete"]);
    expect(fr("inst_days_after").replace("{days}", "30")).toBe("30 jours après le paiement");
  });
});

describe("transaction number in the order list", () => {
  it("is a column the chooser offers (not a sort key), filled with the order's last transaction", async () => {
    expect(ORDER_COLUMNS).toContain("transaction");
    expect(translator("fr")(COLUMN_LABEL.transaction)).toBe("N° de transaction");
    expect(listColumnsFormSchema.parse({ columns: ["transaction"], returnTo: "/orders" }).columns).toEqual(["transaction"]);
    expect(orderSearchSchema.parse({ sort: "transaction" }).sort).toBe("created");
    const paid = await newOrder(users.operator, { reference: "TXN-1" });
    const tx = await payNow({ token: paid.token, card: card("4970100000000055") });
    await newOrder(users.operator, { reference: "TXN-2" });
    const page = await searchOrders(db, { actor: users.operator, mode: "TEST", ...orderSearchSchema.parse({ reference: "TXN" }) });
    const byRef = Object.fromEntries(page.rows.map((r) => [r.reference, r.transactionNumber]));
    const number = (await db.transaction.findFirstOrThrow({ where: { orderId: paid.id } })).number;
    expect(byRef).toEqual({ "TXN-1": number, "TXN-2": null });
    expect(tx.outcome).toBe("ACCEPTED");
  });
});
