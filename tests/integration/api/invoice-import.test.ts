// POST /api/v1/shops/{shopId}/invoice-orders/import over real HTTP (the route handler on a node:http server).

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { POST } from "@/app/api/v1/shops/[shopId]/invoice-orders/import/route";
import { importReportSchema, MAX_IMPORT_BYTES } from "@/lib/invoices/schemas";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { basic, DEMO_PROD, DEMO_TEST, OTHER_TEST } from "../../helpers/api";
import { verifiedConnectorsForAllShops } from "../../helpers/connectors";
import { db, resetDatabase, seedTenants } from "../../helpers/db";
import { csv, HEADER, setForm } from "../../helpers/invoices";
import { type Route, startRouteServer } from "../../helpers/route-server";

let server: Awaited<ReturnType<typeof startRouteServer>>;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  await verifiedConnectorsForAllShops(db); // PRODUCTION orders need a processor (issue 20)
  server = await startRouteServer([
    { pattern: /^\/api\/v1\/shops\/(?<shopId>[^/]+)\/invoice-orders\/import$/, handler: POST as Route["handler"] },
  ]);
});
afterAll(() => server.stop());
beforeEach(async () => {
  await db.paymentOrder.deleteMany({ where: { channel: "INVOICE" } });
  await setForm("12345678", { invoiceMode: true, published: true });
});

const day = (n: number) => addCalendarDays(dayInZone(new Date(), "Europe/Paris"), n);
const FILE = csv(HEADER, `R-1,10.50,EUR,${day(5)},Invoice R-1,`, `R-2,"20,00",EUR,${day(6)},,buyer@example.com`);

async function post(
  body: BodyInit,
  opts: { creds?: { shopId: string; password: string } | null; query?: string; shop?: string; type?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.creds !== null) headers.authorization = basic(opts.creds ?? DEMO_TEST);
  if (opts.type) headers["content-type"] = opts.type;
  const res = await fetch(
    `http://127.0.0.1:${server.port}/api/v1/shops/${opts.shop ?? "12345678"}/invoice-orders/import${opts.query ?? ""}`,
    {
      method: "POST",
      headers,
      body,
    },
  );
  return { status: res.status, headers: res.headers, json: await res.json() };
}
const invoices = (mode: "TEST" | "PRODUCTION" = "TEST") => db.paymentOrder.count({ where: { channel: "INVOICE", mode } });

describe("REST invoice import", () => {
  it("refuses a missing or wrong key (401) and another shop than the key's (404)", async () => {
    const none = await post(FILE, { creds: null, type: "text/csv" });
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(
      (await post(FILE, { creds: { shopId: "12345678", password: "testpassword_WRONG0000000000000" }, type: "text/csv" })).status,
    ).toBe(401);
    expect((await post(FILE, { creds: OTHER_TEST, type: "text/csv" })).status).toBe(404);
    expect(await invoices()).toBe(0);
  });

  it("dry run (200, nothing written), commit (200), then the same file again: all skipped", async () => {
    const dry = await post(FILE, { type: "text/csv", query: "?dryRun=true" });
    expect(dry.status).toBe(200);
    expect(importReportSchema.parse(dry.json)).toEqual({
      dryRun: true,
      rows: 2,
      created: 2,
      skipped: 0,
      errorCount: 0,
      errors: [],
      skippedRows: [],
    });
    expect(await invoices()).toBe(0);
    const commit = await post(FILE, { type: "text/csv" });
    expect(commit).toMatchObject({ status: 200, json: { dryRun: false, created: 2, skipped: 0 } });
    const orders = await db.paymentOrder.findMany({ where: { channel: "INVOICE" } });
    expect(orders.every((o) => o.createdVia === "IMPORT" && o.mode === "TEST")).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { action: "order.create", orderId: orders[0]!.id } })).toMatchObject({
      actorType: "API_KEY",
      actorId: "12345678:TEST",
    });
    const again = await post(FILE, { type: "text/csv" });
    expect(again).toMatchObject({ status: 200, json: { created: 0, skipped: 2 } });
    expect(again.json.skippedRows).toEqual([
      { line: 2, column: "reference", value: "R-1", reason: "already_exists" },
      { line: 3, column: "reference", value: "R-2", reason: "already_exists" },
    ]);
  });

  it("answers 422 with the report when a row is invalid, and creates nothing", async () => {
    const r = await post(csv(HEADER, `R-1,10,EUR,${day(5)},,`, `R-1,ten,EUR,${day(5)},,`), { type: "text/csv" });
    expect(r.status).toBe(422);
    expect(r.json).toMatchObject({
      dryRun: false,
      created: 0,
      errorCount: 2,
      errors: [
        { line: 3, column: "reference", value: "R-1", reason: "duplicate_in_file" },
        { line: 3, column: "amount", value: "ten", reason: "amount_format" },
      ],
    });
    expect(await invoices()).toBe(0);
  });

  it("takes a multipart file (XLSX), and refuses a multipart body without one (400)", async () => {
    const xlsx = await writeExcelFile([
      ["reference", "amount", "currency", "validity_end"],
      ["X-1", 99.9, "EUR", day(10)],
    ]).toBuffer();
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(xlsx)]), "invoices.xlsx");
    expect(await post(form)).toMatchObject({ status: 200, json: { created: 1 } });
    expect((await db.paymentOrder.findFirstOrThrow({ where: { reference: "X-1" } })).amount).toBe(9990n);
    const empty = new FormData();
    empty.append("other", "x");
    expect((await post(empty)).status).toBe(400);
  });

  it("the PRODUCTION key imports PRODUCTION orders, which need the published form", async () => {
    expect(await post(FILE, { creds: DEMO_PROD, type: "text/csv" })).toMatchObject({ status: 200, json: { created: 2 } });
    expect(await invoices("PRODUCTION")).toBe(2);
    expect(await invoices("TEST")).toBe(0);
    await setForm("12345678", { invoiceMode: true, published: false });
    const r = await post(FILE, { creds: DEMO_PROD, type: "text/csv", query: "?dryRun=true" });
    // Issue 21: a stable code and reason, a readable English message — never a translation key.
    expect(r).toMatchObject({
      status: 400,
      json: {
        code: "VALIDATION",
        reason: "INVOICE_FORM_UNPUBLISHED",
        message: "Publish the shop's data collection form before creating PRODUCTION invoice orders.",
      },
    });
    expect(JSON.stringify(r.json)).not.toMatch(/"err_/);
  });

  it("refuses a body over the limit (413) and a bad dryRun (400)", async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    expect((await post(big, { type: "text/csv" })).status).toBe(413);
    expect((await post(FILE, { type: "text/csv", query: "?dryRun=maybe" })).status).toBe(400);
  });
});
