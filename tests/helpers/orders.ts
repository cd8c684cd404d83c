import type { Actor } from "@/lib/auth/actor";
import { createOrder } from "@/lib/orders/create-order";
import { cardSchema } from "@/lib/payments/card";
import { payOrder } from "@/lib/payments/pay-order";
import { db } from "./db";

export async function newOrder(actor: Actor, over: Partial<Parameters<typeof createOrder>[1]> = {}) {
  return createOrder(db, { actor, shopId: "12345678", mode: "TEST", amountMinor: 4990, currency: "EUR", reference: "T-1", ...over });
}

export const card = (pan: string, expiry = "12/30", cvc = "123") => cardSchema.parse({ cardNumber: pan, expiry, cvc });

/** A payment attempt that must be decided at once (no 3-D Secure challenge): its transaction. */
export async function payNow(input: Parameters<typeof payOrder>[1]) {
  const r = await payOrder(db, input);
  if (r.outcome === "CHALLENGE") throw new Error(`unexpected 3-D Secure challenge for ${input.card.pan.slice(-4)}`);
  return r;
}
