// Payment in instalments (issue 12), payment and later charges on a controlled clock: the first
// instalment at payment (consent, challenge, card kept), the later ones by the sweep through the
// acquirer's token charge, the retry policy then the merchant's alert, cancelling the remainder.
import { addDays, addMinutes } from "date-fns";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { deliverEmails } from "@/lib/channels/deliver-emails";
import { cancelRemainingInstalments } from "@/lib/instalments/cancel-instalments";
import { findOrderInstalments } from "@/lib/instalments/find-order-instalments";
import { sendInstalmentFailedAlert } from "@/lib/instalments/send-instalment-alert";
import { sweepInstalments } from "@/lib/instalments/sweep-instalments";
import type { Acquirer } from "@/lib/payments/acquirer";
import { cancelTransaction } from "@/lib/payments/cancel-transaction";
import { completeChallenge, getChallenge } from "@/lib/payments/complete-challenge";
import { payOrder } from "@/lib/payments/pay-order";
import { sandboxAcquirer } from "@/lib/payments/sandbox-acquirer";
import type { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

const ACCEPTED = "4970100000000055";
const LATER_REFUSED = "4970100000000089";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await db.notificationRule.create({
    data: {
      shopId: "12345678",
      kind: "URL_CALL",
      label: "ERP",
      events: ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED", "INSTALMENT_FAILED"],
      urlTest: "https://erp.example.com/ipn",
      urlProd: null,
    },
  });
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

let ref = 0;
const instalmentOrder = (amountMinor = 9000) =>
  newOrder(users.operator, { amountMinor, reference: `INST-${++ref}`, installmentPlan: { kind: "PERIOD", count: 3, period: 30 } });

/** Pays the first instalment through the challenge an instalment order always asks for. */
async function payFirst(token: string, pan: string) {
  const r = await payOrder(db, { token, card: card(pan), instalmentConsent: true });
  if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
  const c = await getChallenge(db, token, r.challengeId);
  return completeChallenge(db, { token, challengeId: r.challengeId, code: c!.testCode! });
}
const charges = (orderId: string) =>
  db.instalmentCharge.findMany({
    where: { orderId },
    orderBy: { index: "asc" },
    select: { index: true, amount: true, status: true, attempts: true, dueDate: true, transactionId: true, aliasId: true },
  });
const deliveries = (orderId: string) =>
  db.webhookDelivery.findMany({ where: { orderId }, orderBy: { createdAt: "asc" }, select: { event: true, transactionId: true } });

describe("paying the first instalment", () => {
  it("needs the buyer's consent to keep the card", async () => {
    const o = await instalmentOrder();
    const e = await payOrder(db, { token: o.token, card: card(ACCEPTED) }).catch((err: AppError) => err);
    expect((e as AppError).fields).toEqual({ instalmentConsent: "err_instalment_consent" });
  });

  it("charges the first amount with a challenge, keeps the card and schedules the others; the order is PAID", async () => {
    const o = await instalmentOrder(10_000);
    const before = new Date();
    const r = await payFirst(o.token, ACCEPTED);
    expect(r.outcome).toBe("ACCEPTED");
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: o.id } });
    expect(tx).toMatchObject({ amount: 3334n, installmentIndex: 0, status: "AUTHORISED" });
    expect(tx.aliasId).not.toBeNull();
    expect((tx.threeDs as { flow: string }).flow).toBe("CHALLENGE");
    const order = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(order).toMatchObject({ status: "PAID", amount: 10_000n });
    const rows = await charges(o.id);
    expect(rows.map((c) => [c.index, c.amount, c.status, c.attempts])).toEqual([
      [0, 3334n, "PAID", 1],
      [1, 3333n, "PENDING", 0],
      [2, 3333n, "PENDING", 0],
    ]);
    expect(rows.every((c) => c.aliasId === tx.aliasId)).toBe(true);
    expect(rows[1]!.dueDate.getTime()).toBeGreaterThanOrEqual(addDays(before, 30).getTime());
    expect(rows[1]!.dueDate.getTime()).toBeLessThanOrEqual(addDays(new Date(), 30).getTime());
  });
});

describe("the charge sweep", () => {
  it("a 3-instalment order charged on time: each a transaction with its index, an IPN per instalment", async () => {
    const o = await instalmentOrder(9000);
    await payFirst(o.token, ACCEPTED);
    const paidAt = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!;
    expect((await sweepInstalments(db, { now: addDays(paidAt, 29) })).ACCEPTED).toBe(0);
    expect((await sweepInstalments(db, { now: addMinutes(addDays(paidAt, 30), 1) })).ACCEPTED).toBeGreaterThanOrEqual(1);
    expect((await charges(o.id)).map((c) => c.status)).toEqual(["PAID", "PAID", "PENDING"]);
    // Run twice at the same time: nothing is charged twice.
    await sweepInstalments(db, { now: addMinutes(addDays(paidAt, 30), 2) });
    await sweepInstalments(db, { now: addMinutes(addDays(paidAt, 60), 1) });
    const rows = await charges(o.id);
    expect(rows.map((c) => c.status)).toEqual(["PAID", "PAID", "PAID"]);
    const txs = await db.transaction.findMany({ where: { orderId: o.id }, orderBy: { installmentIndex: "asc" } });
    expect(txs.map((t) => [t.installmentIndex, t.amount, t.status])).toEqual([
      [0, 3000n, "AUTHORISED"],
      [1, 3000n, "AUTHORISED"],
      [2, 3000n, "AUTHORISED"],
    ]);
    expect(rows.map((c) => c.transactionId)).toEqual(txs.map((t) => t.id));
    const ipn = await deliveries(o.id);
    expect(ipn.map((d) => d.event)).toEqual(["PAYMENT_ACCEPTED", "PAYMENT_ACCEPTED", "PAYMENT_ACCEPTED"]);
    expect(ipn.map((d) => d.transactionId)).toEqual(txs.map((t) => t.id));
  });

  it("each accepted instalment's receipt states that instalment's amount", async () => {
    const o = await instalmentOrder(9000);
    await db.paymentOrder.update({ where: { id: o.id }, data: { buyerEmail: "buyer@instalments.test" } });
    await payFirst(o.token, ACCEPTED);
    const paidAt = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!;
    await sweepInstalments(db, { now: addMinutes(addDays(paidAt, 30), 1) });
    const receipts = await db.message.findMany({ where: { orderId: o.id, kind: "RECEIPT_BUYER" }, select: { id: true } });
    expect(receipts).toHaveLength(2);
    await deliverEmails(
      db,
      receipts.map((m) => m.id),
    );
    const mails = await db.caughtMail.findMany({ where: { envelopeTo: { has: "buyer@instalments.test" } }, select: { text: true } });
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.text).toMatch(/30,00|30\.00/);
      expect(m.text).not.toMatch(/90,00|90\.00/);
    }
  });

  it("a refused instalment is retried after 1 then 3 days, then FAILED: INSTALMENT_FAILED and the merchant's alert", async () => {
    const o = await instalmentOrder(9000);
    expect((await payFirst(o.token, LATER_REFUSED)).outcome).toBe("ACCEPTED");
    const paidAt = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!;
    const day30 = addMinutes(addDays(paidAt, 30), 1);
    await sweepInstalments(db, { now: day30 });
    let second = (await charges(o.id))[1]!;
    expect(second).toMatchObject({ status: "PENDING", attempts: 1 });
    await sweepInstalments(db, { now: addDays(day30, 1) });
    second = (await charges(o.id))[1]!;
    expect(second).toMatchObject({ status: "PENDING", attempts: 2 });
    await sweepInstalments(db, { now: addDays(day30, 3) }); // the second retry is 3 days after the first
    expect((await charges(o.id))[1]).toMatchObject({ status: "PENDING", attempts: 2 });
    await sweepInstalments(db, { now: addDays(day30, 4) });
    second = (await charges(o.id))[1]!;
    expect(second).toMatchObject({ status: "FAILED", attempts: 3 });
    const refused = await db.transaction.findMany({ where: { orderId: o.id, installmentIndex: 1 } });
    expect(refused.map((t) => [t.status, t.errorCode])).toEqual([
      ["REFUSED", "51"],
      ["REFUSED", "51"],
      ["REFUSED", "51"],
    ]);
    const ipn = (await deliveries(o.id)).map((d) => d.event);
    expect(ipn).toEqual(["PAYMENT_ACCEPTED", "PAYMENT_REFUSED", "PAYMENT_REFUSED", "PAYMENT_REFUSED", "INSTALMENT_FAILED"]);
    const jobs = await db.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'instalments.failed-alert' AND data->>'chargeId' = ${(await db.instalmentCharge.findFirstOrThrow({ where: { orderId: o.id, index: 1 } })).id}`;
    expect(Number(jobs[0]!.n)).toBe(1);
    const chargeId = (await db.instalmentCharge.findFirstOrThrow({ where: { orderId: o.id, index: 1 } })).id;
    await sendInstalmentFailedAlert(db, { chargeId });
    expect(await sendInstalmentFailedAlert(db, { chargeId })).toEqual({ sent: false }); // once
    expect(await db.auditEvent.count({ where: { orderId: o.id, action: "order.instalment.alert" } })).toBe(1);
    // The third instalment keeps its date (and is refused on its own).
    expect((await charges(o.id))[2]).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("a refusal then an acceptance on retry (an acquirer that refuses once)", async () => {
    const o = await instalmentOrder(9000);
    await payFirst(o.token, ACCEPTED);
    const paidAt = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!;
    let calls = 0;
    const flaky: Acquirer = {
      ...sandboxAcquirer,
      chargeToken: async (req) =>
        ++calls === 1
          ? {
              approved: false,
              brand: req.card.brand,
              code: "51",
              message: "insufficient_funds",
              threeDs: { preference: "NO_PREFERENCE", flow: "NONE", status: "NOT_ENROLLED" },
            }
          : sandboxAcquirer.chargeToken(req),
    };
    const day30 = addMinutes(addDays(paidAt, 30), 1);
    await sweepInstalments(db, { now: day30, acquirer: flaky });
    await sweepInstalments(db, { now: addDays(day30, 1), acquirer: flaky });
    expect((await charges(o.id))[1]).toMatchObject({ status: "PAID", attempts: 2 });
  });

  it("the merchant cancels the remaining instalments: never charged, audited; nothing left → refused", async () => {
    const o = await instalmentOrder(9000);
    await payFirst(o.token, ACCEPTED);
    const paidAt = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!;
    await sweepInstalments(db, { now: addMinutes(addDays(paidAt, 30), 1) });
    const detail = await findOrderInstalments(db, { actor: users.operator, orderId: o.id });
    expect(detail).toMatchObject({ paid: 2, canCancel: true, plan: { count: 3 } });
    expect(detail?.rows.map((r) => r.status)).toEqual(["PAID", "PAID", "PENDING"]);
    expect(await cancelRemainingInstalments(db, { actor: users.operator, orderId: o.id })).toEqual({ cancelled: 1 });
    expect(await findOrderInstalments(db, { actor: users.operator, orderId: o.id })).toMatchObject({ paid: 2, canCancel: false });
    await sweepInstalments(db, { now: addDays(paidAt, 90) });
    expect((await charges(o.id)).map((c) => c.status)).toEqual(["PAID", "PAID", "CANCELLED"]);
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { orderId: o.id, action: "order.instalments.cancel" } });
    expect(audit.after).toEqual({ cancelled: [3] });
    const again = await cancelRemainingInstalments(db, { actor: users.operator, orderId: o.id }).catch((e: AppError) => e.code);
    expect(again).toBe("INVALID_TRANSITION");
  });

  it("cancelling the first instalment's transaction before capture cancels the pending ones", async () => {
    const o = await instalmentOrder(9000);
    await payFirst(o.token, ACCEPTED);
    const first = await db.transaction.findFirstOrThrow({ where: { orderId: o.id, installmentIndex: 0 } });
    await cancelTransaction(db, { actor: users.operator, transactionId: first.id });
    expect((await charges(o.id)).map((c) => c.status)).toEqual(["PAID", "CANCELLED", "CANCELLED"]);
    expect((await db.auditEvent.findFirstOrThrow({ where: { orderId: o.id, action: "order.instalments.cancel" } })).after).toMatchObject({
      cancelled: [2, 3],
      reason: "first_instalment_cancelled",
    });
  });
});
