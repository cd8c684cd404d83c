// Benchmark of the invoice import (issue 8): a 100,000-row CSV posted to
// POST /api/v1/shops/{shopId}/invoice-orders/import over real HTTP (the route handler on a plain
// node:http server, no Next build needed), end to end: upload, Basic auth, parsing, validation,
// the existence check, the inserts with their audit events, the commit and the JSON report.
// Then, in the same run and on the same table, a raw `COPY … FROM STDIN` of the same rows into
// "PaymentOrder" (rows prepared beforehand, only the COPY timed) as the ceiling to compare with.
// Goals: ≤ 10 s, and a rate ≥ 0.25× the COPY's.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/import.ts
// Env: ROWS (default 100000).
import crypto from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { freshDatabase, machine } from "./lib";

const ROWS = Number(process.env.ROWS ?? 100_000);
const SHOP = "12345678";
const auth = `Basic ${Buffer.from(`${SHOP}:testpassword_DEMOSHOPKEY0000000001`).toString("base64")}`;

const db = await freshDatabase();
const { getDb } = await import("../lib/server/db");
const { addCalendarDays, endOfDayInZone } = await import("../lib/time/shop-time");
const { startRouteServer } = await import("../tests/helpers/route-server");
type Route = import("../tests/helpers/route-server").Route;
const { POST } = await import("../app/api/v1/shops/[shopId]/invoice-orders/import/route");
const prisma = getDb();
await prisma.dataCollectionForm.create({
  data: { shopId: SHOP, fields: [{ key: "email", required: true }], invoiceMode: true, publishedAt: new Date() },
});

// The file: references INV-000001…, amounts with both separators, validity 1–80 days ahead,
// a description on every row and an e-mail on every other row.
const today = new Date().toISOString().slice(0, 10);
const lines = ["reference,amount,currency,validity_end,description,buyer_email"];
for (let i = 1; i <= ROWS; i++) {
  const amount = i % 2 ? `${(i % 9000) + 1}.${String(i % 100).padStart(2, "0")}` : `"${(i % 9000) + 1},50"`;
  lines.push(
    `INV-${String(i).padStart(6, "0")},${amount},EUR,${addCalendarDays(today, (i % 80) + 1)},Invoice ${i} for services,${i % 2 ? `buyer${i}@example.com` : ""}`,
  );
}
const file = Buffer.from(`${lines.join("\n")}\n`);

const server = await startRouteServer([
  { pattern: /^\/api\/v1\/shops\/(?<shopId>[^/]+)\/invoice-orders\/import$/, handler: POST as Route["handler"] },
]);
const post = async (dryRun: boolean) => {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/shops/${SHOP}/invoice-orders/import${dryRun ? "?dryRun=true" : ""}`, {
    method: "POST",
    headers: { authorization: auth, "content-type": "text/csv" },
    body: file,
  });
  const report = await res.json();
  return { seconds: (performance.now() - t0) / 1000, status: res.status, report };
};

// Baseline: the same rows, every column the import writes, by COPY (no audit events, no checks).
const pool = new pg.Pool({ connectionString: db.url, max: 2 });
const COPY_SQL = `COPY "PaymentOrder" (id, token, "shopId", mode, channel, "deliveryStatus", reference, amount, currency, locale,
  "validUntil", "dataCollectionForm", description, "buyerEmail", "createdVia") FROM STDIN WITH (FORMAT csv)`;
const copyText = lines
  .slice(1)
  .map((_, k) => {
    const i = k + 1;
    const minor = ((i % 9000) + 1) * 100 + (i % 2 ? i % 100 : 50);
    const validUntil = endOfDayInZone(addCalendarDays(today, (i % 80) + 1), "Europe/Paris").toISOString();
    const id = crypto.randomBytes(16).toString("hex");
    const token = crypto.randomBytes(24).toString("base64url");
    const email = i % 2 ? `buyer${i}@example.com` : "";
    return `${id},${token},${SHOP},TEST,INVOICE,MANUAL,INV-${String(i).padStart(6, "0")},${minor},EUR,fr_FR,${validUntil},t,Invoice ${i} for services,${email},IMPORT\n`;
  })
  .join("");
const copyClient = await pool.connect();
const tCopy = performance.now();
await pipeline(Readable.from([copyText]), copyClient.query(copyFrom(COPY_SQL)));
const copySeconds = (performance.now() - tCopy) / 1000;
copyClient.release();
const copied = Number((await pool.query(`SELECT count(*) FROM "PaymentOrder"`)).rows[0].count);
await pool.query(`TRUNCATE "PaymentOrder", "AuditEvent" CASCADE`);
await pool.query(`VACUUM ANALYZE "PaymentOrder"`);

const dry = await post(true);
const commit = await post(false);
const again = await post(false);
const created = Number((await pool.query(`SELECT count(*) FROM "PaymentOrder" WHERE channel = 'INVOICE'`)).rows[0].count);
const audits = Number((await pool.query(`SELECT count(*) FROM "AuditEvent" WHERE action = 'order.create'`)).rows[0].count);
await pool.end();
await server.stop();
await db.drop();

const importRate = ROWS / commit.seconds;
const copyRate = ROWS / copySeconds;
const result = {
  date: new Date().toISOString(),
  machine: machine(),
  rows: ROWS,
  fileBytes: file.length,
  dryRun: { seconds: +dry.seconds.toFixed(2), status: dry.status, created: dry.report.created },
  commit: {
    seconds: +commit.seconds.toFixed(2),
    status: commit.status,
    created: commit.report.created,
    rowsPerSecond: Math.round(importRate),
  },
  reupload: { seconds: +again.seconds.toFixed(2), created: again.report.created, skipped: again.report.skipped },
  copy: { seconds: +copySeconds.toFixed(2), rows: copied, rowsPerSecond: Math.round(copyRate) },
  ratio: +(importRate / copyRate).toFixed(2),
  goals: { "<= 10 s": commit.seconds <= 10, ">= 0.25x COPY": importRate / copyRate >= 0.25 },
};
console.log(JSON.stringify(result, null, 2));
const ok = commit.report.created === ROWS && created === ROWS && audits === ROWS && copied === ROWS && again.report.skipped === ROWS;
process.exit(ok ? 0 : 1);
