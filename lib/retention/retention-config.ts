import { TZDate } from "@date-fns/tz";
import { subHours, subMonths, subYears } from "date-fns";
import { z } from "zod";
import { IDEMPOTENCY_WINDOW_HOURS } from "../lyra-api/idempotency";

// How long data is kept (docs/operations.md, "Retention"). Environment variables rather than a
// per-company setting: the operator of the platform answers for both periods, and they apply to
// every tenant alike.
const schema = z.object({
  RETENTION_MONTHS: z.coerce.number().int().min(1, { error: "must be a whole number of months ≥ 1" }).default(15),
  RETENTION_TRANSACTION_YEARS: z.coerce.number().int().min(1, { error: "must be a whole number of years ≥ 1" }).default(10),
});

export type RetentionConfig = { months: number; transactionYears: number };

/** The retention periods from the environment; throws one line naming a malformed variable. */
export function retentionConfig(env: Record<string, string | undefined> = process.env): RetentionConfig {
  const parsed = schema.safeParse({
    RETENTION_MONTHS: env.RETENTION_MONTHS || undefined,
    RETENTION_TRANSACTION_YEARS: env.RETENTION_TRANSACTION_YEARS || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${String(issue?.path[0])} ${issue?.message}`);
  }
  return { months: parsed.data.RETENTION_MONTHS, transactionYears: parsed.data.RETENTION_TRANSACTION_YEARS };
}

/** The longest rate-limit window in use is 1 hour (a TEST key's recipients, the sign-in back-off's memory): a bucket idle longer is dead. */
export const RATE_LIMIT_BUCKET_MAX_AGE_HOURS = 1;

export type RetentionCutoffs = {
  /** Orders that ended before this lose their personal data (and go, without transactions). */
  orders: Date;
  /** Transactions whose last change is before this may go (with their order). */
  transactions: Date;
  /** Test mailbox and sandbox outbox copies received before this go. */
  copies: Date;
  idempotencyKeys: Date;
  rateLimitBuckets: Date;
};

/** Calendar arithmetic in UTC, whatever the process's zone (a month back from 31 March is 28/29 February). */
export function retentionCutoffs(now: Date, config: RetentionConfig): RetentionCutoffs {
  const utc = new TZDate(now.getTime(), "UTC");
  const orders = new Date(subMonths(utc, config.months).getTime());
  return {
    orders,
    transactions: new Date(subYears(utc, config.transactionYears).getTime()),
    copies: orders,
    idempotencyKeys: subHours(now, IDEMPOTENCY_WINDOW_HOURS),
    rateLimitBuckets: subHours(now, RATE_LIMIT_BUCKET_MAX_AGE_HOURS),
  };
}
