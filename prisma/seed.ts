// Demo data: `npm run db:seed`, and on an empty database (`--if-empty`) by npm start on the embedded
// database or with DEMO_DATA=1 (scripts/lib/demo-policy.mjs). The tenants (seedDemo) are the tests'
// fixtures too; the platform operator and the demo shop's orders (seed-extras.ts) only the demo's.
import { getDb, getPrisma } from "../lib/server/db";
import { releaseResources } from "../lib/server/shutdown";
import { DEMO } from "./demo-data";
import { createCompany, createShop, createUser } from "./factories";
import { seedDemoActivity, seedPlatformOperator } from "./seed-extras";

export async function seedDemo() {
  const db = getDb();
  if (await db.shop.findUnique({ where: { id: DEMO.shop.id }, select: { id: true } })) return false;
  const demo = await createCompany(db, DEMO.company);
  await createShop(db, {
    ...DEMO.shop,
    keys: { ...DEMO.shop.keys },
    companyId: demo.id,
    currencies: [...DEMO.shop.currencies],
    languages: [...DEMO.shop.languages],
  });
  for (const u of DEMO.users) await createUser(db, { ...u, companyId: demo.id, shopIds: [DEMO.shop.id] });
  const other = await createCompany(db, DEMO.other.company);
  await createShop(db, { ...DEMO.other.shop, keys: { ...DEMO.other.shop.keys }, companyId: other.id });
  await createUser(db, { ...DEMO.other.user, companyId: other.id, shopIds: [DEMO.other.shop.id] });
  return true;
}

if (process.argv[1]?.endsWith("seed.ts")) {
  const ifEmpty = process.argv.includes("--if-empty");
  const db = getDb();
  const run = async () => {
    // A database of one's own is left alone; a demo database from an older version gets what it lacks.
    const hasDemo = Boolean(await db.shop.findUnique({ where: { id: DEMO.shop.id }, select: { id: true } }));
    if (ifEmpty && !hasDemo && (await db.company.count()) > 0) return console.error("[seed] database not empty: skipped");
    const created = await seedDemo();
    await seedPlatformOperator(db);
    await seedDemoActivity(db);
    console.error(created ? "[seed] demo data created" : "[seed] demo data already there");
  };
  // The job queue too: the demo's e-mail order queued its delivery job through pg-boss.
  const release = () => releaseResources(Date.now() + 5_000).catch(() => getPrisma().$disconnect());
  run()
    .then(release)
    .catch(async (e) => {
      console.error("[seed] failed:", e);
      await release();
      process.exit(1);
    });
}
