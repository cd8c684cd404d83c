import { beforeAll, describe, expect, it } from "vitest";
import { createOrder } from "@/lib/orders/create-order";
import { addCalendarDays, dayInZone, endOfDayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";

// Also run under TZ=Pacific/Kiritimati by scripts/test.mjs: the server's zone must not matter.
describe("validity end stored in UTC for shops in several zones", () => {
  let users: Awaited<ReturnType<typeof seedTenants>>;
  beforeAll(async () => {
    await resetDatabase();
    users = await seedTenants();
  });

  it.each(["Europe/Paris", "Pacific/Tahiti", "America/Lima"])("%s", async (timeZone) => {
    await db.shop.update({ where: { id: "12345678" }, data: { timeZone } });
    const day = addCalendarDays(dayInZone(new Date(), timeZone), 2);
    const o = await createOrder(db, {
      actor: users.operator,
      shopId: "12345678",
      mode: "TEST",
      amountMinor: 100,
      currency: "EUR",
      validUntilDay: day,
    });
    const stored = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id }, select: { validUntil: true } });
    expect(stored.validUntil.toISOString()).toBe(endOfDayInZone(day, timeZone).toISOString());
    // 23:59:59 on that day, read back in the shop's zone
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    }).format(stored.validUntil);
    expect(local).toBe(`${day}, 23:59:59`);
  });
});
