import { beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const today = () => dayInZone(new Date(), "Europe/Paris");
const form = (over: Record<string, string> = {}) => ({
  shopId: "12345678",
  mode: "TEST",
  amount: "15.90",
  currency: "EUR",
  reference: "CMD-1",
  ...over,
});

/** The form's use case: field errors, or the created order. */
async function submit(actor: UserActor, values: Record<string, string>) {
  try {
    const o = await createUrlOrder(db, { actor, values });
    return { id: o.id, token: o.token, url: o.paymentUrl };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // Shape errors (zod) and shop rules both come back as VALIDATION with fields.
    return e.code === "VALIDATION" && !SHOP_RULE_KEYS.some((k) => Object.values(e.fields ?? {}).includes(k))
      ? { fields: e.fields }
      : { code: e.code, fields: e.fields };
  }
}

const SHOP_RULE_KEYS = ["err_validity_past", "err_validity_too_far", "err_currency_not_enabled", "err_reference_required"];

describe("create an order by URL (F-CH-URL)", () => {
  it("creates it in progress / manual sending, payable until 23:59:59 Paris time", async () => {
    const r = await submit(users.operator, form({ validUntil: addCalendarDays(today(), 3), buyerEmail: "buyer@example.com" }));
    expect(r.id).toMatch(/^[a-f0-9]{32}$/);
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id: r.id } });
    expect(o).toMatchObject({
      status: "RUNNING",
      deliveryStatus: "MANUAL",
      channel: "URL",
      mode: "TEST",
      amount: 1590n,
      currency: "EUR",
      reference: "CMD-1",
      buyerEmail: "buyer@example.com",
      locale: "fr_FR",
      sendCount: 0,
    });
    expect(o.validUntil.toISOString()).toBe(endOfDayInZone(addCalendarDays(today(), 3), "Europe/Paris").toISOString());
    expect(r.url).toBe(`${process.env.APP_URL ?? "http://localhost:3000"}/pay/${o.token}`);
    // ≥ 128 bits: 24 random bytes, base64url
    expect(o.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const audit = await db.auditEvent.findMany({ where: { orderId: r.id } });
    expect(audit.map((a) => a.action)).toEqual(["order.create"]);
  });

  it("defaults the validity to the shop's 7 days", async () => {
    const r = await submit(users.admin, form({ reference: "" }));
    const o = await db.paymentOrder.findUniqueOrThrow({ where: { id: r.id } });
    expect(o.reference).toBeNull();
    expect(o.validUntil.toISOString()).toBe(endOfDayInZone(addCalendarDays(today(), 7), "Europe/Paris").toISOString());
  });

  it.each([
    ["amount 0", { amount: "0" }, { amount: "err_amount_positive" }],
    ["negative amount", { amount: "-5" }, { amount: "err_amount_positive" }],
    ["too many decimals", { amount: "10.999" }, { amount: "err_amount_decimals" }],
    ["not a number", { amount: "ten" }, { amount: "err_amount_format" }],
    ["empty amount", { amount: "" }, { amount: "err_amount_required" }],
    ["reference > 64", { reference: "R".repeat(65) }, { reference: "err_reference_too_long" }],
    ["reference with spaces", { reference: "A B" }, { reference: "err_reference_chars" }],
    ["bad e-mail", { buyerEmail: "nope" }, { buyerEmail: "err_email" }],
    ["unknown currency", { currency: "ABC" }, { currency: "err_currency_unknown" }],
  ])("refuses %s with a field error and stores nothing", async (_name, over, fields) => {
    const before = await db.paymentOrder.count();
    const r = await submit(users.operator, form(over as Record<string, string>));
    expect(r.fields).toEqual(fields);
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it.each([
    ["validity in the past", () => ({ validUntil: addCalendarDays(today(), -1) }), { validUntil: "err_validity_past" }],
    ["validity beyond 90 days", () => ({ validUntil: addCalendarDays(today(), 91) }), { validUntil: "err_validity_too_far" }],
    ["currency not enabled on the shop", () => ({ currency: "USD" }), { currency: "err_currency_not_enabled" }],
  ])("refuses %s (shop rules) and stores nothing", async (_name, over, fields) => {
    const before = await db.paymentOrder.count();
    const r = await submit(users.operator, form(over()));
    expect(r).toEqual({ code: "VALIDATION", fields });
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("accepts exactly 90 days ahead", async () => {
    const r = await submit(users.operator, form({ validUntil: addCalendarDays(today(), 90) }));
    expect(r.id).toBeDefined();
  });

  it("refuses viewers, and shops of another company", async () => {
    const before = await db.paymentOrder.count();
    expect(await submit(users.viewer, form())).toMatchObject({ code: "FORBIDDEN" });
    expect(await submit(users.other, form())).toMatchObject({ code: "NOT_FOUND" });
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("enforces a mandatory reference when the shop asks for it", async () => {
    await db.shop.update({ where: { id: "12345678" }, data: { referenceMandatory: true } });
    const r = await submit(users.operator, form({ reference: "" }));
    await db.shop.update({ where: { id: "12345678" }, data: { referenceMandatory: false } });
    expect(r).toEqual({ code: "VALIDATION", fields: { reference: "err_reference_required" } });
  });
});
