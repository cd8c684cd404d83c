import { z } from "zod";

// Every environment variable the application reads, with its format (README › Configuration,
// .env.example). Validated once at start-up (lib/server/env.ts); an empty value counts as unset.
// Tooling-only variables (DEBUG, NODE_OPTIONS, SKIP_BUILD, TEST_LOG_DIR, CHROMIUM_PATH…) are not
// the application's and are not listed.

const isWhole = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max;
const whole = (min: number, max = Number.MAX_SAFE_INTEGER, error = `must be a whole number ≥ ${min}`) =>
  z
    .string()
    .refine((s) => isWhole(s, min, max), { error })
    .transform(Number);
const decimal = (min: number, error = `must be a number ≥ ${min}`) =>
  z
    .string()
    .refine((s) => /^\d+(\.\d+)?$/.test(s.trim()) && Number(s) >= min, { error })
    .transform(Number);
const port = whole(0, 65535, "must be a port number (0-65535)");
const flag = z.enum(["0", "1"], { error: 'must be "0" or "1"' });
const schedule = z
  .string()
  .refine((s) => /^\s*\d+\s*(,\s*\d+\s*)*$/.test(s), { error: 'must be seconds separated by commas, e.g. "60,300,900"' })
  .transform((s) => s.split(",").map((x) => Number(x.trim())));

function urlOf(protocols: string[], needsHost = true) {
  return (s: string) => {
    try {
      const u = new URL(s);
      return protocols.includes(u.protocol) && (!needsHost || u.hostname !== "");
    } catch {
      return false;
    }
  };
}
const httpUrl = z.string().refine(urlOf(["http:", "https:"]), { error: "must be an http:// or https:// URL" });

// .env.example's "change-me-to-32-random-bytes" and its like: copied as is, they would sign
// sessions and encrypt stored keys with a value anyone can read.
const PLACEHOLDERS = [/change[\s_.-]*me/i, /replace[\s_.-]*me/i, /placeholder/i, /your[\s_.-]*(app[\s_.-]*)?secret/i, /^(.)\1*$/];
export const isPlaceholderSecret = (s: string) => PLACEHOLDERS.some((p) => p.test(s.trim()));
const secret = (min: number) =>
  z
    .string()
    .refine((s) => !isPlaceholderSecret(s), {
      error: "is a placeholder (as in .env.example): set a random value, e.g. `openssl rand -base64 32`",
    })
    .refine((s) => s.length >= min, { error: `must be at least ${min} characters (see .env.example)` });

function isTimeZone(s: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: s.replace(/^:/, "") });
    return true;
  } catch {
    return false;
  }
}

export const ENV_SCHEMA = z.object({
  // Core
  DATABASE_URL: z.string().refine(urlOf(["postgres:", "postgresql:"], false), { error: "must be a postgresql:// URL" }),
  APP_SECRET: secret(32),
  APP_URL: httpUrl.optional(),
  PORT: whole(1, 65535, "must be a port number (1-65535)").default(3000),
  HOST: z.string().optional(),
  NODE_ENV: z.enum(["development", "production", "test"], { error: 'must be "development", "production" or "test"' }).optional(),
  TZ: z.string().refine(isTimeZone, { error: 'must be an IANA time zone such as "UTC" or "Europe/Paris"' }).optional(),
  NEXTAUTH_SECRET: secret(32).optional(),
  NEXTAUTH_URL: httpUrl.optional(),
  TRUST_PROXY_HOPS: whole(0, 10, "must be a whole number from 0 to 10").optional(),
  DB_POOL_MAX: whole(1).optional(),
  API_PROVIDER_NAME: z.string().max(64, { error: "must be at most 64 characters" }).optional(),
  PAY_LIMIT_PER_ADDRESS: whole(1).optional(),
  API_REQUESTS_PER_MINUTE: whole(1).optional(),
  API_TEST_RECIPIENTS_PER_HOUR: whole(0).optional(),
  VALIDATION_EXPIRY_DAYS: whole(1).optional(),
  // Jobs
  START_WORKER: flag.optional(),
  PO_WORKER: flag.optional(),
  JOB_POOL_MAX: whole(1).optional(),
  JOBS_POLL_SECONDS: decimal(0.5).optional(),
  JOBS_SUPERVISE_SECONDS: decimal(1).optional(),
  DELIVERY_JOB_EXPIRE_SECONDS: whole(2).optional(),
  // E-mail
  SMTP_URL: z
    .string()
    .refine(urlOf(["smtp:", "smtps:"]), { error: "must be an smtp:// or smtps:// URL" })
    .optional(),
  MAIL_FROM: z
    .string()
    .refine((s) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(s), { error: "must be a bare e-mail address (name@domain)" })
    .optional(),
  MAIL_RETRY_SCHEDULE: schedule.optional(),
  SMTP_MAX_CONNECTIONS: whole(1).optional(),
  MAIL_BATCH_SIZE: whole(1).optional(),
  MAIL_CATCHER_PORT: port.optional(),
  // SMS and WhatsApp
  SMS_PROVIDER_URL: httpUrl.optional(),
  SMS_PROVIDER_LOGIN: z.string().optional(),
  SMS_PROVIDER_PASSWORD: z.string().optional(),
  SMS_SENDER: z
    .string()
    .refine((s) => /^\+[1-9]\d{5,14}$/.test(s) || /^[A-Za-z0-9]{1,11}$/.test(s), {
      error: "must be an E.164 number (+33…) or up to 11 letters and digits",
    })
    .optional(),
  SMS_RETRY_SCHEDULE: schedule.optional(),
  SANDBOX_SMS_CALLBACK_DELAY_MS: whole(0).optional(),
  WHATSAPP_API_URL: httpUrl.optional(),
  WHATSAPP_TOKEN: z.string().optional(),
  WHATSAPP_PHONE_NUMBER_ID: z.string().regex(/^\d+$/, { error: "must be digits (the Cloud API's phone number id)" }).optional(),
  WHATSAPP_TEMPLATE_NAME: z.string().optional(),
  WHATSAPP_TEMPLATE_PARAMS: z
    .string()
    .regex(/^\s*[A-Za-z_]\w*\s*(,\s*[A-Za-z_]\w*\s*)*$/, {
      error: 'must be variable names separated by commas, e.g. "shop_name,amount,url"',
    })
    .optional(),
  WHATSAPP_RETRY_SCHEDULE: schedule.optional(),
  PHONE_BATCH_SIZE: whole(1).optional(),
  SMS_CONCURRENCY: whole(1).optional(),
  WHATSAPP_CONCURRENCY: whole(1).optional(),
  // Notifications (IPN)
  WEBHOOK_RETRY_SCHEDULE: schedule.optional(),
  WEBHOOK_TIMEOUT_MS: whole(1).optional(),
  ALLOW_PRIVATE_WEBHOOKS: flag.optional(),
  WEBHOOK_POLL_SECONDS: decimal(0.5).optional(),
  WEBHOOK_BATCH_SIZE: whole(1).optional(),
  // stripe20: where the Stripe connector sends its API calls (unset: https://api.stripe.com); tests point it at a local fake
  STRIPE_API_URL: httpUrl.optional(),
  // Retention (lib/retention)
  RETENTION_MONTHS: whole(1, Number.MAX_SAFE_INTEGER, "must be a whole number of months ≥ 1").optional(),
  RETENTION_TRANSACTION_YEARS: whole(1, Number.MAX_SAFE_INTEGER, "must be a whole number of years ≥ 1").optional(),
  // Graceful shutdown (lib/server/shutdown.ts)
  SHUTDOWN_TIMEOUT_SECONDS: decimal(1, "must be a number of seconds ≥ 1").optional(),
  // Observability
  // Log lines for people (pino-pretty) or JSON; default: pretty on a terminal, JSON otherwise.
  LOG_FORMAT: z.enum(["pretty", "json"], { error: "must be pretty or json" }).optional(),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      error: "must be one of fatal, error, warn, info, debug, trace, silent",
    })
    .optional(),
  // Guards the metrics page (queue sizes, order counts): a placeholder is refused like the secrets.
  METRICS_TOKEN: secret(16).optional(),
  READY_MAX_QUEUE_LAG_SECONDS: whole(1).default(300),
  WORKER_METRICS_PORT: port.optional(),
  // Development tooling read by the app's scripts
  EMBEDDED_PG_PORT: port.optional(),
});

/** Values never echoed in an error line. */
export const SECRET_VARIABLES = new Set(["APP_SECRET", "NEXTAUTH_SECRET", "SMS_PROVIDER_PASSWORD", "WHATSAPP_TOKEN", "METRICS_TOKEN"]);
