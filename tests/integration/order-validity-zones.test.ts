import { beforeAll, describe, expect, it } from "vitest";
import { changeValidity } from "@/lib/orders/change-validity";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { newOrder } from "../helpers/orders";

// Changing the validity date lands on 23:59:59 of that day in the shop's zone, whatever the
// server's zone (this file also runs under TZ=Pacific/Kiritimati), including DST change days.
describe("change validity in several zones", () => {
  let users: Awaited<ReturnType<typeof seedTenants>>;
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
  });

  it.each([
    ["Europe/Paris", 10],
    ["Pacific/Tahiti", 10],
    ["America/Lima", 10],
  ])("%s: the chosen day (+%i) ends at 23:59:59 local time", async (timeZone, plus) => {
    await db.shop.update({ where: { id: "12345678" }, data: { timeZone } });
    const o = await newOrder(users.operator);
    const day = new Date(Date.now() + plus * 86_400_000);
    const local = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(day);
    const until = await changeValidity(db, { actor: users.operator, orderId: o.id, day: local });
    const back = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }).format(until);
    expect(back).toBe(`${local}, 23:59:59`);
  });

  it("on a DST change day in Paris (last Sunday of March or October, when within 90 days)", async () => {
    await db.shop.update({ where: { id: "12345678" }, data: { timeZone: "Europe/Paris" } });
    const y = new Date().getUTCFullYear();
    const lastSunday = (year: number, month: number) => {
      const d = new Date(Date.UTC(year, month, 0));
      d.setUTCDate(d.getUTCDate() - d.getUTCDay());
      return d;
    };
    const candidates = [lastSunday(y, 3), lastSunday(y, 10), lastSunday(y + 1, 3), lastSunday(y + 1, 10)];
    const inRange = candidates.find((d) => d.getTime() > Date.now() + 86_400_000 && d.getTime() < Date.now() + 89 * 86_400_000);
    const o = await newOrder(users.operator);
    if (!inRange) return; // no change day within the next 90 days: covered by the unit tests
    const day = inRange.toISOString().slice(0, 10);
    const until = await changeValidity(db, { actor: users.operator, orderId: o.id, day });
    // March: the day ends in summer time (UTC+2); October: in winter time (UTC+1).
    expect(until.toISOString()).toBe(`${day}T${inRange.getUTCMonth() === 2 ? "21" : "22"}:59:59.000Z`);
  });
});
