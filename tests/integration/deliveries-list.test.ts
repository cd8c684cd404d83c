import { beforeAll, describe, expect, it } from "vitest";
import { findDeliveries } from "@/lib/notifications/find-deliveries";
import { getDeliveryOrThrow } from "@/lib/notifications/get-delivery";
import { parseDeliverySearch, replaySelectionSchema } from "@/lib/notifications/schemas";
import { findOrderTimeline } from "@/lib/orders/find-order-timeline";
import type { AppError } from "@/lib/server/errors";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
const SHOP = DEMO.shop.id;
const OTHER_SHOP = DEMO.other.shop.id;

const ANSWER = { shopId: SHOP, orderCycle: "CLOSED", orderStatus: "PAID", orderDetails: { orderId: "R-1", _url: "https://x.test/a/b" } };
const REST_BODY = new URLSearchParams({
  "kr-hash-algorithm": "sha256_hmac",
  "kr-hash-key": "password",
  "kr-answer-type": "V4/Payment",
  "kr-answer": JSON.stringify(ANSWER),
  "kr-hash": "ab".repeat(32),
}).toString();
const FORM_BODY = new URLSearchParams({ vads_trans_status: "AUTHORISED", vads_amount: "4990", signature: "c2ln" }).toString();

const ids: Record<string, string> = {};
let orderA = "";
let orderB = "";

async function delivery(name: string, data: Partial<Parameters<typeof db.webhookDelivery.create>[0]["data"]> & { createdAt: Date }) {
  const row = await db.webhookDelivery.create({
    data: { shopId: SHOP, event: "PAYMENT_ACCEPTED", url: "https://shop.example.com/ipn", payload: REST_BODY, ...data },
  });
  ids[name] = row.id;
  return row;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: AppError) => e.code as string,
  );
const names = (rows: { id: string }[]) => rows.map((r) => Object.keys(ids).find((k) => ids[k] === r.id) ?? r.id);

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  orderA = (await newOrder(users.operator, { reference: "FACT-2026-001" })).id;
  orderB = (await newOrder(users.operator, { reference: "CMD-77" })).id;
  // Oldest first; the log shows them newest first.
  await delivery("a1", {
    orderId: orderA,
    createdAt: new Date("2026-03-09T22:30:00Z"),
    status: "DELIVERED",
    attempts: 1,
    lastStatusCode: 200,
  });
  await delivery("a2", {
    orderId: orderA,
    createdAt: new Date("2026-03-09T23:30:00Z"),
    event: "PAYMENT_REFUSED",
    status: "FAILED",
    attempts: 8,
    lastStatusCode: 500,
    lastError: "HTTP 500",
  });
  await delivery("b1", {
    orderId: orderB,
    createdAt: new Date("2026-03-10T12:00:00Z"),
    mode: "PRODUCTION",
    format: "FORM",
    payload: FORM_BODY,
    status: "PENDING",
    attempts: 2,
    nextAttemptAt: new Date("2026-03-10T12:05:00Z"),
  });
  await delivery("n1", { createdAt: new Date("2026-03-11T08:00:00Z"), event: "ORDER_EXPIRED" });
  await delivery("x1", { shopId: OTHER_SHOP, createdAt: new Date("2026-03-10T09:00:00Z") });
  await db.webhookAttempt.createMany({
    data: [
      {
        deliveryId: ids.a2!,
        url: "https://shop.example.com/ipn",
        statusCode: 500,
        latencyMs: 31,
        responseHead: "x".repeat(3000),
        createdAt: new Date("2026-03-09T23:30:01Z"),
      },
      {
        deliveryId: ids.a2!,
        url: "https://shop.example.com/ipn",
        error: "ECONNREFUSED",
        latencyMs: 2,
        createdAt: new Date("2026-03-09T23:31:01Z"),
      },
      {
        deliveryId: ids.a2!,
        url: "https://shop.example.com/ipn",
        replay: true,
        statusCode: 500,
        latencyMs: 12,
        createdAt: new Date("2026-03-10T08:00:00Z"),
      },
    ],
  });
});

describe("Notification log (F-SET-3)", () => {
  it("lists the user's shops' deliveries newest first, with order reference and time zone; another company's are not there", async () => {
    const r = await findDeliveries(db, { actor: users.viewer });
    expect(names(r.rows)).toEqual(["n1", "b1", "a2", "a1"]);
    expect(r.hasNext).toBe(false);
    expect(r.rows[1]).toMatchObject({
      mode: "PRODUCTION",
      status: "PENDING",
      attempts: 2,
      order: { id: orderB, reference: "CMD-77" },
      timeZone: "Europe/Paris",
    });
    expect(r.rows[0]!.order).toBeNull();
    expect(names((await findDeliveries(db, { actor: users.other })).rows)).toEqual(["x1"]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ["shop", { shop: SHOP }, ["n1", "b1", "a2", "a1"]],
    ["another company's shop", { shop: OTHER_SHOP }, []],
    ["mode", { mode: "PRODUCTION" }, ["b1"]],
    ["status", { status: "FAILED" }, ["a2"]],
    ["event", { event: "PAYMENT_ACCEPTED" }, ["b1", "a1"]],
    ["order id", { order: "" }, ["a2", "a1"]],
    ["part of the reference, any case", { order: "fact-2026" }, ["a2", "a1"]],
    ["a reference of nothing", { order: "NOPE" }, []],
    ["the shop's day (Paris)", { from: "2026-03-10", to: "2026-03-10" }, ["b1", "a2"]],
    ["from a day on", { from: "2026-03-11" }, ["n1"]],
    ["up to a day", { to: "2026-03-09" }, ["a1"]],
    ["several criteria", { status: "DELIVERED", event: "PAYMENT_ACCEPTED", order: "FACT" }, ["a1"]],
  ])("filters by %s", async (_what, params, expected) => {
    const p = params.order === "" ? { order: orderA.toUpperCase() } : params;
    const { search, errors } = parseDeliverySearch(p);
    expect(errors).toEqual({});
    expect(names((await findDeliveries(db, { actor: users.admin, filters: search.filters })).rows)).toEqual(expected);
  });

  it("another company's order id or reference finds nothing", async () => {
    const { search } = parseDeliverySearch({ order: orderA });
    expect((await findDeliveries(db, { actor: users.other, filters: search.filters })).rows).toEqual([]);
    expect((await findDeliveries(db, { actor: users.other, filters: { order: "FACT" } })).rows).toEqual([]);
  });

  it("pages newest first", async () => {
    const first = await findDeliveries(db, { actor: users.admin, page: 1, pageSize: 3 });
    expect([names(first.rows), first.hasNext]).toEqual([["n1", "b1", "a2"], true]);
    const second = await findDeliveries(db, { actor: users.admin, page: 2, pageSize: 3 });
    expect([names(second.rows), second.hasNext, second.page]).toEqual([["a1"], false, 2]);
  });

  it("reports bad criteria and leaves them out", () => {
    const { search, errors } = parseDeliverySearch({
      status: "LOST",
      mode: "LIVE",
      event: "PAYMENT_ACCEPTED",
      from: "2026-03-12",
      to: "2026-03-10",
      shop: "x",
      order: "y".repeat(65),
      page: "abc",
    });
    expect(errors).toEqual({
      status: "osearch_err_value",
      mode: "osearch_err_value",
      shop: "err_shop",
      order: "err_reference_too_long",
      to: "txsearch_err_range",
    });
    expect(search).toEqual({ filters: { event: "PAYMENT_ACCEPTED", from: "2026-03-12" }, page: 1 });
    expect(parseDeliverySearch({ from: "12/03/2026" }).errors).toEqual({ from: "err_date_format" });
  });

  it("shows one delivery: REST payload decoded, attempts oldest first with 2 KB of answer at most", async () => {
    const d = await getDeliveryOrThrow(db, { actor: users.viewer, deliveryId: ids.a2! });
    expect(d).toMatchObject({
      status: "FAILED",
      attempts: 8,
      lastStatusCode: 500,
      order: { id: orderA, reference: "FACT-2026-001" },
      rule: null,
      shop: { id: SHOP },
    });
    expect(d.decoded.fields).toEqual([
      ["kr-hash-algorithm", "sha256_hmac"],
      ["kr-hash-key", "password"],
      ["kr-answer-type", "V4/Payment"],
      ["kr-hash", "ab".repeat(32)],
    ]);
    expect(d.decoded.answer).toBe(JSON.stringify(ANSWER, null, 2));
    expect(d.payload).toBe(REST_BODY);
    expect(d.attemptLog.map((a) => [a.statusCode, a.error, a.replay, a.responseHead?.length ?? null])).toEqual([
      [500, null, false, 2048],
      [null, "ECONNREFUSED", false, null],
      [500, null, true, null],
    ]);
  });

  it("shows a form delivery's vads fields and signature", async () => {
    const d = await getDeliveryOrThrow(db, { actor: users.admin, deliveryId: ids.b1! });
    expect(d.decoded).toEqual({
      fields: [
        ["vads_trans_status", "AUTHORISED"],
        ["vads_amount", "4990"],
        ["signature", "c2ln"],
      ],
      answer: null,
    });
    expect(d.attemptLog).toEqual([]);
  });

  it("another company's delivery, or a malformed id, is NOT_FOUND", async () => {
    expect(await failure(getDeliveryOrThrow(db, { actor: users.admin, deliveryId: ids.x1! }))).toBe("NOT_FOUND");
    expect(await failure(getDeliveryOrThrow(db, { actor: users.other, deliveryId: ids.a1! }))).toBe("NOT_FOUND");
    expect(await failure(getDeliveryOrThrow(db, { actor: users.admin, deliveryId: "nope" }))).toBe("NOT_FOUND");
    expect(await failure(getDeliveryOrThrow(db, { actor: users.other, deliveryId: ids.x1! }))).toBe("OK");
  });

  it("the order's timeline shows its deliveries (event, host, status, attempts) among its audit events", async () => {
    const timeline = await findOrderTimeline(db, { actor: users.viewer, orderId: orderA });
    const sent = timeline.filter((e) => e.kind === "delivery");
    expect(sent.map((e) => ({ id: e.id, event: e.event, host: e.host, status: e.status, attempts: e.attempts }))).toEqual([
      { id: ids.a1, event: "PAYMENT_ACCEPTED", host: "shop.example.com", status: "DELIVERED", attempts: 1 },
      { id: ids.a2, event: "PAYMENT_REFUSED", host: "shop.example.com", status: "FAILED", attempts: 8 },
    ]);
    expect(timeline.some((e) => e.kind === "audit")).toBe(true);
    const times = timeline.map((e) => e.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(await failure(findOrderTimeline(db, { actor: users.other, orderId: orderA }))).toBe("NOT_FOUND");
  });

  it("a replay selection needs ids, at least one, at most 500, without duplicates", () => {
    expect(replaySelectionSchema.safeParse({ deliveryIds: [] }).error?.issues[0]?.message).toBe("err_replay_none");
    expect(replaySelectionSchema.safeParse({ deliveryIds: ["x"] }).error?.issues[0]?.message).toBe("err_replay_none");
    expect(replaySelectionSchema.safeParse({ deliveryIds: Array(501).fill(ids.a1) }).error?.issues[0]?.message).toBe("err_replay_too_many");
    expect(replaySelectionSchema.parse({ deliveryIds: [ids.a1, ids.a1, ids.a2] })).toEqual({ deliveryIds: [ids.a1, ids.a2] });
  });
});
