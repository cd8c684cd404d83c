// No row lock is held while the acquirer answers (a processor is a network call): an acquirer
// stand-in, behind the real Acquirer interface, tries during each of its calls to lock the rows
// the attempt is about from another connection, without waiting (FOR UPDATE NOWAIT).
import { addDays, addMinutes } from "date-fns";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sweepInstalments } from "@/lib/instalments/sweep-instalments";
import type { Acquirer } from "@/lib/payments/acquirer";
import { completeChallenge, getChallenge } from "@/lib/payments/complete-challenge";
import { payOrder } from "@/lib/payments/pay-order";
import { sandboxAcquirer } from "@/lib/payments/sandbox-acquirer";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

/** "free", or the error code another connection got trying to lock the rows ($1: the order id). */
async function tryLock(sql: string, orderId: string): Promise<string> {
  try {
    await db.$transaction((t) => t.sql(sql, [orderId]));
    return "free";
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
const ORDER = `SELECT id FROM "PaymentOrder" WHERE id = $1 FOR UPDATE NOWAIT`;
const CHALLENGES = `SELECT id FROM "PaymentChallenge" WHERE "orderId" = $1 FOR UPDATE NOWAIT`;
const INSTALMENTS = `SELECT id FROM "InstalmentCharge" WHERE "orderId" = $1 FOR UPDATE NOWAIT`;

/** The sandbox, probing the rows' locks during each call. */
function probing() {
  const seen: Record<string, string[]> = { pay: [], resume: [], chargeToken: [] };
  const acquirer: Acquirer = {
    async pay(req) {
      seen.pay!.push(await tryLock(ORDER, req.orderId));
      return sandboxAcquirer.pay(req);
    },
    async resume(req) {
      seen.resume!.push(await tryLock(ORDER, req.orderId), await tryLock(CHALLENGES, req.orderId));
      return sandboxAcquirer.resume(req);
    },
    async chargeToken(req) {
      seen.chargeToken!.push(await tryLock(ORDER, req.orderId), await tryLock(INSTALMENTS, req.orderId));
      return sandboxAcquirer.chargeToken(req);
    },
  };
  return { acquirer, seen };
}

describe("the acquirer is called with no row lock held", () => {
  it("a payment: the order's row is free during Acquirer.pay", async () => {
    const o = await newOrder(users.operator, { reference: "NOLOCK-PAY" });
    const { acquirer, seen } = probing();
    expect((await payOrder(db, { token: o.token, card: card("4970100000000055"), acquirer })).outcome).toBe("ACCEPTED");
    expect(seen.pay).toEqual(["free"]);
  });

  it("a 3-D Secure challenge's end: the order's and the challenge's rows are free during Acquirer.resume", async () => {
    const o = await newOrder(users.operator, { reference: "NOLOCK-3DS", threeDsPreference: "CHALLENGE" });
    const { acquirer, seen } = probing();
    const r = await payOrder(db, { token: o.token, card: card("4970100000000055"), acquirer });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    const ch = await getChallenge(db, o.token, r.challengeId);
    const done = await completeChallenge(db, { token: o.token, challengeId: r.challengeId, code: ch!.testCode!, acquirer });
    expect(done.outcome).toBe("ACCEPTED");
    expect(seen).toEqual({ pay: ["free"], resume: ["free", "free"], chargeToken: [] });
  });

  it("a later instalment: the order's and the instalments' rows are free during Acquirer.chargeToken", async () => {
    const o = await newOrder(users.operator, {
      reference: "NOLOCK-INST",
      amountMinor: 9000,
      installmentPlan: { kind: "PERIOD", count: 3, period: 30 },
    });
    const r = await payOrder(db, { token: o.token, card: card("4970100000000055"), instalmentConsent: true });
    if (r.outcome !== "CHALLENGE") throw new Error(`expected a challenge, got ${r.outcome}`);
    const ch = await getChallenge(db, o.token, r.challengeId);
    await completeChallenge(db, { token: o.token, challengeId: r.challengeId, code: ch!.testCode! });
    const paidAt = (await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).paidAt!;
    const { acquirer, seen } = probing();
    expect((await sweepInstalments(db, { now: addMinutes(addDays(paidAt, 30), 1), acquirer })).ACCEPTED).toBe(1);
    expect(seen.chargeToken).toEqual(["free", "free"]);
  });
});
