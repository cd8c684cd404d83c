// Sends notification deliveries (one pg-boss job per attempt): POST of the stored body, 10 s
// timeout, no redirect followed, 2xx = delivered. Every attempt is logged; a failure is retried on
// WEBHOOK_RETRY_SCHEDULE when the rule asks for it, and after the last one the alert e-mail is
// queued — the outcome, the next job and the alert commit together.
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { fromPrisma } from "pg-boss";
import { type Db, getDb } from "../server/db";
import { getBoss } from "../server/jobs/boss";
import { QUEUES } from "../server/jobs/queues";
import { logger } from "../server/logger";
import { processMetrics } from "../server/metrics";
import { uuid7 } from "../server/uuid7";
import { webhookRetrySchedule } from "./events";
import type { WebhookJob } from "./queue-notifications";
import { allowPrivateWebhooks, BlockedAddressError, guardedLookup, isNonPublicAddress } from "./url-guard";

export const WEBHOOK_TIMEOUT_MS = () => Number(process.env.WEBHOOK_TIMEOUT_MS ?? 10_000);
const RESPONSE_HEAD_BYTES = 2048;

// Keep-alive agents: a merchant's endpoint gets many notifications; the lookup is the SSRF guard.
const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 64, lookup: guardedLookup }),
  https: new https.Agent({ keepAlive: true, maxSockets: 64, lookup: guardedLookup }),
};

export type AttemptResult = { statusCode: number | null; error: string | null; latencyMs: number; responseHead: string | null };

/** One POST of a form body; never throws. */
export function postForm(url: string, body: string): Promise<AttemptResult> {
  const started = performance.now();
  const done = (r: Omit<AttemptResult, "latencyMs">): AttemptResult => ({ ...r, latencyMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve(done({ statusCode: null, error: "invalid URL", responseHead: null }));
    }
    const host = target.hostname.replace(/^\[|\]$/g, "");
    // IP literals never reach the lookup: check them here.
    if (net.isIP(host) && !allowPrivateWebhooks() && isNonPublicAddress(host)) {
      return resolve(done({ statusCode: null, error: new BlockedAddressError(host).message, responseHead: null }));
    }
    const secure = target.protocol === "https:";
    const req = (secure ? https : http).request(
      target,
      {
        method: "POST",
        agent: secure ? agents.https : agents.http,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "user-agent": "payment-orders-notifications/1",
        },
        timeout: WEBHOOK_TIMEOUT_MS(),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < RESPONSE_HEAD_BYTES) chunks.push(c);
          size += c.length;
        });
        res.on("end", () => {
          const head = Buffer.concat(chunks).subarray(0, RESPONSE_HEAD_BYTES).toString("utf8");
          resolve(done({ statusCode: res.statusCode ?? null, error: null, responseHead: head }));
        });
        res.on("error", (e) => resolve(done({ statusCode: res.statusCode ?? null, error: e.message, responseHead: null })));
      },
    );
    const deadline = setTimeout(() => req.destroy(new Error(`timeout after ${WEBHOOK_TIMEOUT_MS()} ms`)), WEBHOOK_TIMEOUT_MS());
    req.on("timeout", () => req.destroy(new Error(`timeout after ${WEBHOOK_TIMEOUT_MS()} ms`)));
    req.on("error", (e) => resolve(done({ statusCode: null, error: e.message.slice(0, 500), responseHead: null })));
    req.on("close", () => clearTimeout(deadline));
    req.end(body);
  });
}

/** 2xx only: a redirect is not followed, so it is not a delivery. */
export const isDelivered = (r: AttemptResult) => r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;

// Claims the delivery for this attempt (counts it) and reads what to send. A delivery already
// delivered or failed is only sent again by a replay.
const CLAIM_SQL = `UPDATE "WebhookDelivery" SET attempts = attempts + 1
  WHERE id = $1::uuid AND (status = 'PENDING' OR $2::boolean)
  RETURNING url, payload, retry, attempts, "alertedAt", "orderId"`;

// Success: the attempt and the outcome in one statement.
const DELIVERED_SQL = `WITH a AS (
  INSERT INTO "WebhookAttempt" (id, "deliveryId", url, replay, "statusCode", error, "latencyMs", "responseHead", "createdAt")
  VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, now()) RETURNING 1)
UPDATE "WebhookDelivery" SET status = 'DELIVERED', "deliveredAt" = now(), "lastStatusCode" = $5, "lastError" = NULL, "nextAttemptAt" = NULL
WHERE id = $2::uuid`;

type Outcome = "delivered" | "retry" | "failed" | "skipped";

async function deliverOne(db: Db, job: WebhookJob): Promise<Outcome> {
  const rows = await db.$queryRawUnsafe<
    { url: string; payload: string; retry: boolean; attempts: number; alertedAt: Date | null; orderId: string | null }[]
  >(CLAIM_SQL, job.deliveryId, job.replay === true);
  const d = rows[0];
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
    await db.$executeRawUnsafe(DELIVERED_SQL, ...attemptArgs);
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
    const boss = await getBoss();
    // biome-ignore lint/suspicious/noExplicitAny: pg-boss' adapter accepts any Prisma transaction client
    const bossTx = { db: fromPrisma(tx as any) };
    if (delay !== undefined) {
      await tx.webhookDelivery.update({
        where: { id: job.deliveryId },
        data: { status: "PENDING", lastStatusCode: r.statusCode, lastError: r.error, nextAttemptAt: new Date(Date.now() + delay * 1000) },
      });
      await boss.insert(
        QUEUES.webhook.name,
        [
          {
            data: { deliveryId: job.deliveryId, requestId: job.requestId } satisfies WebhookJob,
            startAfter: new Date(Date.now() + delay * 1000),
          },
        ],
        bossTx,
      );
    } else {
      await tx.webhookDelivery.update({
        where: { id: job.deliveryId },
        data: { status: "FAILED", lastStatusCode: r.statusCode, lastError: r.error, nextAttemptAt: null },
      });
      if (!job.replay && !d.alertedAt) await boss.insert(QUEUES.webhookAlert.name, [{ data: { deliveryId: job.deliveryId } }], bossTx);
    }
  });
  logger.warn(
    { ...line, error: r.error, retryInSeconds: delay },
    delay !== undefined ? "notification failed, will retry" : "notification failed",
  );
  return delay !== undefined ? "retry" : "failed";
}

/** A batch of jobs, sent concurrently. Returns the outcomes' counts. */
export async function deliverWebhooks(jobs: WebhookJob[], db: Db = getDb()) {
  const settled = await Promise.allSettled(jobs.map((j) => deliverOne(db, j)));
  const counts = { delivered: 0, retry: 0, failed: 0, skipped: 0 };
  for (const s of settled) if (s.status === "fulfilled") counts[s.value]++;
  const { ipnAttempts } = processMetrics();
  for (const [outcome, n] of Object.entries(counts)) if (n) ipnAttempts.inc({ outcome }, n);
  const broken = settled.find((s) => s.status === "rejected");
  // A database error: pg-boss runs the batch again; delivered ones are skipped by the claim.
  if (broken) throw (broken as PromiseRejectedResult).reason;
  return counts;
}
