import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { enqueueOn } from "./jobs/enqueue";
import type { EnqueueOptions, JobQueue } from "./jobs/queue-def";

// The connection Prisma takes for an interactive transaction, caught as the adapter takes it from
// the pool, so that raw SQL and pg-boss run on it too (one transaction, three APIs).
type Slot = { client?: pg.PoolClient; released: boolean };
const slot = new AsyncLocalStorage<Slot>();

class CatchingPool extends pg.Pool {
  // Only the promise form is the adapter's `startTransaction`; `pool.query` uses the callback form.
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool's overloads
  override connect(...args: any[]): any {
    if (args.length) return (super.connect as (...a: unknown[]) => unknown)(...args);
    const s = slot.getStore();
    const p = super.connect();
    if (!s || s.client) return p;
    return p.then((c) => {
      s.client = c;
      const release = c.release;
      c.release = (err?: Error | boolean) => {
        s.released = true;
        c.release = release;
        return release.call(c, err);
      };
      return c;
    });
  }
}

const g = globalThis as unknown as { prisma?: PrismaRoot; db?: Db; pool?: pg.Pool };

/**
 * The process's one connection pool, shared by Prisma and by the few hot paths written in SQL
 * (order creation, API authentication), where Prisma's per-query overhead (~1 ms of CPU per query
 * on this hardware, against ~0.2 ms through pg) would cap throughput. Infrastructure only: use
 * cases reach it through their `db`.
 * An idle connection is kept 5 minutes (pg's default is 10 s): under a steady, moderate load the
 * pool would otherwise close its spare connections every 10 s and open them again on the next
 * burst, each reopening costing the burst a connection handshake and its prepared statements
 * (measured: latency spikes of 50–80 ms every ~10 s at 500 req/s, docs/benchmarks.md).
 */
export function getPool(): pg.Pool {
  g.pool ??= new CatchingPool({
    connectionString: env().DATABASE_URL,
    max: Number(process.env.DB_POOL_MAX ?? 8),
    idleTimeoutMillis: 300_000,
  });
  return g.pool;
}

function create() {
  // Secret columns never leave the database unless a use case asks for them explicitly.
  return new PrismaClient({
    adapter: new PrismaPg(getPool()),
    omit: {
      user: { passwordHash: true, totpSecretEnc: true, totpPendingSecretEnc: true },
      shop: {
        testPasswordDigest: true,
        testPasswordEnc: true,
        prodPasswordDigest: true,
        prodPasswordEnc: true,
        testHmacKeyEnc: true,
        prodHmacKeyEnc: true,
      },
      company: { smsPasswordEnc: true },
    },
  });
}

type PrismaRoot = ReturnType<typeof create>;
type PrismaTx = Parameters<Parameters<PrismaRoot["$transaction"]>[0]>[0];
export type TransactionOptions = NonNullable<Parameters<PrismaRoot["$transaction"]>[1]>;

/** A long transaction (a 10,000-row import) that must not be cut by Prisma's 5 s default. */
export const LONG_TRANSACTION: TransactionOptions = { maxWait: 60_000, timeout: 3_600_000 };

type SqlArg = string | pg.QueryConfig;

/**
 * What every use case takes first: Prisma's API, raw SQL (`sql`, pg's `query`: a `{ name, text }`
 * config is a prepared statement) and `enqueue` (pg-boss jobs), all on one connection — a
 * transaction's when inside `$transaction`. Outside one, each statement commits on its own.
 */
export type Db = Omit<PrismaTx, "$transaction"> & {
  // biome-ignore lint/suspicious/noExplicitAny: rows untyped unless asked, as pg's own `query`
  sql<R extends pg.QueryResultRow = any>(query: SqlArg, values?: unknown[]): Promise<pg.QueryResult<R>>;
  enqueue<P extends object>(job: JobQueue<P>, data: P | P[], options?: EnqueueOptions): Promise<unknown>;
  /** Runs `fn` in a transaction; inside one already, `fn` joins it (the outermost commits). */
  $transaction<T>(fn: (db: Db) => Promise<T>, options?: TransactionOptions): Promise<T>;
  readonly inTransaction: boolean;
};

type Extras = Pick<Db, "sql" | "enqueue" | "$transaction" | "inTransaction">;

function handle(prisma: object, extras: Extras): Db {
  return new Proxy(prisma, {
    get(target, key) {
      if (Object.hasOwn(extras, key)) return extras[key as keyof Extras];
      const v = Reflect.get(target, key);
      // Prisma's $-methods read the client through `this`.
      return typeof key === "string" && key.startsWith("$") && typeof v === "function" ? v.bind(target) : v;
    },
  }) as Db;
}

function rootHandle(prisma: PrismaRoot): Db {
  const sql = ((q: SqlArg, values?: unknown[]) => getPool().query(q, values)) as Db["sql"];
  const db: Db = handle(prisma, {
    sql,
    enqueue: (job, data, options) => enqueueOn({ executeSql: (t, v) => sql(t, v) }, job, data, options),
    inTransaction: false,
    $transaction: (fn, options) => {
      const s: Slot = { released: false };
      return slot.run(s, () => prisma.$transaction((tx) => fn(txHandle(tx, s)), options));
    },
  });
  return db;
}

function txHandle(tx: PrismaTx, s: Slot): Db {
  const sql = ((q: SqlArg, values?: unknown[]) => {
    if (!s.client || s.released) throw new Error("raw SQL outside its transaction (ended, or its connection unknown)");
    return s.client.query(q, values);
  }) as Db["sql"];
  const db: Db = handle(tx, {
    sql,
    enqueue: (job, data, options) => enqueueOn({ executeSql: (t, v) => sql(t, v) }, job, data, options),
    inTransaction: true,
    $transaction: (fn) => fn(db),
  });
  return db;
}

/** Ends Prisma and then the pool it shares (graceful shutdown). The adapter leaves a given pool open. */
export async function closeDb() {
  const { prisma, pool } = g;
  g.prisma = undefined;
  g.db = undefined;
  g.pool = undefined;
  await prisma?.$disconnect();
  await pool?.end();
}

/** One client per process (route handlers and instrumentation are separate bundles). */
export function getDb(): Db {
  g.prisma ??= create();
  g.db ??= rootHandle(g.prisma);
  return g.db;
}

/** Prisma's own client, for the libraries that want one (next-auth's adapter, the seed). */
export function getPrisma(): PrismaRoot {
  g.prisma ??= create();
  return g.prisma;
}
