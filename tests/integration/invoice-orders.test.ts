import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createInvoiceOrder } from "@/lib/invoices/create-invoice-order";
import { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";
import { verifiedConnector } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { setForm } from "../helpers/invoices";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await verifiedConnector(db, "12345678"); // PRODUCTION orders need the shop's processor (issue 20)
});

const SHOP = "12345678";
const today = () => dayInZone(new Date(), "Europe/Paris");

const invoice = (over: Partial<Parameters<typeof createInvoiceOrder>[1]> = {}) =>
  createInvoiceOrder(db, {
    actor: users.operator,
    shopId: SHOP,
    mode: "TEST",
    reference: "FAC-1",
    amountMinor: 12050,
    currency: "EUR",
    ...over,
  });

/** The AppError a call throws (fails the test if it succeeds or throws something else). */
async function errorOf(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe("createInvoiceOrder (F-CH-INVOICE)", () => {
  beforeEach(async () => {
    await db.paymentOrder.deleteMany({ where: { channel: "INVOICE" } });
    await setForm(SHOP, { invoiceMode: true, published: true });
  });

  it("creates an invoice order: data collection form, no alias, manual sending, end of day in the shop's zone, audited", async () => {
    const day = addCalendarDays(today(), 10);
    const o = await invoice({ description: "November services", validUntilDay: day, threeDsPreference: "CHALLENGE", captureDelay: 2 });
    expect(o).toMatchObject({
      id: expect.stringMatching(/^[a-f0-9]{32}$/),
      paymentUrl: expect.stringContaining(o.token),
    });
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(row).toMatchObject({
      channel: "INVOICE",
      status: "RUNNING",
      deliveryStatus: "MANUAL",
      dataCollectionForm: true,
      aliasMode: "NONE",
      installmentPlan: null,
      reference: "FAC-1",
      amount: 12050n,
      description: "November services",
      threeDsPreference: "CHALLENGE",
      captureDelay: 2,
      createdVia: "BACK_OFFICE",
    });
    expect(row.validUntil).toEqual(endOfDayInZone(day, "Europe/Paris"));
    expect(await db.auditEvent.count({ where: { orderId: o.id, action: "order.create" } })).toBe(1);
  });

  it("requires a reference of at most 64 characters", async () => {
    expect((await errorOf(invoice({ reference: "  " }))).fields).toEqual({ reference: "err_reference_required" });
    expect((await errorOf(invoice({ reference: "X".repeat(65) }))).fields).toEqual({ reference: "err_reference_too_long" });
  });

  it("refuses a reference already open (running or refused) in the same shop and mode, also when racing", async () => {
    const first = await invoice();
    const taken = await errorOf(invoice({ amountMinor: 1 }));
    expect(taken).toMatchObject({ code: "VALIDATION", fields: { reference: "err_invoice_reference_taken" } });
    await db.paymentOrder.update({ where: { id: first.id }, data: { status: "REFUSED" } });
    expect((await errorOf(invoice())).fields).toEqual({ reference: "err_invoice_reference_taken" });

    const race = await Promise.allSettled([invoice({ reference: "RACE" }), invoice({ reference: "RACE" }), invoice({ reference: "RACE" })]);
    expect(race.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of race.filter((x) => x.status === "rejected")) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ fields: { reference: "err_invoice_reference_taken" } });
    }
  });

  it("lets a reference be used again once its order is paid, cancelled or past its validity (expired now, audited)", async () => {
    const paid = await invoice({ reference: "P-1" });
    await db.paymentOrder.update({ where: { id: paid.id }, data: { status: "PAID" } });
    await expect(invoice({ reference: "P-1" })).resolves.toBeTruthy();

    const cancelled = await invoice({ reference: "C-1" });
    await db.paymentOrder.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    await expect(invoice({ reference: "C-1" })).resolves.toBeTruthy();

    const lapsed = await invoice({ reference: "E-1" });
    await db.paymentOrder.update({ where: { id: lapsed.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const again = await invoice({ reference: "E-1" });
    expect(again.id).not.toBe(lapsed.id);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: lapsed.id } })).status).toBe("EXPIRED");
    expect(await db.auditEvent.findFirst({ where: { orderId: lapsed.id, action: "order.expire" } })).toMatchObject({
      actorType: "SYSTEM",
      after: { status: "EXPIRED" },
    });
  });

  it("treats each mode on its own, and another shop's reference is not this shop's", async () => {
    await invoice({ reference: "M-1", mode: "TEST" });
    await expect(invoice({ reference: "M-1", mode: "PRODUCTION" })).resolves.toBeTruthy();
    expect((await errorOf(invoice({ reference: "M-1", mode: "PRODUCTION" }))).fields).toEqual({ reference: "err_invoice_reference_taken" });
    const otherShop = users.other.shopIds[0]!;
    await setForm(otherShop, { invoiceMode: true, published: true });
    await expect(
      createInvoiceOrder(db, { actor: users.other, shopId: otherShop, mode: "TEST", reference: "M-1", amountMinor: 100, currency: "EUR" }),
    ).resolves.toBeTruthy();
  });

  it("needs the shop's data collection form in invoice mode, and published for PRODUCTION", async () => {
    await setForm(SHOP, null);
    expect(await errorOf(invoice())).toMatchObject({ code: "VALIDATION", publicMessage: "err_invoice_form_missing" });
    await setForm(SHOP, { invoiceMode: false, published: true });
    expect(await errorOf(invoice())).toMatchObject({ code: "VALIDATION", publicMessage: "err_invoice_form_missing" });
    await setForm(SHOP, { invoiceMode: true, published: false });
    await expect(invoice({ mode: "TEST" })).resolves.toBeTruthy();
    expect(await errorOf(invoice({ mode: "PRODUCTION" }))).toMatchObject({
      code: "VALIDATION",
      publicMessage: "err_invoice_form_unpublished",
    });
    expect(await db.paymentOrder.count({ where: { channel: "INVOICE", mode: "PRODUCTION" } })).toBe(0);
  });

  it("keeps the other orders' rules (validity window, currency) and the roles", async () => {
    expect((await errorOf(invoice({ validUntilDay: addCalendarDays(today(), 91) }))).fields).toMatchObject({
      validUntil: "err_validity_too_far",
    });
    expect((await errorOf(invoice({ currency: "USD" }))).fields).toMatchObject({ currency: "err_currency_not_enabled" });
    expect((await errorOf(invoice({ actor: users.viewer }))).code).toBe("FORBIDDEN");
    expect((await errorOf(invoice({ actor: users.other }))).code).toBe("NOT_FOUND");
  });
});
