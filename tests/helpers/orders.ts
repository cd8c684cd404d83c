import type { Actor } from "@/lib/auth/actor";
import { createOrder } from "@/lib/orders/create-order";
import { cardSchema } from "@/lib/payments/card";
import { db } from "./db";

export async function newOrder(actor: Actor, over: Partial<Parameters<typeof createOrder>[1]> = {}) {
  return createOrder(db, { actor, shopId: "12345678", mode: "TEST", amountMinor: 4990, currency: "EUR", reference: "T-1", ...over });
}

export const card = (pan: string, expiry = "12/30", cvc = "123") => cardSchema.parse({ cardNumber: pan, expiry, cvc });
