// What makes every screen show something on the demo's first start (issue 19), on top of the
// tenants (seed.ts): the platform operator, a published data collection form in invoice mode,
// and TEST orders in several states written through the real use cases (transactions, audit
// events and the analytics counters follow). Not part of the tests' tenants (tests/helpers/db.ts).
import { getUserActor } from "../lib/auth/get-user-actor";
import { createOrder } from "../lib/orders/create-order";
import { expireOrders } from "../lib/orders/expire-orders";
import { cardSchema } from "../lib/payments/card";
import { payOrder } from "../lib/payments/pay-order";
import type { Db } from "../lib/server/db";
import { DEMO } from "./demo-data";
import { createUser } from "./factories";

export const DEMO_PLATFORM = {
  company: { name: "Plateforme (opérateur)" },
  user: { email: "platform@demo.test", password: "demo-platform-1", name: "Paula Plateforme", role: "ADMIN" as const },
};

/** The platform's company and its operator; none when one is there already. */
export async function seedPlatformOperator(db: Db) {
  if (await db.company.findFirst({ where: { isPlatform: true }, select: { id: true } })) return false;
  const company = await db.company.create({ data: { name: DEMO_PLATFORM.company.name, isPlatform: true } });
  await createUser(db, { ...DEMO_PLATFORM.user, companyId: company.id, shopIds: [] });
  return true;
}

const card = (pan: string) => cardSchema.parse({ cardNumber: pan, expiry: "12/30", cvc: "123" });

/** The demo shop's form and a handful of TEST orders; nothing when the shop has orders already. */
export async function seedDemoActivity(db: Db) {
  const shopId = DEMO.shop.id;
  if (await db.paymentOrder.findFirst({ where: { shopId }, select: { id: true } })) return false;
  const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO.users[0].email }, select: { id: true } });
  const { actor } = (await getUserActor(db, admin.id))!;
  await db.dataCollectionForm.upsert({
    where: { shopId },
    create: { shopId, invoiceMode: true, fields: [{ key: "email", required: true }], publishedAt: new Date() },
    update: {},
  });
  const order = (reference: string, amountMinor: number, over: Partial<Parameters<typeof createOrder>[1]> = {}) =>
    createOrder(db, { actor, shopId, mode: "TEST", amountMinor, currency: "EUR", reference, ...over });

  const paid = await order("DEMO-1001", 4990, { description: "Abonnement annuel" });
  await payOrder(db, { token: paid.token, card: card("4970100000000055") });
  const paid2 = await order("DEMO-1002", 12900, { description: "Commande atelier" });
  await payOrder(db, { token: paid2.token, card: card("4970100000000071") });
  const refused = await order("DEMO-1003", 2500, { description: "Carte refusée (test)" });
  await payOrder(db, { token: refused.token, card: card("4970100000000063") });
  const lapsed = await order("DEMO-1004", 8000, { description: "Lien expiré (test)" });
  await db.paymentOrder.update({ where: { id: lapsed.id }, data: { validUntil: new Date(Date.now() - 60_000) } });
  await expireOrders(db);
  // Sent by the worker to the mail catcher (the Mailbox page) once the server runs.
  await order("DEMO-1005", 15000, { channel: "MAIL", recipient: "client@demo.test", buyerEmail: "client@demo.test" });
  await order("DEMO-1006", 3200, { description: "Lien à envoyer" });
  return true;
}
