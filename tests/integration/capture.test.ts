import { subDays } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { cancelTransaction } from "@/lib/payments/cancel-transaction";
import { sweepTransactions } from "@/lib/payments/sweep-transactions";
import { validateTransaction } from "@/lib/payments/validate-transaction";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

const ACCEPTED = "4970100000000055";

describe("transaction capture, validation and expiry (F-ORD-7)", () => {
  let users: Awaited<ReturnType<typeof seedTenants>>;
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
  });

  /** A paid order's transaction, its capture date and creation moved to `daysAgo` days in the past. */
  async function paid(over: Parameters<typeof newOrder>[1] = {}, daysAgo = 0) {
    const o = await newOrder(users.operator, over);
    const r = await payNow({ token: o.token, card: card(ACCEPTED) });
    const at = subDays(new Date(), daysAgo);
    await db.transaction.update({ where: { id: r.transactionId }, data: { captureDate: at, createdAt: at } });
    return r.transactionId;
  }
  const tx = (id: string) => db.transaction.findUniqueOrThrow({ where: { id } });
  const audits = (id: string, action: string) => db.auditEvent.count({ where: { action, after: { path: ["transactionId"], equals: id } } });

  it("captures on the capture date, not before; once", async () => {
    const due = await paid({ captureDelay: 0 }, 1);
    const later = await newOrder(users.operator, { captureDelay: 3 });
    const notDue = (await payNow({ token: later.token, card: card(ACCEPTED) })).transactionId;
    expect((await tx(notDue)).status).toBe("AUTHORISED");

    const now = new Date();
    const r = await sweepTransactions(db, now);
    expect(r.captured).toBeGreaterThanOrEqual(1);
    const t = await tx(due);
    expect(t.status).toBe("CAPTURED");
    expect(t.capturedAt?.getTime()).toBe(now.getTime());
    expect(await audits(due, "transaction.capture")).toBe(1);
    expect((await tx(notDue)).status).toBe("AUTHORISED");
    expect((await sweepTransactions(db)).captured).toBe(0);
    expect(await audits(due, "transaction.capture")).toBe(1);
  });

  it("manual mode: never captured before validation; validated, then captured", async () => {
    const id = await paid({ validationMode: "MANUAL", captureDelay: 0 }, 1);
    expect((await tx(id)).status).toBe("AUTHORISED_TO_VALIDATE");
    await sweepTransactions(db);
    expect((await tx(id)).status).toBe("AUTHORISED_TO_VALIDATE");

    await validateTransaction(db, { actor: users.operator, transactionId: id });
    const v = await tx(id);
    expect(v.status).toBe("AUTHORISED");
    expect(v.validatedAt).not.toBeNull();
    expect(await audits(id, "transaction.validate")).toBe(1);
    await expect(validateTransaction(db, { actor: users.operator, transactionId: id })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });

    await sweepTransactions(db);
    expect((await tx(id)).status).toBe("CAPTURED");
  });

  it("unvalidated transactions expire after VALIDATION_EXPIRY_DAYS (7) and are never captured", async () => {
    const old = await paid({ validationMode: "MANUAL", captureDelay: 0 }, 8);
    const recent = await paid({ validationMode: "MANUAL", captureDelay: 0 }, 6);
    const r = await sweepTransactions(db);
    expect(r.expired).toBe(1);
    expect((await tx(old)).status).toBe("EXPIRED");
    expect((await tx(old)).capturedAt).toBeNull();
    expect((await tx(recent)).status).toBe("AUTHORISED_TO_VALIDATE");
    expect(await audits(old, "transaction.expire")).toBe(1);
    await expect(validateTransaction(db, { actor: users.operator, transactionId: old })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    await sweepTransactions(db);
    expect((await tx(old)).status).toBe("EXPIRED");
  });

  it("cancel before capture: never captured; a captured one cannot be cancelled; viewers cannot", async () => {
    const a = await paid({ captureDelay: 0 }, 1);
    const m = await paid({ validationMode: "MANUAL" });
    await expect(cancelTransaction(db, { actor: users.viewer, transactionId: a })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await cancelTransaction(db, { actor: users.operator, transactionId: a });
    await cancelTransaction(db, { actor: users.operator, transactionId: m });
    expect((await tx(a)).status).toBe("CANCELLED");
    expect((await tx(m)).status).toBe("CANCELLED");
    expect(await audits(a, "transaction.cancel")).toBe(1);
    await sweepTransactions(db);
    expect((await tx(a)).status).toBe("CANCELLED");

    const c = await paid({ captureDelay: 0 }, 1);
    await sweepTransactions(db);
    await expect(cancelTransaction(db, { actor: users.operator, transactionId: c })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
  });

  it("two sweeps at once capture each transaction exactly once", async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, () => paid({ captureDelay: 0 }, 1)));
    const results = await Promise.all([sweepTransactions(db, new Date(), 4), sweepTransactions(db, new Date(), 4)]);
    expect(results[0].captured + results[1].captured).toBe(30);
    for (const id of ids) {
      expect((await tx(id)).status).toBe("CAPTURED");
      expect(await audits(id, "transaction.capture")).toBe(1);
    }
  });

  it("tenant isolation: another company can neither validate nor cancel", async () => {
    const id = await paid({ validationMode: "MANUAL" });
    await expect(validateTransaction(db, { actor: users.other, transactionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(cancelTransaction(db, { actor: users.other, transactionId: id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await tx(id)).status).toBe("AUTHORISED_TO_VALIDATE");
  });
});
