import { z } from "zod";
import { type Actor, assertShopAccess } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { decodePayload } from "./decode-payload";

/** What the log shows of each answer (the delivery keeps at most this much of it too). */
export const RESPONSE_HEAD_MAX = 2048;

const notFound = (id: string) => new AppError("NOT_FOUND", `delivery ${id} not found`, { publicMessage: "Not found" });

/**
 * One notification delivery (F-SET-3) for every user who can see its shop: where and what it
 * sent (the payload decoded), its outcome, its rule and order, and every attempt oldest first (`attemptLog`; `attempts` is their count).
 * NOT_FOUND for a malformed id or another tenant's delivery.
 */
export async function getDeliveryOrThrow(db: Db, input: { actor: Actor; deliveryId: string }) {
  if (!z.uuid().safeParse(input.deliveryId).success) throw notFound(input.deliveryId);
  const d = await db.webhookDelivery.findUnique({
    where: { id: input.deliveryId },
    include: {
      rule: { select: { id: true, label: true, kind: true } },
      log: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, url: true, replay: true, statusCode: true, error: true, latencyMs: true, responseHead: true, createdAt: true },
      },
    },
  });
  if (!d) throw notFound(input.deliveryId);
  assertShopAccess(input.actor, d.shopId);
  const [shop, order] = await Promise.all([
    db.shop.findUniqueOrThrow({ where: { id: d.shopId }, select: { id: true, name: true, timeZone: true } }),
    d.orderId ? db.paymentOrder.findFirst({ where: { id: d.orderId, shopId: d.shopId }, select: { id: true, reference: true } }) : null,
  ]);
  const { log, payload, ...delivery } = d;
  return {
    ...delivery,
    shop,
    order: d.orderId ? (order ?? { id: d.orderId, reference: null }) : null,
    payload,
    decoded: decodePayload(d.format, payload),
    attemptLog: log.map((a) => ({ ...a, responseHead: a.responseHead?.slice(0, RESPONSE_HEAD_MAX) ?? null })),
  };
}

export type DeliveryDetail = Awaited<ReturnType<typeof getDeliveryOrThrow>>;
