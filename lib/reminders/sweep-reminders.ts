import { type NewMessage, queueMessages, smsColumns } from "../channels/queue-messages";
import type { SmsCount } from "../channels/sms-segments";
import type { Db } from "../server/db";
import { logger } from "../server/logger";
import { loadTemplates } from "../templates/resolve-template";
import { isQuietTime, localClock, parseRemindersPolicy } from "./policy";
import { type ReminderOrder, reminderSmsText } from "./reminder-sms-text";
import { DEBIT_CREDITS_SQL, DUE_ORDERS_SQL, LINK_AND_AUDIT_SQL, LOCK_CREDITS_SQL, TAKE_STEPS_SQL } from "./reminder-sql";

export const REMINDER_BATCH = 1_000;

type DueOrder = ReminderOrder & { id: string; channel: "MAIL" | "SMS"; recipient: string; steps: number[]; companyId: string };
type Sms = { text: string; count: SmsCount };
export type SweepRemindersResult = { reminders: number; skippedNoCredits: number; skippedTooLong: number };

/**
 * The reminder sweep (issue 10), every 5 minutes: for each shop whose policy is on and whose
 * clock (its time zone) is outside its quiet hours, the unpaid e-mail and SMS orders (not opted
 * out, still valid) with a reminder step due get one reminder on their own channel, to their own
 * recipient. Only the smallest due step is sent; every due step is taken with it, so J-3 never
 * follows J-1. Per batch, in one transaction: the orders locked (`SKIP LOCKED`), the steps taken
 * (`ON CONFLICT DO NOTHING`: a step goes out once, whatever runs concurrently or again), SMS
 * credits debited as for any SMS (an order whose company lacks them is skipped and logged, and
 * tried again next time), the messages and their jobs queued, one audit event each.
 */
export async function sweepReminders(db: Db, now = new Date(), batch = REMINDER_BATCH): Promise<SweepRemindersResult> {
  const result: SweepRemindersResult = { reminders: 0, skippedNoCredits: 0, skippedTooLong: 0 };
  const shops = await db.$queryRawUnsafe<{ id: string; timeZone: string; remindersPolicy: unknown }[]>(
    `SELECT id, "timeZone", "remindersPolicy" FROM "Shop" WHERE "remindersPolicy"->>'enabled' = 'true'`,
  );
  const awake = shops.flatMap((s) => {
    const policy = parseRemindersPolicy(s.remindersPolicy);
    return policy.enabled && !isQuietTime(localClock(now, s.timeZone), policy) ? [{ shopId: s.id, steps: policy.steps }] : [];
  });
  if (!awake.length) return result;
  const maxStep = Math.max(...awake.flatMap((s) => s.steps));
  const templates = await loadTemplates(db, { shopIds: awake.map((s) => s.shopId), templateIds: [] });

  let cursor: [Date, string] = [new Date(0), ""];
  for (;;) {
    const n = await db.$transaction(
      async (tx) => {
        const due = await tx.$queryRawUnsafe<DueOrder[]>(DUE_ORDERS_SQL, JSON.stringify(awake), now, maxStep, ...cursor, batch);
        const last = due.at(-1);
        if (last) cursor = [last.validUntil, last.id];
        await remindBatch(tx, due, templates, result);
        return due.length;
      },
      { timeout: 120_000 },
    );
    if (n < batch) return result;
  }
}

async function remindBatch(tx: Db, due: DueOrder[], templates: Awaited<ReturnType<typeof loadTemplates>>, result: SweepRemindersResult) {
  if (!due.length) return;
  // SMS: the text rendered now and counted; credits allocated under the companies' row locks.
  const sms = new Map<string, Sms>();
  for (const o of due.filter((d) => d.channel === "SMS")) {
    const r = reminderSmsText(o, templates);
    if (r) sms.set(o.id, r);
    else {
      result.skippedTooLong++;
      logger.warn({ orderId: o.id }, "SMS reminder empty or too long once rendered; not sent");
    }
  }
  const balance = new Map<string, number>();
  if (sms.size) {
    const companies = [...new Set(due.filter((d) => sms.has(d.id)).map((d) => d.companyId))];
    const rows = await tx.$queryRawUnsafe<{ id: string; smsCredits: number }[]>(LOCK_CREDITS_SQL, companies);
    for (const r of rows) balance.set(r.id, r.smsCredits);
  }
  const allowed = due.filter((o) => {
    if (o.channel === "MAIL") return true;
    const s = sms.get(o.id);
    if (!s) return false;
    const left = balance.get(o.companyId) ?? 0;
    if (left < s.count.segments) {
      result.skippedNoCredits++;
      logger.warn({ orderId: o.id, needed: s.count.segments, left }, "not enough SMS credits for a reminder; skipped");
      return false;
    }
    balance.set(o.companyId, left - s.count.segments);
    return true;
  });

  // Take the steps; an order is reminded only if this sweep took its smallest due step.
  const pairs = allowed.flatMap((o) => o.steps.map((step) => [o.id, step] as const));
  const taken = await tx.$queryRawUnsafe<{ orderId: string; step: number }[]>(
    TAKE_STEPS_SQL,
    pairs.map(([id]) => id),
    pairs.map(([, step]) => step),
  );
  const takenBy = new Map<string, number[]>();
  for (const t of taken) takenBy.set(t.orderId, [...(takenBy.get(t.orderId) ?? []), t.step]);
  const winners = allowed.filter((o) => takenBy.get(o.id)?.includes(o.steps[0]!));
  if (!winners.length) return;

  const debits = new Map<string, number>();
  for (const o of winners) {
    const s = sms.get(o.id);
    if (s) debits.set(o.companyId, (debits.get(o.companyId) ?? 0) + s.count.segments);
  }
  if (debits.size) {
    const done = await tx.$queryRawUnsafe<{ id: string }[]>(DEBIT_CREDITS_SQL, [...debits.keys()], [...debits.values()]);
    if (done.length !== debits.size) throw new Error("[reminders] SMS credits changed under the lock");
  }

  const messages: NewMessage[] = winners.map((o) => {
    const s = sms.get(o.id);
    return {
      orderId: o.id,
      channel: o.channel,
      kind: "REMINDER",
      recipient: o.recipient,
      ...(s ? { sms: smsColumns(s.count), text: s.text } : {}),
    };
  });
  const ids = await queueMessages(tx, messages);
  await tx.$executeRawUnsafe(
    LINK_AND_AUDIT_SQL,
    winners.map((o) => o.id),
    winners.map((o) => o.steps[0]),
    winners.map((o) => (takenBy.get(o.id) ?? []).sort((a, b) => b - a).join(",")),
    ids,
    winners.map((o) => o.channel),
    winners.map((o) => o.recipient),
    winners.map((o) => (sms.get(o.id) ? smsColumns(sms.get(o.id)!.count).credits : null)),
  );
  result.reminders += winners.length;
}
