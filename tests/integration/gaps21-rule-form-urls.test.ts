// Issue 21 (manual §13): a notification rule may carry both a REST-format URL and a form-format
// URL; an event calls both, each body in its format. A FORM rule has no second URL.
import { beforeAll, describe, expect, it } from "vitest";
import { createRule } from "@/lib/notifications/rules/create-rule";
import { updateRule } from "@/lib/notifications/rules/update-rule";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
const RULE = {
  kind: "URL_CALL",
  label: "Deux systèmes",
  events: ["PAYMENT_ACCEPTED"],
  urlTest: "http://127.0.0.1:9999/rest",
  urlProd: "https://shop.example.com/rest",
  formUrlTest: "http://127.0.0.1:9999/form",
  formUrlProd: "https://erp.example.com/form",
  format: "REST",
};

describe("a rule with a REST and a form URL", () => {
  it("is saved with both; an accepted payment calls each URL in its own format", async () => {
    const { rule } = await createRule(db, { actor: users.admin, shopId: "12345678", rule: RULE });
    expect(rule).toMatchObject({ urlTest: RULE.urlTest, formUrlTest: RULE.formUrlTest, formUrlProd: RULE.formUrlProd, format: "REST" });
    const o = await newOrder(users.operator, { reference: "TWO-URLS" });
    await payNow({ token: o.token, card: card("4970100000000055") });
    const deliveries = await db.webhookDelivery.findMany({ where: { orderId: o.id }, orderBy: { url: "asc" } });
    expect(deliveries.map((d) => [d.url, d.format])).toEqual([
      ["http://127.0.0.1:9999/form", "FORM"],
      ["http://127.0.0.1:9999/rest", "REST"],
    ]);
    expect(deliveries[0]!.payload).toContain("vads_");
    expect(deliveries[1]!.payload).toContain("kr-answer");
    expect(deliveries.every((d) => d.ruleId === rule.id)).toBe(true);
  });

  it("refuses a bad form URL by field (the same guard as the REST URLs); a FORM rule keeps no second URL", async () => {
    await expect(
      createRule(db, { actor: users.admin, shopId: "12345678", rule: { ...RULE, formUrlProd: "ftp://erp.example.com/form" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fields: { formUrlProd: expect.any(String) } });
    const { rule } = await createRule(db, { actor: users.admin, shopId: "12345678", rule: { ...RULE, label: "Form", format: "FORM" } });
    expect(rule).toMatchObject({ format: "FORM", formUrlTest: null, formUrlProd: null });
    const r = await updateRule(db, { actor: users.admin, ruleId: rule.id, rule: { ...RULE, label: "Form" } });
    expect(r.changed).toEqual(expect.arrayContaining(["formUrlTest", "formUrlProd", "format"]));
  });
});
