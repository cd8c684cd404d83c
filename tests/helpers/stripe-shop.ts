// A shop paid through Stripe in tests (issue 20): the fake Stripe (fake-stripe.ts) started with a
// live or test key, its webhooks posted to the shop connector's notification URL on `base`, and
// the shop's STRIPE connector saved and verified as the settings page does.

import type { Actor } from "@/lib/auth/actor";
import { saveShopConnector, verifyShopConnector } from "@/lib/payments/connectors/save-shop-connector";
import type { Db } from "@/lib/server/db";
import { type FakeStripe, startFakeStripe } from "./fake-stripe";

export type StripeShop = { fake: FakeStripe; connectorId: string; webhookSecret: string };

/** A fake Stripe with a fresh live (PRODUCTION) or test key; its webhook endpoint is set by configureStripeShop. */
export function startFakeStripeFor(mode: "TEST" | "PRODUCTION" = "PRODUCTION") {
  return startFakeStripe({ secretKey: `sk_${mode === "PRODUCTION" ? "live" : "test"}_${crypto.randomUUID().replaceAll("-", "")}` });
}

/** Saves and verifies the shop's STRIPE connector for `fake`, whose webhooks then go to `${base}/api/connectors/<id>/notify`. */
export async function configureStripeShop(
  db: Db,
  input: { admin: Actor; shopId: string; base: string; fake: FakeStripe; mode?: "TEST" | "PRODUCTION" },
): Promise<StripeShop> {
  const { fake } = input;
  const mode = input.mode ?? "PRODUCTION";
  const webhookSecret = `whsec_${crypto.randomUUID().replaceAll("-", "")}`;
  process.env.STRIPE_API_URL = fake.url;
  const config = { secretKey: fake.secretKey, webhookSecret };
  const row = await saveShopConnector(db, { actor: input.admin, shopId: input.shopId, mode, kind: "STRIPE", config });
  const verified = await verifyShopConnector(db, { actor: input.admin, shopId: input.shopId, mode });
  if (!verified.ok) throw new Error(`Stripe connector not verified: ${verified.message}`);
  fake.webhook = { url: `${input.base}/api/connectors/${row.id}/notify`, secret: webhookSecret };
  return { fake, connectorId: row.id, webhookSecret };
}

export async function startStripeShop(
  db: Db,
  input: { admin: Actor; shopId: string; base: string; mode?: "TEST" | "PRODUCTION" },
): Promise<StripeShop> {
  return configureStripeShop(db, { ...input, fake: await startFakeStripeFor(input.mode) });
}
