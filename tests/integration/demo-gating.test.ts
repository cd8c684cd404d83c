// Issue 19: demo data only where it belongs. The start path's database step (scripts/with-db.mjs
// --seed, what `npm start` runs before the server) against an empty DATABASE_URL creates nothing
// demo; DEMO_DATA=1 does, and is refused on a production https server. Real processes, real Postgres.
import { spawn } from "node:child_process";
import { beforeEach, describe, expect, it } from "vitest";
import { gatherBannerFacts } from "@/scripts/ready-banner";
import { db, resetDatabase } from "../helpers/db";

function startPath(extra: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["scripts/with-db.mjs", "--seed", "--", process.execPath, "-e", "process.exit(0)"], {
      env: { ...process.env, LOG_LEVEL: "warn", ...extra },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

const counts = async () => ({
  users: await db.user.count(),
  companies: await db.company.count(),
  shops: await db.shop.count(),
  orders: await db.paymentOrder.count(),
});

describe("demo data gating", () => {
  beforeEach(resetDatabase);

  it("against an empty DATABASE_URL: no demo user, no shop, no key; the banner offers the setup link", async () => {
    const r = await startPath({ DEMO_DATA: "" });
    expect(r.code).toBe(0);
    expect(await counts()).toEqual({ users: 0, companies: 0, shops: 0, orders: 0 });
    expect(r.stderr).not.toContain("[seed]");
    const facts = await gatherBannerFacts(db, { APP_URL: "https://pay.example.com/", SMTP_URL: "smtp://user:secret@mail.example.com:587" });
    expect(facts.setupUrl).toMatch(/^https:\/\/pay\.example\.com\/setup\/[A-Za-z0-9_-]{40,}$/);
    expect(facts.demo).toBeNull();
    expect(facts.mail).toBe("SMTP server mail.example.com:587");
  });

  it("DEMO_DATA=1 on a production https server is refused in one line, and nothing is created", async () => {
    const r = await startPath({ DEMO_DATA: "1", NODE_ENV: "production", APP_URL: "https://pay.example.com" });
    expect(r.code).toBe(1);
    expect(
      r.stderr
        .trim()
        .split("\n")
        .filter((l) => l.includes("DEMO_DATA")),
    ).toHaveLength(1);
    expect(r.stderr).toContain("DEMO_DATA=1 refused");
    expect(await counts()).toEqual({ users: 0, companies: 0, shops: 0, orders: 0 });
  });

  it("DEMO_DATA=1 loads the demo: tenants, the platform operator, the form and TEST orders in several states", async () => {
    const r = await startPath({ DEMO_DATA: "1" });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("[seed] demo data created");
    const platform = await db.user.findUniqueOrThrow({
      where: { email: "platform@demo.test" },
      select: { company: { select: { isPlatform: true } } },
    });
    expect(platform.company.isPlatform).toBe(true);
    const statuses = await db.paymentOrder.groupBy({ by: ["status"], where: { mode: "TEST" }, _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(["EXPIRED", "PAID", "REFUSED", "RUNNING"]);
    expect(await db.paymentOrder.count({ where: { channel: "MAIL" } })).toBe(1);
    expect(await db.transaction.count()).toBeGreaterThanOrEqual(3);
    expect(await db.dataCollectionForm.findUnique({ where: { shopId: "12345678" }, select: { invoiceMode: true } })).toEqual({
      invoiceMode: true,
    });
    const stats = await db.shopDailyStats.aggregate({ where: { shopId: "12345678", mode: "TEST" }, _sum: { created: true, paid: true } });
    expect(stats._sum).toEqual({ created: 6, paid: 2 });
    const facts = await gatherBannerFacts(db, { APP_URL: "http://localhost:3000" });
    expect(facts.setupUrl).toBeNull();
    expect(facts.demo?.map((u) => u.email)).toContain("platform@demo.test");
    // A second start against the same database adds nothing.
    expect((await startPath({ DEMO_DATA: "1" })).code).toBe(0);
    expect(await db.paymentOrder.count()).toBe(6);
  });
});
