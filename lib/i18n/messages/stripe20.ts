// The Stripe connector (issue 20): its settings fields and their errors, and what to register at
// Stripe (the webhook endpoint and its events).
export const stripe20Fr = {
  err_stripe_secret_key: "Clé secrète Stripe attendue : sk_live_… ou rk_live_… (sk_test_… ou rk_test_… en TEST)",
  err_stripe_webhook_secret: "Secret de signature du webhook attendu : whsec_…",
  connector_stripe_name: "Stripe Checkout",
  connector_stripe_secretKey: "Clé secrète",
  connector_stripe_secretKey_hint:
    "Tableau de bord Stripe › Développeurs › Clés API. Une clé « live » en PRODUCTION, une clé de test en TEST.",
  connector_stripe_webhookSecret: "Secret de signature du webhook",
  connector_stripe_webhookSecret_hint:
    "Tableau de bord Stripe › Développeurs › Webhooks › Ajouter un endpoint avec l’URL ci-dessous, puis « Révéler » le secret de signature.",
  connector_stripe_events:
    "Événements à sélectionner : checkout.session.completed, checkout.session.expired, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed, payment_intent.succeeded, payment_intent.amount_capturable_updated, payment_intent.payment_failed, charge.refunded.",
  connector_stripe_key_mode_test: "En PRODUCTION, la clé doit être une clé « live » (sk_live_… ou rk_live_…).",
  connector_stripe_key_mode_live: "En TEST, la clé doit être une clé de test (sk_test_… ou rk_test_…).",
};

export const stripe20En: Record<keyof typeof stripe20Fr, string> = {
  err_stripe_secret_key: "Expected a Stripe secret key: sk_live_… or rk_live_… (sk_test_… or rk_test_… in TEST)",
  err_stripe_webhook_secret: "Expected the webhook's signing secret: whsec_…",
  connector_stripe_name: "Stripe Checkout",
  connector_stripe_secretKey: "Secret key",
  connector_stripe_secretKey_hint: "Stripe Dashboard › Developers › API keys. A live key in PRODUCTION, a test key in TEST.",
  connector_stripe_webhookSecret: "Webhook signing secret",
  connector_stripe_webhookSecret_hint:
    "Stripe Dashboard › Developers › Webhooks › Add an endpoint with the URL below, then “Reveal” its signing secret.",
  connector_stripe_events:
    "Events to select: checkout.session.completed, checkout.session.expired, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed, payment_intent.succeeded, payment_intent.amount_capturable_updated, payment_intent.payment_failed, charge.refunded.",
  connector_stripe_key_mode_test: "In PRODUCTION the key must be a live key (sk_live_… or rk_live_…).",
  connector_stripe_key_mode_live: "In TEST the key must be a test key (sk_test_… or rk_test_…).",
};
