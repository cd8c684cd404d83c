// The Stripe connector (issue 20): its settings fields and their errors, and what to register at
// Stripe (the webhook endpoint and its events).
export const stripe20Fr = {
  err_stripe_secret_key: "Clé secrète Stripe attendue : sk_live_… ou rk_live_… (sk_test_… ou rk_test_… en TEST)",
  err_stripe_webhook_secret: "Secret de signature du webhook attendu : whsec_…",
  pp_field_STRIPE_secretKey: "Clé secrète",
  pp_hint_STRIPE_secretKey: "Tableau de bord Stripe › Développeurs › Clés API. Une clé « live » en PRODUCTION, une clé de test en TEST.",
  pp_field_STRIPE_webhookSecret: "Secret de signature du webhook",
  pp_hint_STRIPE_webhookSecret:
    "Tableau de bord Stripe › Développeurs › Webhooks › Ajouter un endpoint avec l’URL ci-dessous, puis « Révéler » le secret de signature.",
  pp_events_STRIPE:
    "Événements à sélectionner : checkout.session.completed, checkout.session.expired, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed, payment_intent.succeeded, payment_intent.amount_capturable_updated, payment_intent.payment_failed.",
};

export const stripe20En: Record<keyof typeof stripe20Fr, string> = {
  err_stripe_secret_key: "Expected a Stripe secret key: sk_live_… or rk_live_… (sk_test_… or rk_test_… in TEST)",
  err_stripe_webhook_secret: "Expected the webhook's signing secret: whsec_…",
  pp_field_STRIPE_secretKey: "Secret key",
  pp_hint_STRIPE_secretKey: "Stripe Dashboard › Developers › API keys. A live key in PRODUCTION, a test key in TEST.",
  pp_field_STRIPE_webhookSecret: "Webhook signing secret",
  pp_hint_STRIPE_webhookSecret:
    "Stripe Dashboard › Developers › Webhooks › Add an endpoint with the URL below, then “Reveal” its signing secret.",
  pp_events_STRIPE:
    "Events to select: checkout.session.completed, checkout.session.expired, checkout.session.async_payment_succeeded, checkout.session.async_payment_failed, payment_intent.succeeded, payment_intent.amount_capturable_updated, payment_intent.payment_failed.",
};
