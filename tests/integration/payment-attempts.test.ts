// Reserve → call → record (docs/architecture.md): while an attempt waits for the acquirer's answer,
// a second buyer is refused without a charge and nothing closes the order; an answer is recorded
// once (a repeated one changes nothing); an attempt whose process died is abandoned by the sweep.
import { addDays, addMinutes } from "date-fns";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cancelRemainingInstalments } from "@/lib/instalments/cancel-instalments";
import { recordInstalmentAnswer } from "@/lib/instalments/record-instalment-charge";
import { sweepInstalments } from "@/lib/instalments/sweep-instalments";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { expireOrders } from "@/lib/orders/expire-orders";
import { updateOrder } from "@/lib/orders/update-order";
import type { Acquirer, AuthorizationResult } from "@/lib/payments/acquirer";
import type { AttemptAnswer } from "@/lib/payments/attempt-types";
import { completeChallenge, getChallenge } from "@/lib/payments/complete-challenge";
import { payOrder } from "@/lib/payments/pay-order";
import { recordAttempt } from "@/lib/payments/record-attempt";
import { sandboxAcquirer } from "@/lib/payments/sandbox-acquirer";
import { ATTEMPT_ANSWER_MINUTES, sweepPaymentAttempts } from "@/lib/payments/sweep-attempts";
import type { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

const ACCEPTED = "4970100000000055";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await db.notificationRule.create({
    data: {
      shopId: "12345678",
      kind: "URL_CALL",
      label: "ERP",
      events: ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED"],
      urlTest: "https://erp.example.com/ipn",
    },
  });
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

/** The sandbox, held inside each call until `release()`; counts its calls and keeps its answers. */
function held() {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let entered!: () => void;
  const inCall = new Promise<void>((r) => {
    entered = r;
  });
  const answers: AttemptAnswer[] = [];
  const hold = async <T extends AttemptAnswer>(answer: Promise<T>) => {
    entered();
    await gate;
    answers.push(await answer);
    return answers.at(-1) as T;
  };
  const acquirer: Acquirer = {
    pay: (req) => hold(sandboxAcquirer.pay(req)),
    resume: (req) => hold(sandboxAcquirer.resume(req)),
    chargeToken: (req) => hold(sandboxAcquirer.chargeToken(req)),
  };
  return { acquirer, inCall, release, answers };
}

/** Fails the test if called: the proof that a refused buyer was not charged. */
const untouchable: Acquirer = {
  pay: () => Promise.reject(new Error("the acquirer was called")),
  resume: () => Promise.reject(new Error("the acquirer was called")),
  chargeToken: () => Promise.reject(new Error("the acquirer was called")),
};

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, message: e.publicMessage }),
  );

/** Everything an answer's record writes, counted for one order. */
const footprint = async (orderId: string) => ({
  order: (await db.paymentOrder.findUniqueOrThrow({ where: { id: orderId }, select: { status: true, amount: true } })).status,
  transactions: await db.transaction.count({ where: { orderId } }),
  deliveries: await db.webhookDelivery.count({ where: { orderId } }),
  messages: await db.message.count({ where: { orderId } }),
  audit: await db.auditEvent.count({ where: { orderId } }),
  instalments: await db.instalmentCharge.count({ where: { orderId } }),
  aliases: await db.cardAlias.count(),
});

describe("an attempt waiting for the acquirer's answer", () => {
  it("a second buyer is told 'payment in progress' and not charged; cancel, modify and the expiry sweep wait too", async () => {
    const o = await newOrder(users.operator, { reference: "INFLIGHT" });
    const first = held();
    const paying = payOrder(db, { token: o.token, card: card(ACCEPTED), acquirer: first.acquirer });
    await first.inCall;
    const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { orderId: o.id } });
    expect(attempt).toMatchObject({ status: "PENDING", kind: "PAYMENT", amount: 4990n, currency: "EUR", brand: "VISA", last4: "0055" });
    expect(JSON.stringify(attempt, (_, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(ACCEPTED);

    expect(await failure(payOrder(db, { token: o.token, card: card(ACCEPTED), acquirer: untouchable }))).toEqual({
      code: "ORDER_NOT_PAYABLE",
      message: "payment_in_progress",
    });
    expect(await failure(cancelOrder(db, { actor: users.operator, orderId: o.id }))).toMatchObject({ code: "INVALID_TRANSITION" });
    const modify = updateOrder(db, { actor: users.operator, orderId: o.id, changes: { amountMinor: 1 } });
    expect(await failure(modify)).toMatchObject({ code: "INVALID_TRANSITION" });
    // The validity ends while the acquirer answers: the sweep leaves the order to its payment.
    await db.paymentOrder.update({ where: { id: o.id }, data: { validUntil: new Date(attempt.createdAt.getTime() + 1) } });
    await expireOrders(db);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).status).toBe("RUNNING");

    first.release();
    expect((await paying).outcome).toBe("ACCEPTED");
    expect(await footprint(o.id)).toMatchObject({ order: "PAID", transactions: 1 });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).amount).toBe(4990n);
    expect(await db.paymentAttempt.findMany({ where: { orderId: o.id }, select: { id: true, status: true } })).toEqual([
      { id: attempt.id, status: "ACCEPTED" },
    ]);
  });

  it("a second code typed on a challenge while the first is answered is refused without a second call", async () => {
    const o = await newOrder(users.operator, { reference: "INFLIGHT-3DS", threeDsPreference: "CHALLENGE" });
    const r = await payOrder(db, { token: o.token, card: card(ACCEPTED) });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    const code = (await getChallenge(db, o.token, r.challengeId))!.testCode!;
    const first = held();
    const answering = completeChallenge(db, { token: o.token, challengeId: r.challengeId, code, acquirer: first.acquirer });
    await first.inCall;
    expect(await failure(completeChallenge(db, { token: o.token, challengeId: r.challengeId, code, acquirer: untouchable }))).toEqual({
      code: "ORDER_NOT_PAYABLE",
      message: "payment_in_progress",
    });
    first.release();
    expect((await answering).outcome).toBe("ACCEPTED");
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(1);
  });
});

describe("recording an answer", () => {
  it("a repeated answer changes nothing and returns the first result", async () => {
    const o = await newOrder(users.operator, { reference: "TWICE", aliasMode: "AUTOMATIC", buyerEmail: "twice@buyer.test" });
    const r = await payOrder(db, { token: o.token, card: card(ACCEPTED) });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    const code = (await getChallenge(db, o.token, r.challengeId))!.testCode!;
    const call = held();
    call.release();
    const done = await completeChallenge(db, { token: o.token, challengeId: r.challengeId, code, acquirer: call.acquirer });
    expect(done.outcome).toBe("ACCEPTED");
    const before = await footprint(o.id);
    expect(before).toMatchObject({ order: "PAID", transactions: 1, deliveries: 1 });
    if (done.outcome !== "ACCEPTED") return;
    // The attempt's id is its transaction's: the same answer again, then a contradicting one.
    expect(await recordAttempt(db, done.transactionId, call.answers[0]!)).toEqual(done);
    const refusal: AuthorizationResult = {
      ...(call.answers[0] as AuthorizationResult),
      approved: false,
      code: "05",
      message: "do_not_honor",
    };
    expect(await recordAttempt(db, done.transactionId, refusal)).toEqual(done);
    expect(await footprint(o.id)).toEqual(before);
  });

  it("a later instalment's answer recorded twice: one transaction, the second SKIPPED", async () => {
    const o = await newOrder(users.operator, {
      reference: "INST-TWICE",
      amountMinor: 9000,
      installmentPlan: { kind: "PERIOD", count: 3, period: 30 },
    });
    const r = await payOrder(db, { token: o.token, card: card(ACCEPTED), instalmentConsent: true });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    await completeChallenge(db, {
      token: o.token,
      challengeId: r.challengeId,
      code: (await getChallenge(db, o.token, r.challengeId))!.testCode!,
    });
    const now = addMinutes(addDays((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!, 30), 1);
    const call = held();
    call.release();
    expect((await sweepInstalments(db, { now, acquirer: call.acquirer })).ACCEPTED).toBe(1);
    const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { orderId: o.id, kind: "INSTALMENT" } });
    const before = await footprint(o.id);
    const answer = call.answers[0] as AuthorizationResult;
    expect(await recordInstalmentAnswer(db, { attemptId: attempt.id, auth: answer, now })).toBe("SKIPPED");
    expect(await footprint(o.id)).toEqual(before);
    expect(await db.transaction.findUnique({ where: { id: attempt.id }, select: { installmentIndex: true } })).toEqual({
      installmentIndex: 1,
    });
  });

  it("an instalment cancelled while its charge is answered: accepted, it is PAID (the money moved)", async () => {
    const o = await newOrder(users.operator, {
      reference: "INST-CANCEL",
      amountMinor: 9000,
      installmentPlan: { kind: "PERIOD", count: 3, period: 30 },
    });
    const r = await payOrder(db, { token: o.token, card: card(ACCEPTED), instalmentConsent: true });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    await completeChallenge(db, {
      token: o.token,
      challengeId: r.challengeId,
      code: (await getChallenge(db, o.token, r.challengeId))!.testCode!,
    });
    const now = addMinutes(addDays((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!, 30), 1);
    const call = held();
    const sweeping = sweepInstalments(db, { now, acquirer: call.acquirer });
    await call.inCall;
    expect(await cancelRemainingInstalments(db, { actor: users.operator, orderId: o.id })).toEqual({ cancelled: 2 });
    call.release();
    expect((await sweeping).ACCEPTED).toBe(1);
    const rows = await db.instalmentCharge.findMany({ where: { orderId: o.id }, orderBy: { index: "asc" }, select: { status: true } });
    expect(rows.map((c) => c.status)).toEqual(["PAID", "PAID", "CANCELLED"]);
  });
});

describe("the attempts sweep", () => {
  it("frees an order whose attempt was left PENDING; a late answer then changes nothing", async () => {
    const o = await newOrder(users.operator, { reference: "DIED" });
    // The process "dies" during the call: the answer is never recorded.
    const dying: Acquirer = { ...sandboxAcquirer, pay: () => Promise.reject(new Error("connection reset")) };
    await expect(payOrder(db, { token: o.token, card: card(ACCEPTED), acquirer: dying })).rejects.toThrow("connection reset");
    const attempt = await db.paymentAttempt.findFirstOrThrow({ where: { orderId: o.id } });
    expect(attempt.status).toBe("PENDING");
    expect(await failure(payOrder(db, { token: o.token, card: card(ACCEPTED), acquirer: untouchable }))).toMatchObject({
      message: "payment_in_progress",
    });

    expect(await sweepPaymentAttempts(db, addMinutes(attempt.createdAt, ATTEMPT_ANSWER_MINUTES - 1))).toBe(0);
    expect(await sweepPaymentAttempts(db, addMinutes(attempt.createdAt, ATTEMPT_ANSWER_MINUTES + 1))).toBe(1);
    expect(await db.paymentAttempt.findUniqueOrThrow({ where: { id: attempt.id } })).toMatchObject({ status: "ABANDONED" });

    const late = await sandboxAcquirer.pay({ ...attemptRequest(o.id), card: card(ACCEPTED) });
    expect(await failure(recordAttempt(db, attempt.id, late))).toMatchObject({ code: "CONFLICT" });
    expect(await footprint(o.id)).toMatchObject({ order: "RUNNING", transactions: 0 });

    expect((await payOrder(db, { token: o.token, card: card(ACCEPTED) })).outcome).toBe("ACCEPTED");
    expect(await db.paymentAttempt.groupBy({ by: ["status"], where: { orderId: o.id }, _count: true })).toHaveLength(2);
  });
});

const attemptRequest = (orderId: string) => ({
  mode: "TEST" as const,
  amount: 4990,
  currency: "EUR",
  orderId,
  threeDsPreference: "NO_PREFERENCE" as const,
  forceChallenge: false,
});
