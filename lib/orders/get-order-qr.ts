import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { parseOrThrow } from "../server/validation";
import { getOrderOrThrow } from "./get-order";
import { qrPng, qrSvg } from "./qr-code";
import { qrQuerySchema } from "./schemas";

export type OrderQr = { body: Uint8Array | string; contentType: string; filename: string };

/**
 * The order's payment link as a QR code to download (F-CH-URL): PNG or SVG, at one of the offered
 * sizes (`size` as given in the query string; anything else → VALIDATION). Tenant-checked.
 */
export async function getOrderQr(
  db: Db,
  input: { actor: Actor; orderId: string; format: "png" | "svg"; size: string | null },
): Promise<OrderQr> {
  const { size } = parseOrThrow(qrQuerySchema, { size: input.size });
  const order = await getOrderOrThrow(db, input);
  const filename = `payment-${(order.reference ?? order.id).replace(/[^A-Za-z0-9_.-]/g, "_")}-${size}.${input.format}`;
  if (input.format === "svg") return { body: await qrSvg(order.paymentUrl, size), contentType: "image/svg+xml", filename };
  return { body: new Uint8Array(await qrPng(order.paymentUrl, size)), contentType: "image/png", filename };
}
