import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createRule } from "@/lib/notifications/rules/create-rule";
import { deleteRule } from "@/lib/notifications/rules/delete-rule";
import { findRuleTemplates } from "@/lib/notifications/rules/find-rule-templates";
import { findRules } from "@/lib/notifications/rules/find-rules";
import { getRuleOrThrow } from "@/lib/notifications/rules/get-rule";
import type { RuleInput } from "@/lib/notifications/rules/schemas";
import { setRuleEnabled } from "@/lib/notifications/rules/set-rule-enabled";
import { updateRule } from "@/lib/notifications/rules/update-rule";
import type { AppError } from "@/lib/server/errors";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const SHOP = DEMO.shop.id;
const OTHER_SHOP = DEMO.other.shop.id;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK" as string, fields: undefined as Record<string, string> | undefined }),
    (e: AppError) => ({ code: e.code as string, fields: e.fields }),
  );
const audits = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: "asc" } });

const savedPrivate = process.env.ALLOW_PRIVATE_WEBHOOKS;
afterEach(() => {
  if (savedPrivate === undefined) delete process.env.ALLOW_PRIVATE_WEBHOOKS;
  else process.env.ALLOW_PRIVATE_WEBHOOKS = savedPrivate;
});

const URL_RULE: RuleInput = {
  kind: "URL_CALL",
  label: "  Serveur boutique  ",
  events: ["PAYMENT_REFUSED", "PAYMENT_ACCEPTED"],
  sources: ["PAYMENT_ORDER"],
  channels: ["SMS", "MAIL"],
  alertEmail: "ops@demo.test",
  retry: false,
  urlTest: "http://127.0.0.1:9999/ipn",
  urlProd: "https://shop.example.com/ipn",
  format: "REST",
  hashKey: "sha256_hmac",
};

describe("Settings › Notification rules (F-SET-3)", () => {
  let ruleId = "";

  it("an administrator creates a URL call rule: normalised, enabled, audited; every user of the shop reads it", async () => {
    const { rule } = await createRule(db, { actor: users.admin, shopId: SHOP, rule: URL_RULE });
    ruleId = rule.id;
    expect(rule).toMatchObject({
      shopId: SHOP,
      kind: "URL_CALL",
      label: "Serveur boutique",
      enabled: true,
      events: ["PAYMENT_ACCEPTED", "PAYMENT_REFUSED"],
      sources: ["PAYMENT_ORDER"],
      channels: ["MAIL", "SMS"],
      alertEmail: "ops@demo.test",
      retry: false,
      urlTest: "http://127.0.0.1:9999/ipn",
      urlProd: "https://shop.example.com/ipn",
      format: "REST",
      hashKey: "sha256_hmac",
      emailTarget: null,
      templateId: null,
      updatedAt: null,
    });
    for (const actor of [users.admin, users.operator, users.viewer]) {
      expect((await findRules(db, { actor, shopId: SHOP })).rules.map((r) => r.id)).toEqual([rule.id]);
      expect((await getRuleOrThrow(db, { actor, ruleId: rule.id })).label).toBe("Serveur boutique");
    }
    const [event, ...more] = await audits("notification_rule.create");
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorType: "USER", actorId: users.admin.userId, shopId: SHOP, companyId: users.admin.companyId });
    expect(event!.after).toMatchObject({ id: rule.id, enabled: true, label: "Serveur boutique", urlProd: "https://shop.example.com/ipn" });
  });

  it("the form format keeps the password key; defaults: REST, retry on, source payment order, every channel", async () => {
    const { rule } = await createRule(db, {
      actor: users.admin,
      shopId: SHOP,
      rule: {
        kind: "URL_CALL",
        label: "Form",
        events: ["ORDER_EXPIRED"],
        urlProd: "https://shop.example.com/form",
        format: "FORM",
        hashKey: "sha256_hmac",
      },
    });
    expect(rule).toMatchObject({
      format: "FORM",
      hashKey: "password",
      retry: true,
      sources: ["PAYMENT_ORDER"],
      channels: [],
      urlTest: null,
    });
    const { rule: rest } = await createRule(db, {
      actor: users.admin,
      shopId: SHOP,
      rule: { kind: "URL_CALL", label: "Rest", events: ["TRANSACTION_CAPTURED"], urlTest: "https://shop.example.com/t" },
    });
    expect(rest).toMatchObject({ format: "REST", hashKey: "password", alertEmail: null, urlProd: null });
    await deleteRule(db, { actor: users.admin, ruleId: rule.id });
    await deleteRule(db, { actor: users.admin, ruleId: rest.id });
  });

  it("updates the changed fields only, audited before/after; the kind cannot change; the same values write nothing", async () => {
    const r = await updateRule(db, {
      actor: users.admin,
      ruleId,
      rule: { ...URL_RULE, kind: "EMAIL", label: "Serveur", urlTest: "", format: "FORM" },
    });
    expect(r.changed).toEqual(["label", "urlTest", "format", "hashKey"]);
    expect(r.rule).toMatchObject({ kind: "URL_CALL", label: "Serveur", urlTest: null, format: "FORM", hashKey: "password" });
    expect(r.rule.updatedAt).toBeInstanceOf(Date);
    const [event] = await audits("notification_rule.update");
    expect(event!.before).toEqual({
      id: ruleId,
      label: "Serveur boutique",
      urlTest: "http://127.0.0.1:9999/ipn",
      format: "REST",
      hashKey: "sha256_hmac",
    });
    expect(event!.after).toEqual({ id: ruleId, label: "Serveur", urlTest: null, format: "FORM", hashKey: "password" });

    const count = await db.auditEvent.count();
    const same = await updateRule(db, {
      actor: users.admin,
      ruleId,
      rule: { ...URL_RULE, label: "Serveur", urlTest: null, format: "FORM" },
    });
    expect(same.changed).toEqual([]);
    expect(await db.auditEvent.count()).toBe(count);
  });

  it("disables and enables, audited; asking for the current state changes nothing", async () => {
    expect(await setRuleEnabled(db, { actor: users.admin, ruleId, enabled: false })).toEqual({ id: ruleId, enabled: false, changed: true });
    expect((await getRuleOrThrow(db, { actor: users.viewer, ruleId })).enabled).toBe(false);
    expect((await setRuleEnabled(db, { actor: users.admin, ruleId, enabled: false })).changed).toBe(false);
    expect((await setRuleEnabled(db, { actor: users.admin, ruleId, enabled: true })).changed).toBe(true);
    expect((await audits("notification_rule.disable")).map((e) => [e.before, e.after])).toEqual([
      [
        { id: ruleId, enabled: true },
        { id: ruleId, enabled: false },
      ],
    ]);
    expect(await audits("notification_rule.enable")).toHaveLength(1);
  });

  it.each<[string, RuleInput, Record<string, string>]>([
    ["an empty rule", { kind: "URL_CALL" }, { label: "err_rule_label", events: "err_rule_events", urlTest: "err_rule_url_required" }],
    [
      "a label too long, an unknown event, a bad alert e-mail, channel, format and key",
      {
        kind: "URL_CALL",
        label: "x".repeat(81),
        events: ["PAYMENT_ACCEPTED", "BOGUS"],
        channels: ["FAX"],
        sources: ["INVOICE_IMPORT"],
        alertEmail: "not-an-email",
        urlTest: "https://shop.example.com/ok",
        format: "XML",
        hashKey: "md5",
        retry: "yes",
      },
      {
        label: "err_rule_label_long",
        events: "err_rule_events_unknown",
        channels: "err_rule_channels",
        sources: "err_rule_sources",
        alertEmail: "err_email",
        format: "err_rule_format",
        hashKey: "err_rule_hash_key",
        retry: "err_generic",
      },
    ],
    [
      "URLs that are not http(s), or carry credentials",
      {
        kind: "URL_CALL",
        label: "x",
        events: ["PAYMENT_ACCEPTED"],
        urlTest: "ftp://shop.example.com/",
        urlProd: "https://u:p@shop.example.com/",
      },
      { urlTest: "err_webhook_url_scheme", urlProd: "err_webhook_url_credentials" },
    ],
    [
      "a URL that is not one",
      { kind: "URL_CALL", label: "x", events: ["PAYMENT_ACCEPTED"], urlProd: "shop dot com" },
      { urlProd: "err_webhook_url_invalid" },
    ],
    ["an unknown kind", { kind: "FAX", label: "x" }, { kind: "err_rule_kind" }],
    [
      "an e-mail rule on another event, without target",
      { kind: "EMAIL", label: "Reçu", events: ["ORDER_EXPIRED"] },
      { events: "err_rule_events_email", emailTarget: "err_rule_email_target" },
    ],
    [
      "an e-mail rule to an address that is not one, with a malformed template id",
      { kind: "EMAIL", label: "Reçu", events: ["PAYMENT_ACCEPTED"], emailTarget: "compta@", templateId: "abc" },
      { emailTarget: "err_rule_email_address", templateId: "err_rule_template" },
    ],
  ])("refuses %s: VALIDATION naming each field, nothing written", async (_what, rule, fields) => {
    const rules = await db.notificationRule.count();
    const events = await db.auditEvent.count();
    expect(await failure(createRule(db, { actor: users.admin, shopId: SHOP, rule }))).toEqual({ code: "VALIDATION", fields });
    expect(await db.notificationRule.count()).toBe(rules);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("with ALLOW_PRIVATE_WEBHOOKS=0, PRODUCTION needs https and no URL may target a private address", async () => {
    process.env.ALLOW_PRIVATE_WEBHOOKS = "0";
    const base = { kind: "URL_CALL", label: "x", events: ["PAYMENT_ACCEPTED"] };
    const refused = async (rule: RuleInput) => (await failure(createRule(db, { actor: users.admin, shopId: SHOP, rule }))).fields;
    expect(await refused({ ...base, urlProd: "http://shop.example.com/ipn" })).toEqual({ urlProd: "err_webhook_url_https" });
    expect(await refused({ ...base, urlTest: "http://10.1.2.3/ipn", urlProd: "https://192.168.1.10/ipn" })).toEqual({
      urlTest: "err_webhook_url_private",
      urlProd: "err_webhook_url_private",
    });
    expect(await refused({ ...base, urlTest: "http://localhost:3000/ipn" })).toEqual({ urlTest: "err_webhook_url_private" });
    expect(await refused({ ...base, urlProd: "https://[::1]/ipn" })).toEqual({ urlProd: "err_webhook_url_private" });
    // An existing rule cannot be switched to such a URL either: nothing changes.
    const before = await getRuleOrThrow(db, { actor: users.admin, ruleId });
    expect(
      (await failure(updateRule(db, { actor: users.admin, ruleId, rule: { ...URL_RULE, urlProd: "http://shop.example.com/" } }))).fields,
    ).toEqual({
      urlTest: "err_webhook_url_private",
      urlProd: "err_webhook_url_https",
    });
    expect(await getRuleOrThrow(db, { actor: users.admin, ruleId })).toEqual(before);
    // TEST URLs may stay http on a public host.
    const ok = await createRule(db, { actor: users.admin, shopId: SHOP, rule: { ...base, urlTest: "http://shop.example.com/ipn" } });
    await deleteRule(db, { actor: users.admin, ruleId: ok.rule.id });

    process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
    const dev = await createRule(db, { actor: users.admin, shopId: SHOP, rule: { ...base, urlProd: "http://127.0.0.1:4000/ipn" } });
    expect(dev.rule.urlProd).toBe("http://127.0.0.1:4000/ipn");
    await deleteRule(db, { actor: users.admin, ruleId: dev.rule.id });
  });

  it("e-mail rules: to the buyer, the merchant or an address, with one of the shop's receipt templates", async () => {
    const [buyerTpl, merchantTpl, orderTpl, otherTpl] = await Promise.all([
      db.template.create({
        data: { shopId: SHOP, channel: "MAIL", kind: "RECEIPT_BUYER", name: "Reçu client", language: "fr", body: "<p>Merci</p>" },
      }),
      db.template.create({
        data: { shopId: SHOP, channel: "MAIL", kind: "RECEIPT_MERCHANT", name: "Reçu boutique", language: "fr", body: "<p>Payé</p>" },
      }),
      db.template.create({ data: { shopId: SHOP, channel: "MAIL", kind: "ORDER", name: "Ordre", language: "fr", body: "<p>%url%</p>" } }),
      db.template.create({
        data: { shopId: OTHER_SHOP, channel: "MAIL", kind: "RECEIPT_BUYER", name: "Autre", language: "fr", body: "<p>x</p>" },
      }),
    ]);
    expect((await findRuleTemplates(db, { actor: users.viewer, shopId: SHOP })).map((t) => t.id)).toEqual([buyerTpl.id, merchantTpl.id]);

    const buyer = await createRule(db, {
      actor: users.admin,
      shopId: SHOP,
      rule: {
        kind: "EMAIL",
        label: "Reçu",
        events: ["PAYMENT_ACCEPTED"],
        emailTarget: "BUYER",
        templateId: buyerTpl.id,
        urlProd: "https://ignored.example.com",
      },
    });
    expect(buyer.rule).toMatchObject({ kind: "EMAIL", emailTarget: "BUYER", templateId: buyerTpl.id, urlProd: null, alertEmail: null });
    const merchant = await createRule(db, {
      actor: users.admin,
      shopId: SHOP,
      rule: {
        kind: "EMAIL",
        label: "Copie",
        events: ["PAYMENT_ACCEPTED"],
        emailTarget: " compta@demo.test ",
        templateId: merchantTpl.id,
      },
    });
    expect(merchant.rule).toMatchObject({ emailTarget: "compta@demo.test", templateId: merchantTpl.id });
    expect(
      (
        await createRule(db, {
          actor: users.admin,
          shopId: SHOP,
          rule: { kind: "EMAIL", label: "M", events: ["PAYMENT_ACCEPTED"], emailTarget: "MERCHANT" },
        })
      ).rule.templateId,
    ).toBeNull();

    // Not a receipt, the other target's receipt, or another shop's template: refused.
    for (const templateId of [orderTpl.id, merchantTpl.id, otherTpl.id, "0197a5f0-0000-7000-8000-000000000000"]) {
      const rule = { kind: "EMAIL", label: "x", events: ["PAYMENT_ACCEPTED"], emailTarget: "BUYER", templateId };
      expect(await failure(createRule(db, { actor: users.admin, shopId: SHOP, rule }))).toEqual({
        code: "VALIDATION",
        fields: { templateId: "err_rule_template" },
      });
    }
    expect(
      (await failure(updateRule(db, { actor: users.admin, ruleId: buyer.rule.id, rule: { ...buyer.rule, emailTarget: "MERCHANT" } })))
        .fields,
    ).toEqual({ templateId: "err_rule_template" });
    expect((await getRuleOrThrow(db, { actor: users.admin, ruleId: buyer.rule.id })).emailTarget).toBe("BUYER");
  });

  it("refuses operators and viewers (FORBIDDEN) and another company (NOT_FOUND); nothing changes", async () => {
    const before = await findRules(db, { actor: users.admin, shopId: SHOP });
    const events = await db.auditEvent.count();
    const rule = { ...URL_RULE, label: "Pirate" };
    for (const [actor, code] of [
      [users.operator, "FORBIDDEN"],
      [users.viewer, "FORBIDDEN"],
      [users.other, "NOT_FOUND"],
    ] as const) {
      expect((await failure(createRule(db, { actor, shopId: SHOP, rule }))).code).toBe(code);
      expect((await failure(updateRule(db, { actor, ruleId, rule }))).code).toBe(code);
      expect((await failure(setRuleEnabled(db, { actor, ruleId, enabled: false }))).code).toBe(code);
      expect((await failure(deleteRule(db, { actor, ruleId }))).code).toBe(code);
    }
    expect((await failure(getRuleOrThrow(db, { actor: users.other, ruleId }))).code).toBe("NOT_FOUND");
    expect((await failure(findRules(db, { actor: users.other, shopId: SHOP }))).code).toBe("NOT_FOUND");
    expect((await failure(findRuleTemplates(db, { actor: users.other, shopId: SHOP }))).code).toBe("NOT_FOUND");
    expect((await failure(createRule(db, { actor: users.admin, shopId: OTHER_SHOP, rule }))).code).toBe("NOT_FOUND");
    expect((await failure(getRuleOrThrow(db, { actor: users.admin, ruleId: "not-a-uuid" }))).code).toBe("NOT_FOUND");

    // Another company's rule is as unknown to our administrator as a missing one.
    const theirs = await db.notificationRule.create({
      data: { shopId: OTHER_SHOP, kind: "URL_CALL", label: "Theirs", events: ["PAYMENT_ACCEPTED"], urlProd: "https://autre.example.com" },
    });
    // One at a time: started together, a rejection could land before its handler is attached.
    for (const run of [
      () => getRuleOrThrow(db, { actor: users.admin, ruleId: theirs.id }),
      () => updateRule(db, { actor: users.admin, ruleId: theirs.id, rule }),
      () => setRuleEnabled(db, { actor: users.admin, ruleId: theirs.id, enabled: false }),
      () => deleteRule(db, { actor: users.admin, ruleId: theirs.id }),
    ]) {
      expect((await failure(run())).code).toBe("NOT_FOUND");
    }
    expect(await db.notificationRule.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ label: "Theirs", enabled: true });
    expect(await findRules(db, { actor: users.admin, shopId: SHOP })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("deletes after the rule's deliveries are logged: they stay, without their rule; audited with the rule", async () => {
    const delivery = await db.webhookDelivery.create({
      data: { ruleId, shopId: SHOP, event: "PAYMENT_ACCEPTED", url: "https://shop.example.com/ipn", payload: "kr-answer=%7B%7D" },
    });
    expect(await deleteRule(db, { actor: users.admin, ruleId })).toEqual({ id: ruleId, label: "Serveur" });
    expect(await db.notificationRule.findUnique({ where: { id: ruleId } })).toBeNull();
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).ruleId).toBeNull();
    const event = (await audits("notification_rule.delete")).at(-1);
    expect(event!.before).toMatchObject({ id: ruleId, label: "Serveur", kind: "URL_CALL", enabled: true });
    expect((await failure(deleteRule(db, { actor: users.admin, ruleId }))).code).toBe("NOT_FOUND");
  });
});
