// The buyer side of the data collection form and of invoice orders (F-ORD-5, F-CH-INVOICE): the
// reference lookup of /collect/<shopId>, its throttling, and the collected data down to the
// transaction — on a real database.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buyerDataSchema } from "@/lib/collect-form/config";
import { findOpenInvoice, getInvoiceForm, LOOKUP_LIMITS } from "@/lib/payments/invoice-lookup";
import { saveBuyerData } from "@/lib/payments/save-buyer-data";
import type { AppError } from "@/lib/server/errors";
import { verifiedConnectorsForAllShops } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
const FIELDS = [
  { key: "firstName", required: true },
  { key: "lastName", required: true },
  { key: "email", required: false },
  { key: "custom1", required: false, label: "Customer number" },
] as const;

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
  await db.dataCollectionForm.create({ data: { shopId: "12345678", fields: FIELDS as unknown as object[], invoiceMode: true } });
});
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

/** An open invoice order (the creation dialog's rules are tested with createInvoiceOrder). */
async function invoice(reference: string, over: Parameters<typeof newOrder>[1] = {}) {
  const o = await newOrder(users.operator, { reference, ...over });
  await db.paymentOrder.update({ where: { id: o.id }, data: { channel: "INVOICE", dataCollectionForm: true } });
  return o;
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, fields: e.fields }),
  );

describe("invoice lookup", () => {
  it("finds the shop's open invoice by reference (case and spaces ignored), and nothing else", async () => {
    const open = await invoice("INV-2026-001");
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "  inv-2026-001 " })).toBe(open.token);
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-2026-999" })).toBeNull();

    // Another shop's invoice with the same reference is not this shop's.
    await db.dataCollectionForm.create({ data: { shopId: "87654321", fields: [], invoiceMode: true } });
    const otherShop = await newOrder(users.other, { shopId: "87654321", reference: "INV-OTHER" });
    await db.paymentOrder.update({ where: { id: otherShop.id }, data: { channel: "INVOICE" } });
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-OTHER" })).toBeNull();

    // A URL order with an invoice-like reference is not an invoice.
    await newOrder(users.operator, { reference: "INV-URL" });
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-URL" })).toBeNull();

    // Expired (by time or by the sweep), paid, cancelled: not payable, not found.
    const late = await invoice("INV-LATE");
    await db.paymentOrder.update({ where: { id: late.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const paid = await invoice("INV-PAID");
    await payNow({ token: paid.token, card: card("4970100000000055") });
    const cancelled = await invoice("INV-CANCELLED");
    await db.paymentOrder.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    for (const ref of ["INV-LATE", "INV-PAID", "INV-CANCELLED"])
      expect(await findOpenInvoice(db, { shopId: "12345678", reference: ref })).toBeNull();

    // A refused attempt leaves it payable.
    const refused = await invoice("INV-REFUSED");
    await payNow({ token: refused.token, card: card("4970100000000097") });
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-REFUSED" })).toBe(refused.token);
  });

  it("PRODUCTION invoices only once the form is published; TEST ones at once", async () => {
    const prod = await invoice("INV-PROD", { mode: "PRODUCTION" });
    expect((await getInvoiceForm(db, "12345678"))?.testOnly).toBe(true);
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-PROD" })).toBeNull();
    await db.dataCollectionForm.update({ where: { shopId: "12345678" }, data: { publishedAt: new Date() } });
    try {
      expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-PROD" })).toBe(prod.token);
      // Same reference in both modes: the PRODUCTION one wins.
      await invoice("INV-PROD");
      expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-PROD" })).toBe(prod.token);
    } finally {
      await db.dataCollectionForm.update({ where: { shopId: "12345678" }, data: { publishedAt: null } });
    }
  });

  it("a shop without a form in invoice mode takes no lookups", async () => {
    await db.dataCollectionForm.update({ where: { shopId: "12345678" }, data: { invoiceMode: false } });
    try {
      await invoice("INV-NOFORM");
      expect(await getInvoiceForm(db, "12345678")).toBeNull();
      expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-NOFORM" })).toBeNull();
    } finally {
      await db.dataCollectionForm.update({ where: { shopId: "12345678" }, data: { invoiceMode: true } });
    }
    expect(await getInvoiceForm(db, "99999999")).toBeNull();
    expect(await getInvoiceForm(db, "../etc")).toBeNull();
  });

  it("throttles per client address, even for found references, and misses per shop", async () => {
    const o = await invoice("INV-THROTTLE");
    for (let i = 0; i < LOOKUP_LIMITS.perAddress; i++)
      await findOpenInvoice(db, { shopId: "12345678", reference: `GUESS-${i}`, clientAddress: "203.0.113.9" });
    expect(
      await failure(findOpenInvoice(db, { shopId: "12345678", reference: "INV-THROTTLE", clientAddress: "203.0.113.9" })),
    ).toMatchObject({
      code: "RATE_LIMITED",
    });
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-THROTTLE", clientAddress: "203.0.113.10" })).toBe(o.token);

    // Many addresses guessing the same shop's references: stopped by the per-shop miss budget.
    await db.rateLimitBucket.deleteMany();
    await db.rateLimitBucket.create({
      data: { key: "collect:shop-miss:12345678", count: LOOKUP_LIMITS.missesPerShop, windowStart: new Date() },
    });
    expect(await failure(findOpenInvoice(db, { shopId: "12345678", reference: "GUESS-X", clientAddress: "198.51.100.1" }))).toMatchObject({
      code: "RATE_LIMITED",
    });
    // A hit still goes through: the budget counts misses only.
    expect(await findOpenInvoice(db, { shopId: "12345678", reference: "INV-THROTTLE", clientAddress: "198.51.100.2" })).toBe(o.token);
  });
});

describe("collected data", () => {
  it("validates against the shop's form (required, e-mail, lengths), drops unknown inputs", () => {
    const schema = buyerDataSchema([...FIELDS]);
    const bad = schema.safeParse({ firstName: " ", email: "nope", custom1: "x".repeat(201) });
    expect(bad.success).toBe(false);
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path[0], i.message]));
    expect(fields).toEqual({
      firstName: "err_collect_required",
      lastName: "err_collect_required",
      email: "err_collect_email",
      custom1: "err_collect_too_long",
    });
    expect(schema.parse({ firstName: " Ada ", lastName: "Lovelace", email: "", other: "dropped" })).toEqual({
      firstName: "Ada",
      lastName: "Lovelace",
      email: undefined,
      custom1: undefined,
    });
  });

  it("saved on the order, then copied to each attempt's transaction with the card holder's name; the buyer's e-mail gets the receipt", async () => {
    const o = await invoice("INV-DATA");
    expect(await failure(saveBuyerData(db, { token: o.token, values: { firstName: "Ada" } }))).toMatchObject({
      code: "VALIDATION",
      fields: { lastName: "err_collect_required" },
    });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).collectedData).toBeNull();
    await saveBuyerData(db, {
      token: o.token,
      values: { firstName: "Ada", lastName: "Lovelace", email: "ada@buyer.test", custom1: "C-42" },
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id }, select: { collectedData: true, buyerEmail: true } })).toEqual({
      collectedData: { firstName: "Ada", lastName: "Lovelace", email: "ada@buyer.test", custom1: "C-42" },
      buyerEmail: "ada@buyer.test",
    });
    await payNow({ token: o.token, card: { ...card("4970100000000097"), name: "A LOVELACE" } });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const txs = await db.transaction.findMany({ where: { orderId: o.id }, orderBy: { createdAt: "asc" }, select: { buyerData: true } });
    expect(txs.map((t) => t.buyerData)).toEqual([
      { firstName: "Ada", lastName: "Lovelace", email: "ada@buyer.test", custom1: "C-42", cardHolderName: "A LOVELACE" },
      { firstName: "Ada", lastName: "Lovelace", email: "ada@buyer.test", custom1: "C-42" },
    ]);
    // Spent link: nothing more is saved.
    expect(await failure(saveBuyerData(db, { token: o.token, values: { firstName: "Eve", lastName: "X" } }))).toMatchObject({
      code: "ORDER_NOT_PAYABLE",
    });
  });
});
