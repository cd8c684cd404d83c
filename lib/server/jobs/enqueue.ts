import type { Db as BossDb, PgBoss } from "pg-boss";
import { getBoss } from "./boss";
import { type EnqueueOptions, type JobQueue, queueOptions } from "./queue-def";

const g = globalThis as unknown as { queuesReady?: Map<string, Promise<void>> };

/**
 * Creates the job's queue on first use in this process (a producer may enqueue before any worker
 * ran); an existing queue keeps its policy, and its timings follow the configuration.
 */
// biome-ignore lint/suspicious/noExplicitAny: any job's queue
export function ensureQueue(boss: PgBoss, def: JobQueue<any>): Promise<void> {
  g.queuesReady ??= new Map();
  let ready = g.queuesReady.get(def.name);
  if (!ready) {
    const options = queueOptions(def);
    ready = (async () => {
      await boss.createQueue(def.name, options);
      const { policy: _policy, ...timings } = options;
      await boss.updateQueue(def.name, timings);
    })();
    ready.catch(() => g.queuesReady?.delete(def.name));
    g.queuesReady.set(def.name, ready);
  }
  return ready;
}

// Payloads are checked against their schema where mistakes are made (development, tests); in
// production the types have already done it and a 10,000-message fan-out skips the parse.
const checkPayloads = process.env.NODE_ENV !== "production";

/**
 * Writes jobs through `db` (the caller's connection): inside a transaction, the jobs exist iff it
 * commits. One payload is one `send`; an array is one multi-row `insert` (a fan-out is one statement).
 */
export async function enqueueOn<P extends object>(
  db: BossDb,
  def: JobQueue<P>,
  data: P | P[],
  options: EnqueueOptions = {},
): Promise<string | string[] | null> {
  const list = Array.isArray(data) ? data : [data];
  if (checkPayloads) for (const d of list) def.payload.parse(d);
  const boss = await getBoss();
  await ensureQueue(boss, def);
  if (!Array.isArray(data)) return boss.send(def.name, data, { ...options, db });
  if (!data.length) return [];
  return boss.insert(
    def.name,
    data.map((d) => ({ data: d, ...options })),
    { db },
  );
}
