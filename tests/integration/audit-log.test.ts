// Settings › Audit log on a real database: the company's events only (its shops' and its own),
// filters, keyset pages at their boundaries, the administrators-only rule, the streamed CSV and
// its defused cells; and the audit events this feature added (sign-in, the buyer's form).
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_AREAS, actionLabelKey } from "@/lib/audit/audit-actions";
import { AUDIT_CSV_HEADER, exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { findAuditEvents } from "@/lib/audit/find-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { type AuditFilters, decodeAuditCursor, parseAuditSearch } from "@/lib/audit/schemas";
import type { UserActor } from "@/lib/auth/actor";
import { SIGN_IN_BACKOFF, verifyCredentials } from "@/lib/auth/verify-credentials";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { DELIVERY_TRANSITIONS } from "@/lib/orders/delivery-status";
import { ORDER_TRANSITIONS } from "@/lib/orders/order-status";
import { saveBuyerData } from "@/lib/payments/save-buyer-data";
import { TRANSACTION_TRANSITIONS } from "@/lib/payments/transaction-status";
import { createShop, createUser } from "@/prisma/factories";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
let companyId: string;
let otherCompanyId: string;
let evil: UserActor;
const SHOP = "12345678";
const SHOP2 = "23456789"; // the demo company's second shop, which the administrator has no access to
const OTHER = "87654321";
const MARCH = (day: number, h = 12, m = 0) => new Date(Date.UTC(2026, 2, day, h, m));

async function ev(data: {
  action: string;
  createdAt: Date;
  actorType?: "USER" | "API_KEY" | "SYSTEM" | "BUYER";
  actorId?: string | null;
  companyId?: string | null;
  shopId?: string | null;
  orderId?: string | null;
  before?: object;
  after?: object;
}) {
  return db.auditEvent.create({ data: { actorType: "SYSTEM", ...data } });
}

const page = (actor: UserActor, filters: Partial<AuditFilters> = {}, p: { after?: string; before?: string } = {}, pageSize?: number) =>
  findAuditEvents(db, {
    actor,
    filters,
    page: { after: p.after ? decodeAuditCursor(p.after)! : undefined, before: p.before ? decodeAuditCursor(p.before)! : undefined },
    pageSize,
  });
const actions = async (actor: UserActor, filters: Partial<AuditFilters>) => (await page(actor, filters, {}, 200)).rows.map((r) => r.action);
// Bytes as sent: the BOM kept (Response.text() would drop it).
const csvOf = async (actor: UserActor, filters: Partial<AuditFilters> = {}, batch?: number) =>
  new TextDecoder("utf-8", { ignoreBOM: true }).decode(
    await new Response(await exportAuditCsv(db, { actor, filters, batch })).arrayBuffer(),
  );
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code: string }) => e.code,
  );

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  companyId = users.admin.companyId;
  otherCompanyId = users.other.companyId;
  await createShop(db, { id: SHOP2, companyId, name: "Deuxième", timeZone: "America/New_York" });
  const u = await createUser(db, {
    companyId,
    email: "evil@demo.test",
    password: "x-1",
    name: '=HYPERLINK("http://x")',
    role: "OPERATOR",
    shopIds: [SHOP],
  });
  evil = { type: "USER", userId: u.id, companyId, role: "OPERATOR", shopIds: [SHOP] };

  // March 2026, in the demo company (first shop: Europe/Paris, UTC+1 then).
  await ev({
    action: "order.create",
    createdAt: MARCH(2),
    actorType: "USER",
    actorId: users.admin.userId,
    companyId,
    shopId: SHOP,
    orderId: "a".repeat(32),
    after: { amount: 100 },
  });
  await ev({
    action: "order.create",
    createdAt: MARCH(3),
    actorType: "API_KEY",
    actorId: `${SHOP}:TEST`,
    shopId: SHOP,
    orderId: "b".repeat(32),
  });
  await ev({
    action: "order.expire",
    createdAt: MARCH(4),
    shopId: SHOP2,
    orderId: "c".repeat(32),
    before: { status: "RUNNING" },
    after: { status: "EXPIRED" },
  });
  await ev({
    action: "company.settings.update",
    createdAt: MARCH(5),
    actorType: "USER",
    actorId: users.admin.userId,
    companyId,
    before: { name: "A" },
    after: { name: "B" },
  });
  await ev({
    action: "shop.key.reveal",
    createdAt: MARCH(6),
    actorType: "USER",
    actorId: users.admin.userId,
    companyId,
    shopId: SHOP,
    after: { key: "TEST_PASSWORD" },
  });
  // 23:30 UTC on the 9th is 00:30 on the 10th in Paris.
  await ev({
    action: "template.create",
    createdAt: MARCH(9, 23, 30),
    actorType: "USER",
    actorId: evil.userId,
    companyId,
    shopId: SHOP,
    after: { name: "-2+3", id: "t1" },
  });
  await ev({
    action: "order.cancel",
    createdAt: MARCH(11),
    actorType: "USER",
    actorId: evil.userId,
    companyId,
    shopId: SHOP,
    orderId: "a".repeat(32),
    after: "@SUM(1)" as unknown as object,
  });
  // The other company: its shop's events (any actor), its own, and one of its users on no shop.
  await ev({
    action: "order.create",
    createdAt: MARCH(2),
    actorType: "USER",
    actorId: users.other.userId,
    companyId: otherCompanyId,
    shopId: OTHER,
    orderId: "d".repeat(32),
  });
  await ev({
    action: "order.create",
    createdAt: MARCH(3),
    actorType: "API_KEY",
    actorId: `${OTHER}:TEST`,
    shopId: OTHER,
    orderId: "e".repeat(32),
  });
  await ev({ action: "order.expire", createdAt: MARCH(4), shopId: OTHER, orderId: "e".repeat(32) });
  await ev({
    action: "company.settings.update",
    createdAt: MARCH(5),
    actorType: "USER",
    actorId: users.other.userId,
    companyId: otherCompanyId,
  });
  // Attributed to nobody (an unknown account's failed sign-in).
  await ev({ action: "user.sign_in_failed", createdAt: MARCH(6), actorType: "USER" });
});

const MARCH_ONLY = { from: "2026-03-01", to: "2026-03-31" };

describe("the audit log's scope", () => {
  it("shows the company's events — its shops' whoever acted, even a shop the administrator has no access to, and its own — newest first", async () => {
    const r = await page(users.admin, MARCH_ONLY);
    expect(r.rows.map((e) => [e.action, e.shopId, e.createdAt.toISOString()])).toEqual([
      ["order.cancel", SHOP, "2026-03-11T12:00:00.000Z"],
      ["template.create", SHOP, "2026-03-09T23:30:00.000Z"],
      ["shop.key.reveal", SHOP, "2026-03-06T12:00:00.000Z"],
      ["company.settings.update", null, "2026-03-05T12:00:00.000Z"],
      ["order.expire", SHOP2, "2026-03-04T12:00:00.000Z"],
      ["order.create", SHOP, "2026-03-03T12:00:00.000Z"],
      ["order.create", SHOP, "2026-03-02T12:00:00.000Z"],
    ]);
    expect(r.timeZone).toBe("Europe/Paris");
    expect(r.shops.map((s) => s.id)).toEqual([SHOP, SHOP2]);
    expect(r.rows.map((e) => e.actor)).toEqual([
      { type: "USER", id: evil.userId, name: '=HYPERLINK("http://x")', email: "evil@demo.test" },
      { type: "USER", id: evil.userId, name: '=HYPERLINK("http://x")', email: "evil@demo.test" },
      { type: "USER", id: users.admin.userId, name: "Alice Admin", email: "admin@demo.test" },
      { type: "USER", id: users.admin.userId, name: "Alice Admin", email: "admin@demo.test" },
      { type: "SYSTEM" },
      { type: "API_KEY", shopId: SHOP, mode: "TEST" },
      { type: "USER", id: users.admin.userId, name: "Alice Admin", email: "admin@demo.test" },
    ]);
    expect(r.rows[4]!.shopName).toBe("Deuxième");
  });

  it("never shows another company's events, whatever the filters ask", async () => {
    const mine = await page(users.admin, {}, {}, 200);
    expect(mine.rows.some((e) => e.shopId === OTHER || e.actorId === users.other.userId)).toBe(false);
    expect(await actions(users.admin, { shop: OTHER })).toEqual([]);
    expect(await actions(users.admin, { actor: OTHER })).toEqual([]);
    expect(await actions(users.admin, { actor: "other@demo.test" })).toEqual([]);
    expect(await actions(users.admin, { order: "d".repeat(32) })).toEqual([]);
    expect(await csvOf(users.admin, { order: "e".repeat(32) })).toBe(`\uFEFF${AUDIT_CSV_HEADER.join(",")}\r\n`);
    const theirs = await page(users.other, MARCH_ONLY);
    expect(theirs.rows.map((e) => [e.action, e.shopId])).toEqual([
      ["company.settings.update", null],
      ["order.expire", OTHER],
      ["order.create", OTHER],
      ["order.create", OTHER],
    ]);
    expect(JSON.stringify(theirs.rows)).not.toContain("user.sign_in_failed");
  });

  it("is for administrators only: operators and viewers are refused, the CSV too", async () => {
    expect(await failure(findAuditEvents(db, { actor: users.operator }))).toBe("FORBIDDEN");
    expect(await failure(findAuditEvents(db, { actor: users.viewer }))).toBe("FORBIDDEN");
    expect(await failure(exportAuditCsv(db, { actor: users.operator }))).toBe("FORBIDDEN");
  });
});

describe("filters", () => {
  it("by days of the company's zone (Europe/Paris)", async () => {
    expect(await actions(users.admin, { from: "2026-03-10", to: "2026-03-10" })).toEqual(["template.create"]);
    expect(await actions(users.admin, { from: "2026-03-09", to: "2026-03-09" })).toEqual([]);
    expect(await actions(users.admin, { from: "2026-03-11", to: "2026-03-11" })).toEqual(["order.cancel"]);
    expect(await actions(users.admin, { from: "2026-03-01", to: "2026-03-04" })).toEqual(["order.expire", "order.create", "order.create"]);
  });

  it("by actor type, user (name or e-mail, any case), API key (shop id), action (code, area, prefix), shop and order", async () => {
    expect(await actions(users.admin, { ...MARCH_ONLY, actorType: "API_KEY" })).toEqual(["order.create"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, actorType: "SYSTEM" })).toEqual(["order.expire"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, actor: "alice" })).toEqual([
      "shop.key.reveal",
      "company.settings.update",
      "order.create",
    ]);
    expect(await actions(users.admin, { ...MARCH_ONLY, actor: "EVIL@demo" })).toEqual(["order.cancel", "template.create"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, actor: SHOP })).toEqual(["order.create"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, actor: "nobody" })).toEqual([]);
    expect(await actions(users.admin, { ...MARCH_ONLY, action: "order.create" })).toEqual(["order.create", "order.create"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, action: "area:orders" })).toEqual([
      "order.cancel",
      "order.expire",
      "order.create",
      "order.create",
    ]);
    expect(await actions(users.admin, { ...MARCH_ONLY, action: "area:settings" })).toEqual(["company.settings.update"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, action: "area:keys" })).toEqual(["shop.key.reveal"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, action: "template.*" })).toEqual(["template.create"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, shop: SHOP2 })).toEqual(["order.expire"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, order: "a".repeat(32) })).toEqual(["order.cancel", "order.create"]);
    expect(await actions(users.admin, { ...MARCH_ONLY, order: "a".repeat(32), actorType: "USER", action: "order.cancel" })).toEqual([
      "order.cancel",
    ]);
  });

  it("reports invalid criteria by field and leaves them out", () => {
    const { search, errors } = parseAuditSearch({
      from: "2026-3-1",
      action: "DROP TABLE",
      order: "xyz",
      shop: "12",
      actorType: "ROBOT",
      actor: " alice ",
      after: "garbage",
    });
    expect(errors).toEqual({
      from: "err_date_format",
      action: "osearch_err_value",
      order: "audit_err_order",
      shop: "err_shop",
      actorType: "osearch_err_value",
      after: "audit_err_page",
    });
    expect(search.filters).toMatchObject({ actor: "alice" });
    expect(search.page).toEqual({});
    expect(parseAuditSearch({ action: "area:nothing" }).errors).toEqual({ action: "osearch_err_value" });
    expect(parseAuditSearch({ order: "A".repeat(32) }).search.filters.order).toBe("a".repeat(32));
    expect(parseAuditSearch({ from: "2026-03-05", to: "2026-03-01" }).errors).toEqual({ to: "txsearch_err_range" });
  });
});

describe("keyset pages", () => {
  const APRIL = { from: "2026-04-01", to: "2026-04-30" };
  beforeAll(async () => {
    // 100 events: 60 sharing one instant (ties broken by id), 40 a minute apart, over both shops and the company.
    const at = new Date(Date.UTC(2026, 3, 10, 8));
    const rows = Array.from({ length: 100 }, (_, i) => ({
      action: "order.update",
      actorType: "SYSTEM" as const,
      createdAt: i < 60 ? at : new Date(at.getTime() + (i - 59) * 60_000),
      shopId: i % 3 === 0 ? SHOP : i % 3 === 1 ? SHOP2 : null,
      companyId: i % 3 === 2 ? companyId : null,
      after: { i },
    }));
    await db.auditEvent.createMany({ data: rows });
  });

  it("walks 50 at a time older and back newer, each event once, none lost on ties; no empty last page", async () => {
    const all = (
      await db.auditEvent.findMany({
        where: { createdAt: { gte: new Date("2026-04-01") }, OR: [{ shopId: { in: [SHOP, SHOP2] } }, { companyId, shopId: null }] },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true },
      })
    ).map((e) => e.id);
    expect(all).toHaveLength(100);
    const p1 = await page(users.admin, APRIL);
    expect(p1.rows.map((r) => r.id)).toEqual(all.slice(0, 50));
    expect(p1.newer).toBeNull();
    expect(p1.older).not.toBeNull();
    const p2 = await page(users.admin, APRIL, { after: p1.older! });
    expect(p2.rows.map((r) => r.id)).toEqual(all.slice(50, 100));
    expect(p2.older).toBeNull(); // exactly 100: no third, empty page
    const back = await page(users.admin, APRIL, { before: p2.newer! });
    expect(back.rows.map((r) => r.id)).toEqual(all.slice(0, 50));
    expect(back.newer).toBeNull();

    // Small pages across the tie: 7 at a time there and back.
    const seen: string[] = [];
    let cursor: string | null = null;
    const trail: string[] = [];
    do {
      const p = await page(users.admin, APRIL, cursor ? { after: cursor } : {}, 7);
      seen.push(...p.rows.map((r) => r.id));
      if (p.newer) trail.push(p.newer);
      cursor = p.older;
    } while (cursor);
    expect(seen).toEqual(all);
    const lastNewer = trail.at(-1)!;
    const before = await page(users.admin, APRIL, { before: lastNewer }, 7);
    expect(before.rows.map((r) => r.id)).toEqual(all.slice(91, 98));
  });
});

describe("CSV export", () => {
  it("has the header, one line per event newest first, times in UTC, JSON before/after, and defused cells", async () => {
    const text = await csvOf(users.admin, MARCH_ONLY);
    expect(text.startsWith(`\uFEFF${AUDIT_CSV_HEADER.join(",")}\r\n`)).toBe(true);
    const rows = parse(text.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.time, r.actor_type, r.actor, r.action, r.shop_id, r.order_id, r.before, r.after])).toEqual([
      [
        "2026-03-11T12:00:00.000Z",
        "USER",
        `'=HYPERLINK("http://x") <evil@demo.test>`,
        "order.cancel",
        SHOP,
        "a".repeat(32),
        "",
        '"@SUM(1)"',
      ],
      [
        "2026-03-09T23:30:00.000Z",
        "USER",
        `'=HYPERLINK("http://x") <evil@demo.test>`,
        "template.create",
        SHOP,
        "",
        "",
        '{"id":"t1","name":"-2+3"}',
      ],
      ["2026-03-06T12:00:00.000Z", "USER", "Alice Admin <admin@demo.test>", "shop.key.reveal", SHOP, "", "", '{"key":"TEST_PASSWORD"}'],
      [
        "2026-03-05T12:00:00.000Z",
        "USER",
        "Alice Admin <admin@demo.test>",
        "company.settings.update",
        "",
        "",
        '{"name":"A"}',
        '{"name":"B"}',
      ],
      ["2026-03-04T12:00:00.000Z", "SYSTEM", "", "order.expire", SHOP2, "c".repeat(32), '{"status":"RUNNING"}', '{"status":"EXPIRED"}'],
      ["2026-03-03T12:00:00.000Z", "API_KEY", `${SHOP}:TEST`, "order.create", SHOP, "b".repeat(32), "", ""],
      ["2026-03-02T12:00:00.000Z", "USER", "Alice Admin <admin@demo.test>", "order.create", SHOP, "a".repeat(32), "", '{"amount":100}'],
    ]);
    // The raw line: quoted where needed, nothing a spreadsheet would run.
    expect(text).toContain(`,"'=HYPERLINK(""http://x"") <evil@demo.test>",order.cancel,`);
    for (const line of text.slice(1).split("\r\n").filter(Boolean))
      for (const cell of parse(line)[0] as string[]) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("is streamed through the keyset: small batches give the same file", async () => {
    const filters = { from: "2026-03-01", to: "2026-04-30" };
    const whole = await csvOf(users.admin, filters);
    expect(whole.split("\r\n").filter(Boolean)).toHaveLength(1 + 7 + 100);
    expect(await csvOf(users.admin, filters, 7)).toBe(whole);
    expect(await csvOf(users.admin, filters, 50)).toBe(whole);
    expect(await csvOf(users.admin, { ...filters, action: "area:keys" })).toBe(
      `\uFEFF${AUDIT_CSV_HEADER.join(",")}\r\n2026-03-06T12:00:00.000Z,USER,Alice Admin <admin@demo.test>,shop.key.reveal,${SHOP},,,"{""key"":""TEST_PASSWORD""}"\r\n`,
    );
  });
});

describe("what is audited", () => {
  it("sign-in: success and failure on the account's company, never the password; unknown accounts on no company; rate-limited not at all", async () => {
    await db.rateLimitBucket.deleteMany();
    const since = new Date();
    await verifyCredentials(db, { email: "admin@demo.test", password: "demo-admin-1", clientAddress: "203.0.113.7" });
    await verifyCredentials(db, { email: "admin@demo.test", password: "Secret-typo-1" });
    await verifyCredentials(db, { email: "ghost@demo.test", password: "Secret-typo-2" });
    const r = await page(users.admin, { action: "area:users" });
    expect(r.rows.map((e) => [e.action, e.actorId, e.after])).toEqual([
      ["user.sign_in_failed", users.admin.userId, { reason: "wrong_password" }],
      ["user.sign_in", users.admin.userId, { clientAddress: "203.0.113.7" }],
    ]);
    const ghost = await db.auditEvent.findMany({ where: { createdAt: { gte: since }, actorId: null, action: "user.sign_in_failed" } });
    expect(ghost.map((e) => [e.companyId, e.shopId, e.after])).toEqual([[null, null, { reason: "unknown_account" }]]);
    const dump = JSON.stringify(await db.auditEvent.findMany({ where: { createdAt: { gte: since } } }));
    expect(dump).not.toContain("Secret-typo");
    expect(dump).not.toContain("ghost@");

    for (let i = 0; i < SIGN_IN_BACKOFF.pair.free; i++) await verifyCredentials(db, { email: "viewer@demo.test", password: "bad" });
    const count = await db.auditEvent.count();
    expect(await verifyCredentials(db, { email: "viewer@demo.test", password: "bad" })).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(await db.auditEvent.count()).toBe(count);
    await db.rateLimitBucket.deleteMany();
  });

  it("the buyer's form: which fields were filled, not what was written", async () => {
    await db.dataCollectionForm.create({
      data: {
        shopId: SHOP,
        fields: [
          { key: "firstName", required: true },
          { key: "email", required: false },
        ],
      },
    });
    const o = await newOrder(users.operator, { reference: "BUYER-DATA" });
    await saveBuyerData(db, { token: o.token, values: { firstName: "Ada", email: "ada@buyer.test" } });
    const r = await page(users.admin, { order: o.id, action: "order.buyer_data.save" });
    expect(r.rows.map((e) => [e.actorType, e.shopId, e.after])).toEqual([
      ["BUYER", SHOP, { fields: ["firstName", "email"], buyerEmail: "set" }],
    ]);
    expect(JSON.stringify(r.rows)).not.toContain("Ada");
  });

  it("a use case's event shows with its user and order", async () => {
    const o = await newOrder(users.operator, { reference: "AUDIT-1" });
    await cancelOrder(db, { actor: users.admin, orderId: o.id });
    await recordAuditEvent(db, {
      actor: { type: "API_KEY", shopId: SHOP, mode: "PRODUCTION" },
      action: "order.update",
      shopId: SHOP,
      orderId: o.id,
    });
    const r = await page(users.admin, { order: o.id });
    expect(r.rows.map((e) => [e.action, e.actor])).toEqual([
      ["order.update", { type: "API_KEY", shopId: SHOP, mode: "PRODUCTION" }],
      ["order.cancel", { type: "USER", id: users.admin.userId, name: "Alice Admin", email: "admin@demo.test" }],
      ["order.create", { type: "USER", id: users.operator.userId, name: "Olivier Opérateur", email: "operator@demo.test" }],
    ]);
  });

  it("every action written in lib/ is in the catalogue, with a French and an English label", () => {
    const known = new Set<string>(Object.values(AUDIT_AREAS).flatMap((a) => [...a.actions]));
    const written = new Set<string>([
      ...Object.keys(ORDER_TRANSITIONS).map((e) => `order.${e}`),
      ...Object.keys(TRANSACTION_TRANSITIONS).map((e) => `transaction.${e}`),
      ...Object.keys(DELIVERY_TRANSITIONS).map((e) => `order.delivery.${e}`),
    ]);
    const files = (fs.readdirSync("lib", { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.includes("generated"));
    const AREA = "(?:order|invoice|transaction|template|notification_rule|notification|shop|company|user)";
    for (const f of files) {
      const src = fs.readFileSync(path.join("lib", f), "utf8");
      for (const m of src.matchAll(new RegExp(`(?:action: |\\? |: |')"?(${AREA}\\.[A-Za-z_.]*[A-Za-z_])["']`, "g"))) written.add(m[1]!);
    }
    expect([...written].filter((a) => !known.has(a))).toEqual([]);
    for (const a of known) {
      expect((fr as Record<string, string>)[actionLabelKey(a)], a).toBeTruthy();
      expect((en as Record<string, string>)[actionLabelKey(a)], a).toBeTruthy();
    }
  });
});
