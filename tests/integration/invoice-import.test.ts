import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { importInvoiceOrders } from "@/lib/invoices/import-invoice-orders";
import { importSampleCsv } from "@/lib/invoices/import-sample";
import { importReportSchema } from "@/lib/invoices/schemas";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";
import { verifiedConnectorsForAllShops } from "../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { csv, HEADER, setForm } from "../helpers/invoices";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
});

const SHOP = "12345678";
const today = () => dayInZone(new Date(), "Europe/Paris");
const day = (n: number) => addCalendarDays(today(), n);

const run = async (file: Uint8Array, opts: { dryRun?: boolean; mode?: "TEST" | "PRODUCTION" } = {}) =>
  importReportSchema.parse(
    await importInvoiceOrders(db, { actor: users.operator, shopId: SHOP, mode: opts.mode ?? "TEST", file, dryRun: opts.dryRun ?? false }),
  );
const invoices = () => db.paymentOrder.count({ where: { channel: "INVOICE" } });

beforeEach(async () => {
  await db.paymentOrder.deleteMany({ where: { channel: "INVOICE" } });
  await setForm(SHOP, { invoiceMode: true, published: true });
});

describe("invoice import: file and rows", () => {
  it("imports valid rows as invoice orders: amounts with . or , in the currency's decimals, validity end of day, optional columns", async () => {
    const r = await run(
      csv(
        HEADER,
        `A-1,120.50,EUR,${day(30)},"Services, November",billing@example.com`,
        `A-2,"89,9",eur,${day(1)},,`,
        "A-3,15,EUR,,Late fee,",
      ),
    );
    expect(r).toEqual({ dryRun: false, rows: 3, created: 3, skipped: 0, errorCount: 0, errors: [], skippedRows: [] });
    const rows = await db.paymentOrder.findMany({ where: { channel: "INVOICE" }, orderBy: { reference: "asc" } });
    expect(rows.map((o) => [o.reference, o.amount, o.currency, o.description, o.buyerEmail])).toEqual([
      ["A-1", 12050n, "EUR", "Services, November", "billing@example.com"],
      ["A-2", 8990n, "EUR", null, null],
      ["A-3", 1500n, "EUR", "Late fee", null],
    ]);
    expect(rows[0]).toMatchObject({
      status: "RUNNING",
      deliveryStatus: "MANUAL",
      dataCollectionForm: true,
      aliasMode: "NONE",
      createdVia: "IMPORT",
      sourceUserId: users.operator.userId,
      mode: "TEST",
      locale: "fr_FR",
    });
    expect(rows[0]!.validUntil).toEqual(endOfDayInZone(day(30), "Europe/Paris"));
    expect(rows[2]!.validUntil).toEqual(endOfDayInZone(day(7), "Europe/Paris")); // the shop's default validity
    expect(new Set(rows.map((o) => o.token)).size).toBe(3);
    expect(await db.auditEvent.count({ where: { action: "order.create", orderId: { in: rows.map((o) => o.id) } } })).toBe(3);
    expect(await db.auditEvent.findFirst({ where: { action: "invoice.import" }, orderBy: { createdAt: "desc" } })).toMatchObject({
      actorType: "USER",
      after: { mode: "TEST", rows: 3, created: 3, skipped: 0 },
    });
  });

  it("reports a malformed CSV (an unclosed quote) on its line, and creates nothing", async () => {
    const r = await run(csv(HEADER, `B-1,10,EUR,${day(3)},ok,`, `B-2,10,EUR,${day(3)},"never closed,`, `B-3,10,EUR,${day(3)},,`));
    expect(r.errors).toEqual([{ line: 4, column: "", value: "CSV_QUOTE_NOT_CLOSED", reason: "malformed_csv" }]);
    expect(r.created).toBe(0);
    expect(await invoices()).toBe(0);
  });

  it("checks the header: unknown, missing and duplicate columns; any order; semicolons and a BOM", async () => {
    const bad = await run(csv("reference,amount,amount,validity,description", "X,1,1,2026-01-01,"));
    expect(bad.errors).toEqual([
      { line: 1, column: "amount", value: "amount", reason: "duplicate_column" },
      { line: 1, column: "validity", value: "validity", reason: "unknown_column" },
      { line: 1, column: "currency", value: "", reason: "missing_column" },
      { line: 1, column: "validity_end", value: "", reason: "missing_column" },
    ]);
    const reordered = await run(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv("Currency;validity_end;Amount;reference", `EUR;${day(2)};12,30;SEMI-1`)]),
      { dryRun: true },
    );
    expect(reordered).toMatchObject({ created: 1, errorCount: 0 });
  });

  it("reports wrong types per cell (line, column, value, reason) and creates nothing", async () => {
    const r = await run(
      csv(
        HEADER,
        `C-1,12.345,EUR,${day(3)},,`,
        `C-2,abc,EUR,${day(3)},,`,
        `C-3,-5,EUR,${day(3)},,`,
        `C-4,0,EUR,${day(3)},,`,
        `C-5,10,XYZ,${day(3)},,`,
        `C-6,10,USD,${day(3)},,`,
        "C-7,10,EUR,31/12/2026,,",
        "C-8,10,EUR,2026-02-30,,",
        `C-9,10,EUR,${day(-1)},,`,
        `C-10,10,EUR,${day(91)},,`,
        `C-11,10,EUR,${day(3)},,not-an-email`,
        `,10,EUR,${day(3)},,`,
        `bad ref!,10,EUR,${day(3)},,`,
        `C-14,,,${day(3)},,`,
        `C-15,10,EUR,${day(3)},,,extra`,
        `C-16,10,EUR,${day(3)},ok,buyer@example.com`,
        `C-17,10,EUR,${day(3)},a\u0000b,`,
      ),
    );
    expect(r.errors).toEqual([
      { line: 2, column: "amount", value: "12.345", reason: "amount_decimals" },
      { line: 3, column: "amount", value: "abc", reason: "amount_format" },
      { line: 4, column: "amount", value: "-5", reason: "amount_not_positive" },
      { line: 5, column: "amount", value: "0", reason: "amount_not_positive" },
      { line: 6, column: "currency", value: "XYZ", reason: "currency_unknown" },
      { line: 7, column: "currency", value: "USD", reason: "currency_not_enabled" },
      { line: 8, column: "validity_end", value: "31/12/2026", reason: "date_format" },
      { line: 9, column: "validity_end", value: "2026-02-30", reason: "date_format" },
      { line: 10, column: "validity_end", value: day(-1), reason: "validity_past" },
      { line: 11, column: "validity_end", value: day(91), reason: "validity_too_far" },
      { line: 12, column: "buyer_email", value: "not-an-email", reason: "email_invalid" },
      { line: 13, column: "reference", value: "", reason: "required" },
      { line: 14, column: "reference", value: "bad ref!", reason: "invalid_characters" },
      { line: 15, column: "amount", value: "", reason: "required" },
      { line: 15, column: "currency", value: "", reason: "required" },
      { line: 16, column: "", value: "7", reason: "column_count" },
      // A NUL byte (PostgreSQL refuses it): the cell's characters, not a failed import.
      { line: 18, column: "description", value: "a\u0000b", reason: "invalid_characters" },
    ]);
    expect(r).toMatchObject({ created: 0, errorCount: 17, rows: 17 });
    expect(await invoices()).toBe(0);
  });

  it("numbers lines as a person sees them: blank lines and line breaks inside quoted cells count, CRLF too", async () => {
    const text = [HEADER, `L-1,10,EUR,${day(3)},"two\r\nlines",`, "", `L-2,oops,EUR,${day(3)},,`].join("\r\n");
    const r = await run(Buffer.from(text), { dryRun: true });
    expect(r.errors).toEqual([{ line: 5, column: "amount", value: "oops", reason: "amount_format" }]);
    expect(r.rows).toBe(2);
  });

  it("refuses a reference repeated inside the file on its later lines", async () => {
    const r = await run(
      csv(HEADER, `D-1,10,EUR,${day(3)},,`, `D-2,10,EUR,${day(3)},,`, `D-1,11,EUR,${day(3)},,`, `D-1,12,EUR,${day(3)},,`),
    );
    expect(r.errors).toEqual([
      { line: 4, column: "reference", value: "D-1", reason: "duplicate_in_file" },
      { line: 5, column: "reference", value: "D-1", reason: "duplicate_in_file" },
    ]);
    expect(await invoices()).toBe(0);
  });

  it("reads XLSX: the first sheet, numbers as written, date cells as days, blank rows ignored", async () => {
    const file = await writeExcelFile([
      ["reference", "amount", "currency", "validity_end", "description", "buyer_email"],
      ["X-1", 12.5, "EUR", { value: new Date(`${day(5)}T00:00:00Z`), type: Date, format: "yyyy-mm-dd" }, "From Excel", null],
      [null, null, null, null, null, null],
      [1002, "7,10", "EUR", day(6), null, "x@example.com"],
      ["X-3", "1.999", "EUR", day(6), null, null],
    ]).toBuffer();
    const dry = await run(file, { dryRun: true });
    expect(dry.errors).toEqual([{ line: 5, column: "amount", value: "1.999", reason: "amount_decimals" }]);
    const fixed = await writeExcelFile([
      ["reference", "amount", "currency", "validity_end"],
      ["X-1", 12.5, "EUR", { value: new Date(`${day(5)}T00:00:00Z`), type: Date, format: "yyyy-mm-dd" }],
      [1002, "7,10", "EUR", day(6)],
    ]).toBuffer();
    expect(await run(fixed)).toMatchObject({ created: 2, errorCount: 0 });
    const rows = await db.paymentOrder.findMany({ where: { channel: "INVOICE" }, orderBy: { reference: "asc" } });
    expect(rows.map((o) => [o.reference, o.amount, o.validUntil])).toEqual([
      ["1002", 710n, endOfDayInZone(day(6), "Europe/Paris")],
      ["X-1", 1250n, endOfDayInZone(day(5), "Europe/Paris")],
    ]);
  });

  it("reports an empty file, a file that is neither CSV nor XLSX, and a header without rows", async () => {
    expect((await run(new Uint8Array())).errors).toEqual([{ line: 1, column: "", value: "", reason: "file_empty" }]);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    expect((await run(zip)).errors).toEqual([{ line: 1, column: "", value: "", reason: "file_unreadable" }]);
    expect(await run(csv(HEADER))).toMatchObject({ rows: 0, created: 0, errorCount: 0 });
  });
});

describe("invoice import: dry run, all or nothing, idempotence", () => {
  it("a dry run reports what a commit would do and writes nothing", async () => {
    const file = csv(HEADER, `E-1,10,EUR,${day(3)},,`, `E-2,10,EUR,${day(3)},,`);
    expect(await run(file, { dryRun: true })).toEqual({
      dryRun: true,
      rows: 2,
      created: 2,
      skipped: 0,
      errorCount: 0,
      errors: [],
      skippedRows: [],
    });
    expect(await invoices()).toBe(0);
  });

  it("skips rows that already exist (open or paid, same shop and mode): importing the same file again creates nothing", async () => {
    const file = csv(HEADER, `F-1,10,EUR,${day(3)},,`, `F-2,10,EUR,${day(3)},,`, `F-3,10,EUR,${day(3)},,`);
    expect(await run(file)).toMatchObject({ created: 3, skipped: 0 });
    await db.paymentOrder.updateMany({ where: { reference: "F-2" }, data: { status: "PAID" } });
    await db.paymentOrder.updateMany({ where: { reference: "F-3" }, data: { status: "REFUSED" } });
    const again = await run(file);
    expect(again).toMatchObject({ created: 0, skipped: 3, errorCount: 0 });
    expect(again.skippedRows).toEqual([
      { line: 2, column: "reference", value: "F-1", reason: "already_exists" },
      { line: 3, column: "reference", value: "F-2", reason: "already_exists" },
      { line: 4, column: "reference", value: "F-3", reason: "already_exists" },
    ]);
    expect(await invoices()).toBe(3);
    // The same file in the other mode is another set of orders.
    expect(await run(file, { mode: "PRODUCTION" })).toMatchObject({ created: 3, skipped: 0 });
  });

  it("creates a new order for a reference whose order expired or was cancelled (the lapsed one expires first)", async () => {
    const file = csv(HEADER, `G-1,10,EUR,${day(3)},,`, `G-2,10,EUR,${day(3)},,`, `G-3,10,EUR,${day(3)},,`);
    await run(file);
    await db.paymentOrder.updateMany({ where: { reference: "G-1" }, data: { status: "CANCELLED" } });
    await db.paymentOrder.updateMany({ where: { reference: "G-2" }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect(await run(file, { dryRun: true })).toMatchObject({ created: 2, skipped: 1 });
    expect(await run(file)).toMatchObject({ created: 2, skipped: 1 });
    const g2 = await db.paymentOrder.findMany({ where: { reference: "G-2" }, orderBy: { createdAt: "asc" }, select: { status: true } });
    expect(g2.map((o) => o.status)).toEqual(["EXPIRED", "RUNNING"]);
    const expired = await db.paymentOrder.findFirstOrThrow({ where: { reference: "G-2", status: "EXPIRED" } });
    expect(await db.auditEvent.count({ where: { action: "order.expire", orderId: expired.id } })).toBe(1);
  });

  it("1 bad row among 10,000 → nothing created, the bad row reported; fixed, all 10,000 created", async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `BULK-${i},${(i % 500) + 1}.25,EUR,${day((i % 80) + 1)},Invoice ${i},`);
    lines[6_789] = `BULK-6789,12.5.0,EUR,${day(3)},,`;
    const bad = await run(csv(HEADER, ...lines));
    expect(bad).toMatchObject({ created: 0, errorCount: 1, rows: 10_000 });
    expect(bad.errors).toEqual([{ line: 6_791, column: "amount", value: "12.5.0", reason: "amount_format" }]);
    expect(await invoices()).toBe(0);
    lines[6_789] = `BULK-6789,12.50,EUR,${day(3)},,`;
    expect(await run(csv(HEADER, ...lines))).toMatchObject({ created: 10_000, errorCount: 0 });
    expect(await invoices()).toBe(10_000);
    const ids = (await db.paymentOrder.findMany({ where: { channel: "INVOICE" }, select: { id: true } })).map((o) => o.id);
    expect(await db.auditEvent.count({ where: { action: "order.create", orderId: { in: ids } } })).toBe(10_000);
  });

  it("needs an operator of the shop and the shop's invoice form", async () => {
    const file = csv(HEADER, `H-1,10,EUR,${day(3)},,`);
    await expect(importInvoiceOrders(db, { actor: users.viewer, shopId: SHOP, mode: "TEST", file, dryRun: true })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(importInvoiceOrders(db, { actor: users.other, shopId: SHOP, mode: "TEST", file, dryRun: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await setForm(SHOP, { invoiceMode: true, published: false });
    await expect(run(file, { mode: "PRODUCTION" })).rejects.toMatchObject({ publicMessage: "err_invoice_form_unpublished" });
    expect(await invoices()).toBe(0);
  });

  it("the sample file imports as it is", async () => {
    expect(await run(Buffer.from(importSampleCsv(today())), { dryRun: true })).toMatchObject({ rows: 3, created: 3, errorCount: 0 });
  });
});
