// Request coalescing, the application's group commit: while one statement is on its way to the
// database, the calls that arrive wait and leave together in the next one. A lone call leaves at
// once (no timer, no added latency); under load each call costs a fraction of a round trip. Used
// on the hot paths: the API's key check (lyra-api/authenticate.ts), order creation
// (orders/insert-order.ts) and the IPN worker's success records (notifications/deliver-webhooks.ts).
import type { Db } from "./db";

/** One call's outcome in its batch: its value, or the reason it alone failed. */
export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Waiting<T, R> = { item: T; resolve(value: R): void; reject(e: unknown): void };
type Queue<T, R> = { waiting: Waiting<T, R>[]; busy: boolean };

/**
 * `send` gets a batch of at most `max` items, in their order of arrival, and returns an outcome
 * per item (same order); if it throws, every call of the batch fails with that error. Batches are
 * kept per handle: a test's own pool, or a transaction, is batched apart from the app's.
 */
export function coalesce<T, R>(send: (db: Db, batch: T[]) => Promise<Outcome<R>[]>, max = 500): (db: Db, item: T) => Promise<R> {
  const queues = new WeakMap<Db, Queue<T, R>>();
  async function drain(db: Db, queue: Queue<T, R>) {
    queue.busy = true;
    while (queue.waiting.length) {
      const batch = queue.waiting.splice(0, max);
      try {
        const outcomes = await send(
          db,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => {
          const o = outcomes[i];
          if (o?.ok) w.resolve(o.value);
          else w.reject(o ? o.error : new Error("coalesce: no outcome for this call"));
        });
      } catch (e) {
        for (const w of batch) w.reject(e);
      }
    }
    queue.busy = false;
  }
  return (db, item) => {
    let queue = queues.get(db);
    if (!queue) {
      queue = { waiting: [], busy: false };
      queues.set(db, queue);
    }
    const q = queue;
    const done = new Promise<R>((resolve, reject) => q.waiting.push({ item, resolve, reject }));
    if (!q.busy) void drain(db, q);
    return done;
  };
}
