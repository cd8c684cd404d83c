// 3-D Secure (the order's preference, the challenge cards, the one-time code) and card aliases
// through payOrder / completeChallenge on a real database (F-PAY-1, F-PAY-3, F-ORD-7).
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { completeChallenge, getChallenge } from "@/lib/payments/complete-challenge";
import { payOrder } from "@/lib/payments/pay-order";
import type { AppError } from "@/lib/server/errors";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

const CHALLENGE_OK = "4970100000000014";
const CHALLENGE_FAILS = "4970100000000022";
const FRICTIONLESS = "4970100000000055";
const NOT_ENROLLED = "4970100000000071";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, message: e.publicMessage, fields: e.fields }),
  );

/** Pays and expects a challenge; returns its id and the code the TEST page shows. */
async function challenged(token: string, pan: string, saveCard?: boolean) {
  const r = await payOrder(db, { token, card: card(pan), saveCard });
  if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
  const c = await getChallenge(db, token, r.challengeId);
  return { id: r.challengeId, code: c!.testCode! };
}

const order = (id: string) => db.paymentOrder.findUniqueOrThrow({ where: { id }, select: { status: true } });

describe("3-D Secure", () => {
  it("a challenge card: nothing decided until the code; a wrong code leaves 2 tries; the right one pays", async () => {
    const o = await newOrder(users.operator);
    const ch = await challenged(o.token, CHALLENGE_OK);
    expect(ch.code).toMatch(/^\d{6}$/);
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
    expect((await order(o.id)).status).toBe("RUNNING");
    const wrong = ch.code === "000000" ? "111111" : "000000";
    expect(await completeChallenge(db, { token: o.token, challengeId: ch.id, code: wrong })).toEqual({
      outcome: "WRONG_CODE",
      attemptsLeft: 2,
    });
    const r = await completeChallenge(db, { token: o.token, challengeId: ch.id, code: ch.code });
    expect(r.outcome).toBe("ACCEPTED");
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: o.id } });
    expect(tx).toMatchObject({
      status: "AUTHORISED",
      brand: "VISA",
      last4: "0014",
      threeDs: { flow: "CHALLENGE", status: "AUTHENTICATED", preference: "NO_PREFERENCE" },
    });
    expect((await order(o.id)).status).toBe("PAID");
    // Done once: the same challenge cannot be answered again.
    expect(await failure(completeChallenge(db, { token: o.token, challengeId: ch.id, code: ch.code }))).toMatchObject({
      code: "ORDER_NOT_PAYABLE",
    });
    const row = await db.paymentChallenge.findUniqueOrThrow({ where: { id: ch.id } });
    expect(row.completedAt).not.toBeNull();
    expect(row.transactionId).toBe(tx.id);
    expect(row.codeDigest).not.toContain(ch.code);
  });

  it("the failing challenge card is refused even with the right code; the link stays payable", async () => {
    const o = await newOrder(users.operator);
    const ch = await challenged(o.token, CHALLENGE_FAILS);
    const r = await completeChallenge(db, { token: o.token, challengeId: ch.id, code: ch.code });
    expect(r).toMatchObject({ outcome: "REFUSED", reason: "authentication_failed" });
    expect(await db.transaction.findFirstOrThrow({ where: { orderId: o.id } })).toMatchObject({
      status: "REFUSED",
      errorCode: "3DS_FAILED",
      threeDs: { flow: "CHALLENGE", status: "FAILED" },
    });
    expect((await order(o.id)).status).toBe("REFUSED");
    expect((await payOrder(db, { token: o.token, card: card(FRICTIONLESS) })).outcome).toBe("ACCEPTED");
  });

  it("three wrong codes refuse the attempt; cancel refuses it too; an expired challenge decides nothing", async () => {
    const o = await newOrder(users.operator);
    const ch = await challenged(o.token, CHALLENGE_OK);
    const wrong = ch.code === "000000" ? "111111" : "000000";
    expect(await completeChallenge(db, { token: o.token, challengeId: ch.id, code: wrong })).toMatchObject({ attemptsLeft: 2 });
    expect(await completeChallenge(db, { token: o.token, challengeId: ch.id, code: wrong })).toMatchObject({ attemptsLeft: 1 });
    expect(await completeChallenge(db, { token: o.token, challengeId: ch.id, code: wrong })).toMatchObject({
      outcome: "REFUSED",
      reason: "authentication_failed",
    });

    const ch2 = await challenged(o.token, CHALLENGE_OK);
    expect(await completeChallenge(db, { token: o.token, challengeId: ch2.id, cancel: true })).toMatchObject({
      outcome: "REFUSED",
      reason: "authentication_cancelled",
    });
    expect(await db.transaction.count({ where: { orderId: o.id, errorCode: { in: ["3DS_FAILED", "3DS_CANCELLED"] } } })).toBe(2);

    const ch3 = await challenged(o.token, CHALLENGE_OK);
    await db.paymentChallenge.update({ where: { id: ch3.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await completeChallenge(db, { token: o.token, challengeId: ch3.id, code: ch3.code })).toEqual({ outcome: "CHALLENGE_EXPIRED" });
    expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(2);
    // Another link's token cannot answer this order's challenge.
    const other = await newOrder(users.operator);
    const ch4 = await challenged(o.token, CHALLENGE_OK);
    expect(await failure(completeChallenge(db, { token: other.token, challengeId: ch4.id, code: ch4.code }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await getChallenge(db, other.token, ch4.id)).toBeNull();
  });

  it("the order's preference drives the step: CHALLENGE challenges a frictionless card, FRICTIONLESS does not; a card not enrolled is never challenged", async () => {
    const challenge = await newOrder(users.operator, { threeDsPreference: "CHALLENGE" });
    const ch = await challenged(challenge.token, FRICTIONLESS);
    expect((await completeChallenge(db, { token: challenge.token, challengeId: ch.id, code: ch.code })).outcome).toBe("ACCEPTED");

    const frictionless = await newOrder(users.operator, { threeDsPreference: "FRICTIONLESS" });
    expect((await payOrder(db, { token: frictionless.token, card: card(FRICTIONLESS) })).outcome).toBe("ACCEPTED");
    expect((await db.transaction.findFirstOrThrow({ where: { orderId: frictionless.id } })).threeDs).toMatchObject({
      flow: "FRICTIONLESS",
      preference: "FRICTIONLESS",
    });

    const notEnrolled = await newOrder(users.operator, { threeDsPreference: "CHALLENGE" });
    expect((await payOrder(db, { token: notEnrolled.token, card: card(NOT_ENROLLED) })).outcome).toBe("ACCEPTED");
    expect((await db.transaction.findFirstOrThrow({ where: { orderId: notEnrolled.id } })).threeDs).toMatchObject({
      flow: "NONE",
      status: "NOT_ENROLLED",
    });
  });

  it("two challenges open on one link: the first answered pays, the second finds the link paid", async () => {
    const o = await newOrder(users.operator);
    const a = await challenged(o.token, CHALLENGE_OK);
    const b = await challenged(o.token, CHALLENGE_OK);
    const [ra, rb] = await Promise.allSettled([
      completeChallenge(db, { token: o.token, challengeId: a.id, code: a.code }),
      completeChallenge(db, { token: o.token, challengeId: b.id, code: b.code }),
    ]);
    const outcomes = [ra, rb].map((r) => (r.status === "fulfilled" ? r.value.outcome : (r.reason as AppError).code)).sort();
    expect(outcomes).toEqual(["ACCEPTED", "ORDER_NOT_PAYABLE"]);
    expect(await db.transaction.count({ where: { orderId: o.id, status: "AUTHORISED" } })).toBe(1);
  });
});

describe("card aliases", () => {
  it("PROPOSE: no alias unless the buyer ticks the box; ticked → challenge, then an alias on the transaction", async () => {
    const o = await newOrder(users.operator, { aliasMode: "PROPOSE", buyerEmail: "alias@buyer.test" });
    const ch = await challenged(o.token, FRICTIONLESS, true);
    expect((await completeChallenge(db, { token: o.token, challengeId: ch.id, code: ch.code })).outcome).toBe("ACCEPTED");
    const tx = await db.transaction.findFirstOrThrow({ where: { orderId: o.id }, include: { alias: true } });
    expect(tx.alias).toMatchObject({
      shopId: "12345678",
      mode: "TEST",
      brand: "VISA",
      last4: "0055",
      expiryMonth: 12,
      expiryYear: 2030,
      email: "alias@buyer.test",
    });
    expect(tx.alias!.token).toMatch(/^[a-f0-9]{32}$/);

    const declined = await newOrder(users.operator, { aliasMode: "PROPOSE" });
    // The order itself asks for a challenge (an alias may be registered on it), whatever the box.
    const ch2 = await challenged(declined.token, FRICTIONLESS, false);
    await completeChallenge(db, { token: declined.token, challengeId: ch2.id, code: ch2.code });
    expect((await db.transaction.findFirstOrThrow({ where: { orderId: declined.id } })).aliasId).toBeNull();
  });

  it("AUTOMATIC: always an alias when accepted, never when refused", async () => {
    const o = await newOrder(users.operator, { aliasMode: "AUTOMATIC" });
    const refused = await challenged(o.token, "4970100000000063");
    expect((await completeChallenge(db, { token: o.token, challengeId: refused.id, code: refused.code })).outcome).toBe("REFUSED");
    const ch = await challenged(o.token, FRICTIONLESS);
    expect((await completeChallenge(db, { token: o.token, challengeId: ch.id, code: ch.code })).outcome).toBe("ACCEPTED");
    const txs = await db.transaction.findMany({
      where: { orderId: o.id },
      orderBy: { createdAt: "asc" },
      select: { status: true, aliasId: true },
    });
    expect(txs.map((t) => [t.status, t.aliasId !== null])).toEqual([
      ["REFUSED", false],
      ["AUTHORISED", true],
    ]);
    expect(await dumpDatabaseText()).not.toContain(FRICTIONLESS);
  });
});

describe("accepted brands", () => {
  it("a brand the shop does not accept: a field error, no attempt", async () => {
    await db.shop.update({ where: { id: "12345678" }, data: { acceptedBrands: ["MASTERCARD"] } });
    try {
      const o = await newOrder(users.operator);
      expect(await failure(payOrder(db, { token: o.token, card: card(FRICTIONLESS) }))).toMatchObject({
        code: "VALIDATION",
        fields: { cardNumber: "err_card_brand_not_accepted" },
      });
      expect(await db.transaction.count({ where: { orderId: o.id } })).toBe(0);
      expect((await payOrder(db, { token: o.token, card: card("5555555555554444") })).outcome).toBe("ACCEPTED");
    } finally {
      await db.shop.update({
        where: { id: "12345678" },
        data: { acceptedBrands: ["VISA", "MASTERCARD", "AMEX", "MAESTRO", "DISCOVER", "JCB", "DINERS", "UNIONPAY"] },
      });
    }
  });
});
