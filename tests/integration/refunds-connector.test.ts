// Refunds, validation and cancellation of a transaction taken through a processor connector
// (refunds20 over lyraform20's Lyra-family form connector and its fake processor, real HTTP): the
// same use cases as the sandbox's route to the processor's REST services; the sum of refunds is
// ours to check before the processor is asked; a refusal by the processor leaves nothing refunded.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createOrder } from "@/lib/orders/create-order";
import { cancelTransaction } from "@/lib/payments/cancel-transaction";
import { refundTransaction } from "@/lib/payments/refund-transaction";
import { sweepTransactions } from "@/lib/payments/sweep-transactions";
import { updateTransaction } from "@/lib/payments/update-transaction";
import { validateTransaction } from "@/lib/payments/validate-transaction";
import { dayInZone } from "@/lib/time/shop-time";
import { DEMO } from "@/prisma/demo-data";
import { verifiedConnector } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { type FakeLyraForm, startFakeLyraForm } from "../helpers/fake-lyra-form";
import { startFrontServer } from "../helpers/front-server";
import { payOnFake } from "../helpers/hosted-payment";

const { appPort } = await vi.hoisted(async () => {
  const net = await import("node:net");
  const port = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  process.env.APP_URL = `http://127.0.0.1:${port}`;
  return { appPort: port };
});

let users: Awaited<ReturnType<typeof seedTenants>>;
let fake: FakeLyraForm;
let front: Awaited<ReturnType<typeof startFrontServer>>;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  fake = await startFakeLyraForm();
  front = await startFrontServer(undefined, appPort);
  await verifiedConnector(db, DEMO.shop.id, { config: fake.config });
});
afterAll(async () => {
  await front?.stop();
  await fake?.close();
});

async function paidOnProcessor(over: Partial<Parameters<typeof createOrder>[1]> = {}) {
  const o = await createOrder(db, {
    actor: users.operator,
    shopId: DEMO.shop.id,
    mode: "PRODUCTION",
    amountMinor: 12345,
    currency: "EUR",
    reference: "RFC-1",
    ...over,
  });
  const r = await payOnFake(front.base, fake, o.token);
  return db.transaction.findUniqueOrThrow({ where: { id: r.attemptId } });
}
const services = (from: number) => fake.state.restCalls.slice(from).map((c) => c.service);

describe("operations routed to the shop's processor (Lyra form connector)", () => {
  it("validate at the processor, then a partial and a full refund there; an over-refund never reaches it", async () => {
    const t = await paidOnProcessor({ validationMode: "MANUAL" });
    expect(t.connectorId).not.toBeNull();
    const calls = fake.state.restCalls.length;
    await validateTransaction(db, { actor: users.operator, transactionId: t.id });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("AUTHORISED");
    await db.transaction.update({ where: { id: t.id }, data: { captureDate: new Date(Date.now() - 1000) } });
    await sweepTransactions(db);

    const part = await refundTransaction(db, { actor: users.operator, transactionId: t.id, amount: 2345 });
    expect(part.status).toBe("CAPTURED");
    expect((await db.transaction.findUniqueOrThrow({ where: { id: part.refundId } })).processorRef).toBeTruthy();
    await expect(refundTransaction(db, { actor: users.operator, transactionId: t.id, amount: 10001 })).rejects.toMatchObject({
      reason: "refund_exceeds",
    });
    expect((await refundTransaction(db, { actor: users.operator, transactionId: t.id })).amount).toBe(10000);
    expect(services(calls)).toEqual(["Transaction/Validate", "Transaction/CancelOrRefund", "Transaction/CancelOrRefund"]);
    expect(fake.transactions.get(t.processorRef ?? "")?.refunded).toBe(12345);
  });

  it("the processor refusing a refund: recorded REFUSED, the amount still refundable", async () => {
    const t = await paidOnProcessor({ reference: "RFC-2" });
    await db.transaction.update({ where: { id: t.id }, data: { captureDate: new Date(Date.now() - 1000) } });
    await sweepTransactions(db);
    // The processor has already refunded part of it behind our back: it refuses more than its rest.
    const ft = fake.transactions.get(t.processorRef ?? "")!;
    ft.refunded = 12000;
    const r = await refundTransaction(db, { actor: users.operator, transactionId: t.id, amount: 1000 });
    expect(r.status).toBe("REFUSED");
    expect(await db.auditEvent.count({ where: { action: "transaction.refundRefused" } })).toBe(1);
    ft.refunded = 0;
    expect((await refundTransaction(db, { actor: users.operator, transactionId: t.id, amount: 1000 })).status).toBe("CAPTURED");
  });

  it("cancel before capture at the processor; the capture date of a processor's transaction is not ours to move", async () => {
    const t = await paidOnProcessor({ reference: "RFC-3", validationMode: "MANUAL" });
    await expect(
      updateTransaction(db, { actor: users.operator, transactionId: t.id, captureDay: dayInZone(new Date(), "Europe/Paris") }),
    ).rejects.toMatchObject({ reason: "unsupported" });
    const calls = fake.state.restCalls.length;
    await cancelTransaction(db, { actor: users.operator, transactionId: t.id });
    expect((await db.transaction.findUniqueOrThrow({ where: { id: t.id } })).status).toBe("CANCELLED");
    expect(services(calls)).toEqual(["Transaction/CancelOrRefund"]);
  });
});
