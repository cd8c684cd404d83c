// A shop paid through Stripe in tests (issue 20): the fake Stripe (fake-stripe.ts) started with a
// live or test key, its webhooks posted to the shop connector's notification URL on `base`, and
// the shop's STRIPE connector saved and verified as the settings page does.

import type { Actor } from "@/lib/auth/actor";
import { saveShopConnector, verifyShopConnector } from "@/lib/payments/connectors/save-shop-connector";
import type { Db } from "@/lib/server/db";
import { type FakeStripe, startFakeStripe } from "./fake-stripe";

export type StripeShop = { fake: FakeStripe; connectorId: string; webhookSecret: string };

export async function startStripeShop(
  db: Db,
  input: { admin: Actor; shopId: string; base: string; mode?: "TEST" | "PRODUCTION" },
): Promise<StripeShop> {
  const mode = input.mode ?? "PRODUCTION";
  const secretKey = `sk_${mode === "PRODUCTION" ? "live" : "test"}_${crypto.randomUUID().replaceAll("-", "")}`;
  const webhookSecret = `whsec_${crypto.randomUUID().replaceAll("-", "")}`;
  const fake = await startFakeStripe({ secretKey });
  process.env.STRIPE_API_URL = fake.url;
  const row = await saveShopConnector(db, {
    actor: input.admin,
    shopId: input.shopId,
    mode,
    kind: "STRIPE",
    config: { secretKey, webhookSecret },
  });
  const verified = await verifyShopConnector(db, { actor: input.admin, shopId: input.shopId, mode });
  if (!verified.ok) throw new Error(`Stripe connector not verified: ${verified.message}`);
  fake.webhook = { url: `${input.base}/api/connectors/${row.id}/notify`, secret: webhookSecret };
  return { fake, connectorId: row.id, webhookSecret };
}
