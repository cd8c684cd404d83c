// Demo data: `npm run db:seed`, and automatically on an empty database (`--if-empty`) by npm start.
import { getDb, getPrisma } from "../lib/server/db";
import { DEMO } from "./demo-data";
import { createCompany, createShop, createUser } from "./factories";

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
    if (ifEmpty && (await db.company.count()) > 0) return console.error("[seed] database not empty: skipped");
    console.error((await seedDemo()) ? "[seed] demo data created" : "[seed] demo data already there");
  };
  run()
    .then(() => getPrisma().$disconnect())
    .catch(async (e) => {
      console.error("[seed] failed:", e);
      await getPrisma().$disconnect();
      process.exit(1);
    });
}
