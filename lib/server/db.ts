import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

function create() {
  const adapter = new PrismaPg({ connectionString: env().DATABASE_URL, max: Number(process.env.DB_POOL_MAX ?? 10) });
  // Secret columns never leave the database unless a use case asks for them explicitly.
  return new PrismaClient({
    adapter,
    omit: {
      user: { passwordHash: true },
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

export type Db = ReturnType<typeof create>;
/** A transaction client, as handed to `db.$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
/** What a use case accepts: the client or a transaction. */
export type DbOrTx = Db | Tx;

const g = globalThis as unknown as { prisma?: Db };

/** One client per process (route handlers and instrumentation are separate bundles). */
export function getDb(): Db {
  g.prisma ??= create();
  return g.prisma;
}
