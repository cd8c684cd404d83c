// Sends notification deliveries (one pg-boss job per attempt): POST of the stored body, 10 s
// timeout, no redirect followed, 2xx = delivered. Every attempt is logged; a failure is retried on
// WEBHOOK_RETRY_SCHEDULE when the rule asks for it, and after the last one the alert e-mail is
// queued — the outcome, the next job and the alert commit together.
import { outboundRequest } from "../security/outbound-request";
import { coalesce } from "../server/coalesce";
import type { Db } from "../server/db";
import { logger } from "../server/logger";
import { processMetrics } from "../server/metrics";
import { uuid7 } from "../server/uuid7";
import { webhookRetrySchedule } from "./events";
import { type WebhookJob, webhookAlertQueue, webhookQueue } from "./queues";

export const WEBHOOK_TIMEOUT_MS = () => Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);
const RESPONSE_HEAD_BYTES = 2048;

/** What the attempt log says when the SSRF guard refused the URL (the resolved address stays in the server's log). */
export const BLOCKED_WEBHOOK_ERROR = "blocked: the address is private or internal (ALLOW_PRIVATE_WEBHOOKS=1 allows it)";

export type AttemptResult = { statusCode: number | null; error: string | null; latencyMs: number; responseHead: string | null };

/** One POST of a form body, through the SSRF guard (the URL is the merchant's); never throws. */
export async function postForm(url: string, body: string): Promise<AttemptResult> {
  const started = performance.now();
  const r = await outboundRequest(url, {
    headers: { "content-type": "application/x-www-form-urlencoded", "user-agent": "payment-orders-notifications/1" },
    body,
    timeoutMs: WEBHOOK_TIMEOUT_MS(),
    maxBytes: RESPONSE_HEAD_BYTES,
  });
  const latencyMs = Math.round(performance.now() - started);
  if (r.kind === "answer") return { statusCode: r.status, error: null, latencyMs, responseHead: r.body.toString("utf8") };
  const error = r.kind === "blocked" ? BLOCKED_WEBHOOK_ERROR : r.message.slice(0, 500);
  return { statusCode: null, error, latencyMs, responseHead: null };
}

/** 2xx only: a redirect is not followed, so it is not a delivery. */
export const isDelivered = (r: AttemptResult) => r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;

// Claims a batch's deliveries for this attempt (counts it) and reads what to send, in one
// statement ($2: the jobs are replays). A delivery already delivered or failed is only sent
// again by a replay. Plain pg, prepared: per delivery it saves Prisma's raw-query overhead.
const CLAIM_SQL = `UPDATE "WebhookDelivery" SET attempts = attempts + 1
  WHERE id = ANY($1::uuid[]) AND (status = 'PENDING' OR $2::boolean)
  RETURNING id, url, payload, retry, attempts, "alertedAt", "orderId"`;

// Successes: their attempts and outcomes in one statement (arrays, one element per delivery).
const DELIVERED_SQL = `WITH x AS (
  SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::int[], $6::int[], $7::text[])
    AS x(id, "deliveryId", url, replay, "statusCode", "latencyMs", "responseHead")),
a AS (
  INSERT INTO "WebhookAttempt" (id, "deliveryId", url, replay, "statusCode", error, "latencyMs", "responseHead", "createdAt")
  SELECT id, "deliveryId", url, replay, "statusCode", NULL, "latencyMs", "responseHead", now() FROM x RETURNING 1)
UPDATE "WebhookDelivery" d SET status = 'DELIVERED', "deliveredAt" = now(), "lastStatusCode" = x."statusCode", "lastError" = NULL, "nextAttemptAt" = NULL
FROM x WHERE d.id = x."deliveryId"`;

type Success = { deliveryId: string; url: string; replay: boolean; result: AttemptResult };

/**
 * Records successes as they come, several per statement (lib/server/coalesce.ts): a success waits
 * for the next write, which starts as soon as the previous one ended and takes every success that
 * arrived meanwhile, from every batch this worker is sending. Each delivery is still recorded one
 * round trip after its answer (the window in which a crash would send it again), in a fraction of
 * the statements.
 */
const recordDelivered = coalesce<Success, void>(async (db, batch) => {
  const col = <T>(f: (s: Success) => T) => batch.map(f);
  await db.sql({
    name: "webhook-delivered",
    text: DELIVERED_SQL,
    values: [
      col(() => uuid7()),
      col((s) => s.deliveryId),
      col((s) => s.url),
      col((s) => s.replay),
      col((s) => s.result.statusCode),
      col((s) => s.result.latencyMs),
      col((s) => s.result.responseHead),
    ],
  });
  return batch.map(() => ({ ok: true, value: undefined }));
});

type Claimed = {
  id: string;
  url: string;
  payload: string;
  retry: boolean;
  attempts: number;
  alertedAt: Date | null;
  orderId: string | null;
};

/** The batch's deliveries claimed, by id (a delivery named by two jobs of the batch is claimed once). */
async function claim(db: Db, jobs: WebhookJob[]): Promise<Map<string, Claimed>> {
  const claimed = new Map<string, Claimed>();
  for (const replay of [false, true]) {
    const ids = [...new Set(jobs.filter((j) => (j.replay === true) === replay).map((j) => j.deliveryId))];
    if (!ids.length) continue;
    const { rows } = await db.sql<Claimed>({ name: "webhook-claim", text: CLAIM_SQL, values: [ids, replay] });
    for (const r of rows) claimed.set(r.id, r);
  }
  return claimed;
}

type Outcome = "delivered" | "retry" | "failed" | "skipped";

async function deliverOne(db: Db, job: WebhookJob, d: Claimed | undefined): Promise<Outcome> {
  if (!d) return "skipped";
  const r = await postForm(d.url, d.payload);
  // The attempt in the log (never the body): the order, the request that raised it, the answer.
  const line = {
    deliveryId: job.deliveryId,
    orderId: d.orderId,
    reqId: job.requestId,
    attempt: d.attempts,
    statusCode: r.statusCode,
    ms: r.latencyMs,
  };
  const attemptArgs = [uuid7(), job.deliveryId, d.url, job.replay === true, r.statusCode, r.error, r.latencyMs, r.responseHead] as const;
  if (isDelivered(r)) {
    await recordDelivered(db, { deliveryId: job.deliveryId, url: d.url, replay: job.replay === true, result: r });
    logger.info(line, "notification delivered");
    return "delivered";
  }
  // Failed: retry later (the rule's choice; a replay is one more try, not a new schedule), or give
  // up and alert — the attempt, the outcome and the follow-up job in one transaction.
  const schedule = webhookRetrySchedule();
  const delay = !job.replay && d.retry ? schedule[d.attempts - 1] : undefined;
  await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `INSERT INTO "WebhookAttempt" (id, "deliveryId", url, replay, "statusCode", error, "latencyMs", "responseHead", "createdAt")
       VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, now())`,
      ...attemptArgs,
    );
    if (delay !== undefined) {
      await tx.webhookDelivery.update({
        where: { id: job.deliveryId },
        data: { status: "PENDING", lastStatusCode: r.statusCode, lastError: r.error, nextAttemptAt: new Date(Date.now() + delay * 1000) },
      });
      await tx.enqueue(webhookQueue, [{ deliveryId: job.deliveryId, requestId: job.requestId }], {
        startAfter: new Date(Date.now() + delay * 1000),
      });
    } else {
      await tx.webhookDelivery.update({
        where: { id: job.deliveryId },
        data: { status: "FAILED", lastStatusCode: r.statusCode, lastError: r.error, nextAttemptAt: null },
      });
      if (!job.replay && !d.alertedAt) await tx.enqueue(webhookAlertQueue, [{ deliveryId: job.deliveryId }]);
    }
  });
  logger.warn(
    { ...line, error: r.error, retryInSeconds: delay },
    delay !== undefined ? "notification failed, will retry" : "notification failed",
  );
  return delay !== undefined ? "retry" : "failed";
}

/** A batch of jobs, sent concurrently. Returns the outcomes' counts. */
export async function deliverWebhooks(db: Db, jobs: WebhookJob[]) {
  const claimed = await claim(db, jobs);
  // Each claimed delivery is sent by the first job naming it; a second one is skipped.
  const settled = await Promise.allSettled(
    jobs.map((j) => {
      const d = claimed.get(j.deliveryId);
      claimed.delete(j.deliveryId);
      return deliverOne(db, j, d);
    }),
  );
  const counts = { delivered: 0, retry: 0, failed: 0, skipped: 0 };
  for (const s of settled) if (s.status === "fulfilled") counts[s.value]++;
  const { ipnAttempts } = processMetrics();
  for (const [outcome, n] of Object.entries(counts)) if (n) ipnAttempts.inc({ outcome }, n);
  const broken = settled.find((s) => s.status === "rejected");
  // A database error: pg-boss runs the batch again; delivered ones are skipped by the claim.
  if (broken) throw (broken as PromiseRejectedResult).reason;
  return counts;
}
