// Integration helpers: the test database (fresh per run, made by scripts/test.mjs), emptied
// between files, and the demo tenants built by the same factories as the seed.
import type { UserActor } from "@/lib/auth/actor";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { getDb } from "@/lib/server/db";
import { DEMO } from "@/prisma/demo-data";
import { seedDemo } from "@/prisma/seed";

export const db = getDb();

export async function resetDatabase() {
  const tables = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} CASCADE`);
}

export async function seedTenants() {
  await seedDemo();
  const byEmail = async (email: string): Promise<UserActor> => {
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    return (await getUserActor(db, user.id))!.actor;
  };
  return {
    admin: await byEmail(DEMO.users[0].email),
    operator: await byEmail(DEMO.users[1].email),
    viewer: await byEmail(DEMO.users[2].email),
    other: await byEmail(DEMO.other.user.email),
  };
}

/** Every row of every table as text (to prove secrets and card numbers are not stored). */
export async function dumpDatabaseText(): Promise<string> {
  const tables = await db.$queryRaw<{ schemaname: string; tablename: string }[]>`
    SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN ('public', 'pgboss')`;
  let out = "";
  for (const t of tables) {
    const rows = await db.$queryRawUnsafe<{ j: string | null }[]>(
      `SELECT json_agg(x)::text AS j FROM "${t.schemaname}"."${t.tablename}" x`,
    );
    out += rows[0]?.j ?? "";
  }
  return out;
}
