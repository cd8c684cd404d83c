import { beforeAll, describe, expect, it } from "vitest";
import { builtInTemplate } from "@/emails";
import { createOrder } from "@/lib/orders/create-order";
import { findOrderMessageText, orderMessageText } from "@/lib/orders/order-message-text";
import type { AppError } from "@/lib/server/errors";
import { createTemplate } from "@/lib/templates/create-template";
import { customizeBuiltInTemplate } from "@/lib/templates/customize-built-in-template";
import { deleteTemplate } from "@/lib/templates/delete-template";
import { duplicateTemplate } from "@/lib/templates/duplicate-template";
import { findTemplates } from "@/lib/templates/find-templates";
import { getTemplateOrThrow } from "@/lib/templates/get-template";
import { makeTemplateDefault } from "@/lib/templates/make-template-default";
import { previewTemplate } from "@/lib/templates/preview-template";
import { loadTemplates } from "@/lib/templates/resolve-template";
import type { TemplateInput } from "@/lib/templates/schemas";
import { updateTemplate } from "@/lib/templates/update-template";
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
    () => ({ code: "OK" as string, fields: undefined }),
    (e: AppError) => ({ code: e.code as string, fields: e.fields }),
  );
const audits = (action: string) => db.auditEvent.findMany({ where: { action }, orderBy: { createdAt: "asc" } });
const defaults = (language: string) =>
  db.template.findMany({ where: { shopId: SHOP, channel: "MAIL", kind: "ORDER", language, isDefault: true }, select: { id: true } });

const MAIL: TemplateInput = {
  name: "Relance douce",
  channel: "MAIL",
  kind: "ORDER",
  language: "fr",
  subject: "Votre commande %reference%",
  body: '<p>Bonjour, réglez <strong>%amount%</strong> : <a href="%url%">payer</a></p>',
  isDefault: false,
};
const mail = (over: Partial<TemplateInput> = {}) => ({ ...MAIL, ...over });

describe("Settings › Templates (F-TPL-1…4)", () => {
  it("lists no template of the shop at first, and the built-in ones of its languages in use", async () => {
    for (const actor of [users.admin, users.operator, users.viewer]) {
      const list = await findTemplates(db, { actor, shopId: SHOP });
      expect(list.shopName).toBe(DEMO.shop.name);
      expect(list.groups.map((g) => `${g.channel}/${g.kind}`)).toEqual([
        "MAIL/ORDER",
        "MAIL/RECEIPT_BUYER",
        "MAIL/RECEIPT_MERCHANT",
        "MAIL/REMINDER",
        "SMS/ORDER",
        "SMS/REMINDER",
        "WHATSAPP/ORDER",
        "URL/ORDER",
      ]);
      for (const g of list.groups) {
        expect(g.templates).toEqual([]);
        expect(g.builtIns).toEqual([
          { language: "fr", isInUse: true },
          { language: "en", isInUse: true },
        ]);
      }
    }
  });

  it("creates an e-mail template, sanitized: <script> and onclick removed, %url% kept in the href; audited", async () => {
    const { template, warnings } = await createTemplate(db, {
      actor: users.operator,
      shopId: SHOP,
      template: mail({
        name: "  Avec script  ",
        body: '<p onclick="steal()">Payez %amount% <a href="%url%" onclick="x()">ici</a></p><script>alert(1)</script><img src="javascript:alert(1)">',
      }),
    });
    expect(warnings).toEqual([]);
    expect(template.name).toBe("Avec script");
    expect(template.body).toBe('<p>Payez %amount% <a href="%url%" rel="noopener noreferrer">ici</a></p><img />');
    expect(template.body).not.toContain("script");
    expect(template.body).not.toContain("onclick");
    const stored = await getTemplateOrThrow(db, { actor: users.viewer, templateId: template.id });
    expect(stored).toMatchObject({ shopId: SHOP, channel: "MAIL", kind: "ORDER", language: "fr", isDefault: false, body: template.body });
    const [event] = await audits("template.create");
    expect(event).toMatchObject({ shopId: SHOP, actorId: users.operator.userId, companyId: users.operator.companyId });
    expect(event!.after).toMatchObject({ id: template.id, name: "Avec script", body: template.body });
  });

  it("accepts unknown %variables% and returns them as warnings", async () => {
    const { template, warnings } = await createTemplate(db, {
      actor: users.admin,
      shopId: SHOP,
      template: mail({ name: "Inconnues", subject: "%ref% pour %shop_name%", body: "<p>%amount% %montant% %montant%</p>" }),
    });
    expect(warnings).toEqual(["%ref%", "%montant%"]);
    expect(template.body).toBe("<p>%amount% %montant% %montant%</p>");
    const u = await updateTemplate(db, {
      actor: users.admin,
      templateId: template.id,
      template: mail({ name: "Inconnues", body: "<p>ok</p>" }),
    });
    expect(u.warnings).toEqual([]);
    expect(u.changed.sort()).toEqual(["body", "subject"]);
  });

  it("SMS and URL texts are plain text without subject; kinds other than ORDER are e-mail only", async () => {
    const sms = await createTemplate(db, {
      actor: users.admin,
      shopId: SHOP,
      template: { name: "SMS court", channel: "SMS", kind: "ORDER", language: "en", subject: "ignored", body: " Pay %amount%: %url% " },
    });
    expect(sms.template).toMatchObject({ channel: "SMS", subject: null, body: "Pay %amount%: %url%", isDefault: false });
    const r = await failure(
      createTemplate(db, {
        actor: users.admin,
        shopId: SHOP,
        template: { name: "Reçu SMS", channel: "SMS", kind: "RECEIPT_BUYER", language: "fr", body: "Merci" },
      }),
    );
    expect(r).toEqual({ code: "VALIDATION", fields: { kind: "err_tpl_kind_channel" } });
  });

  it("reminders have e-mail and SMS templates (not WhatsApp); a reminder's preview carries the link, no payment", async () => {
    const sms = await createTemplate(db, {
      actor: users.operator,
      shopId: SHOP,
      template: { name: "Relance SMS", channel: "SMS", kind: "REMINDER", language: "fr", body: "Rappel : %amount% avant le %end_date%" },
    });
    expect(sms.template).toMatchObject({ channel: "SMS", kind: "REMINDER", subject: null });
    const r = await failure(
      createTemplate(db, {
        actor: users.admin,
        shopId: SHOP,
        template: { name: "Relance WA", channel: "WHATSAPP", kind: "REMINDER", language: "fr", body: "Rappel %url%" },
      }),
    );
    expect(r).toEqual({ code: "VALIDATION", fields: { kind: "err_tpl_kind_channel" } });
    const copy = await customizeBuiltInTemplate(db, {
      actor: users.admin,
      shopId: SHOP,
      builtIn: { channel: "MAIL", kind: "REMINDER", language: "en" },
      uiLanguage: "en",
    });
    expect(copy.template).toMatchObject({ kind: "REMINDER", subject: builtInTemplate("MAIL", "REMINDER", "en").subject });
    const preview = await previewTemplate(db, {
      actor: users.viewer,
      shopId: SHOP,
      template: {
        channel: "MAIL",
        kind: "REMINDER",
        language: "en",
        subject: "Ref %reference%",
        body: "<p>Still %amount% %transaction_number%.</p>",
      },
    });
    expect(preview.html).toContain("/pay/EXEMPLE");
    expect(preview.text).not.toContain("000042");
    await db.template.deleteMany({ where: { id: { in: [sms.template.id, copy.template.id] } } });
  });

  it.each([
    ["an empty name", { name: "  " }, { name: "err_tpl_name" }],
    ["a name of 101 characters", { name: "x".repeat(101) }, { name: "err_tpl_name" }],
    ["an unknown channel", { channel: "FAX" }, { channel: "err_tpl_channel" }],
    ["the INVOICE channel", { channel: "INVOICE" }, { channel: "err_tpl_channel" }],
    ["an unknown kind", { kind: "FOLLOW_UP" }, { kind: "err_tpl_kind" }],
    ["an unknown language", { language: "xx" }, { language: "err_tpl_language" }],
    ["an e-mail without subject", { subject: " " }, { subject: "err_tpl_subject_required" }],
    ["a subject of 256 characters", { subject: "s".repeat(256) }, { subject: "err_tpl_subject_too_long" }],
    ["an empty body", { body: "<p></p>" }, { body: "err_tpl_body_required" }],
    ["a body that is only a script", { body: "<script>alert(1)</script>" }, { body: "err_tpl_body_required" }],
    ["an HTML body over 100,000 characters", { body: `<p>${"x".repeat(100_000)}</p>` }, { body: "err_tpl_body_too_long" }],
    ["an SMS over 1,000 characters", { channel: "SMS", subject: null, body: "x".repeat(1001) }, { body: "err_tpl_body_too_long" }],
    ["a URL text over 2,000 characters", { channel: "URL", subject: null, body: "x".repeat(2001) }, { body: "err_tpl_body_too_long" }],
    [
      "several bad fields",
      { name: "", language: "xx", subject: "" },
      { name: "err_tpl_name", language: "err_tpl_language", subject: "err_tpl_subject_required" },
    ],
  ])("refuses %s: VALIDATION naming the field, nothing written", async (_label, over, fields) => {
    const before = await db.template.count();
    const events = await db.auditEvent.count();
    expect(await failure(createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail(over) }))).toEqual({
      code: "VALIDATION",
      fields,
    });
    expect(await db.template.count()).toBe(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("keeps exactly one default per channel, kind and language", async () => {
    const a = (await createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail({ name: "A", isDefault: true }) })).template;
    const enDefault = (
      await createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail({ name: "EN", language: "en", isDefault: true }) })
    ).template;
    const smsDefault = (
      await createTemplate(db, {
        actor: users.admin,
        shopId: SHOP,
        template: { name: "SMS", channel: "SMS", kind: "ORDER", language: "fr", body: "%url%", isDefault: true },
      })
    ).template;
    expect(await defaults("fr")).toEqual([{ id: a.id }]);

    // A second default of the same language replaces the first; other languages and channels keep theirs.
    const b = (await createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail({ name: "B", isDefault: true }) })).template;
    expect(await defaults("fr")).toEqual([{ id: b.id }]);
    expect(await defaults("en")).toEqual([{ id: enDefault.id }]);
    expect((await getTemplateOrThrow(db, { actor: users.admin, templateId: smsDefault.id })).isDefault).toBe(true);

    // Make default: one transaction, audited with the previous default.
    expect(await makeTemplateDefault(db, { actor: users.admin, templateId: a.id })).toEqual({ changed: true, previous: [b.id] });
    expect(await defaults("fr")).toEqual([{ id: a.id }]);
    const event = (await audits("template.default")).at(-1)!;
    expect(event.before).toEqual({ channel: "MAIL", kind: "ORDER", language: "fr", defaultIds: [b.id] });
    expect(event.after).toEqual({ channel: "MAIL", kind: "ORDER", language: "fr", defaultIds: [a.id] });
    expect(await makeTemplateDefault(db, { actor: users.admin, templateId: a.id })).toEqual({ changed: false, previous: [] });

    // Ticked in an update too.
    await updateTemplate(db, { actor: users.admin, templateId: b.id, template: mail({ name: "B", isDefault: true }) });
    expect(await defaults("fr")).toEqual([{ id: b.id }]);

    // Concurrent "make default" of several templates: still one.
    const many = await Promise.all(
      ["C", "D", "E", "F"].map(
        async (name) => (await createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail({ name }) })).template,
      ),
    );
    await Promise.all(many.map((t) => makeTemplateDefault(db, { actor: users.admin, templateId: t.id })));
    expect(await defaults("fr")).toHaveLength(1);

    // The sender picks the shop's default; the list shows the built-in as not in use for fr and en.
    const [current] = await defaults("fr");
    const stored = await getTemplateOrThrow(db, { actor: users.admin, templateId: current!.id });
    const sender = await loadTemplates(db, { shopIds: [SHOP], templateIds: [] });
    expect(sender.pick({ shopId: SHOP, channel: "MAIL", kind: "ORDER", language: "fr" })).toEqual({
      subject: stored.subject,
      body: stored.body,
    });
    expect(sender.pick({ shopId: SHOP, channel: "MAIL", kind: "RECEIPT_BUYER", language: "fr" })).toEqual(
      builtInTemplate("MAIL", "RECEIPT_BUYER", "fr"),
    );
    const list = await findTemplates(db, { actor: users.viewer, shopId: SHOP });
    const mailOrder = list.groups.find((g) => g.channel === "MAIL" && g.kind === "ORDER")!;
    expect(mailOrder.builtIns).toEqual([
      { language: "fr", isInUse: false },
      { language: "en", isInUse: false },
    ]);
    expect(mailOrder.templates.filter((t) => t.isDefault).map((t) => t.id)).toEqual([stored.id, enDefault.id]);
    expect(list.groups.find((g) => g.kind === "RECEIPT_BUYER")!.builtIns.every((b) => b.isInUse)).toBe(true);
  });

  it("duplicates a template: a copy named in the author's language, never the default; audited", async () => {
    const [current] = await defaults("fr");
    const source = await getTemplateOrThrow(db, { actor: users.admin, templateId: current!.id });
    const fr = (await duplicateTemplate(db, { actor: users.operator, templateId: source.id, uiLanguage: "fr" })).template;
    expect(fr).toMatchObject({
      name: `${source.name} (copie)`,
      subject: source.subject,
      body: source.body,
      language: "fr",
      isDefault: false,
    });
    expect(fr.id).not.toBe(source.id);
    const en = (await duplicateTemplate(db, { actor: users.operator, templateId: fr.id, uiLanguage: "en" })).template;
    expect(en.name).toBe(`${source.name} (copie) (copy)`);
    expect(await defaults("fr")).toEqual([{ id: source.id }]);
    const event = (await audits("template.duplicate")).at(-1)!;
    expect(event.before).toEqual({ sourceId: fr.id });
    expect(event.after).toMatchObject({ id: en.id, isDefault: false });

    // A long name is shortened so that the copy stays within 100 characters.
    const long = (await createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail({ name: "L".repeat(100) }) })).template;
    const copy = (await duplicateTemplate(db, { actor: users.admin, templateId: long.id, uiLanguage: "fr" })).template;
    expect(copy.name).toBe(`${"L".repeat(92)} (copie)`);
  });

  it("customises a built-in template: an editable copy with its texts, not the default", async () => {
    const { template } = await customizeBuiltInTemplate(db, {
      actor: users.admin,
      shopId: SHOP,
      builtIn: { channel: "MAIL", kind: "RECEIPT_BUYER", language: "en" },
      uiLanguage: "en",
    });
    const builtIn = builtInTemplate("MAIL", "RECEIPT_BUYER", "en");
    expect(template).toMatchObject({ name: "Standard template EN (copy)", subject: builtIn.subject, body: builtIn.body, isDefault: false });
    const sms = await customizeBuiltInTemplate(db, {
      actor: users.admin,
      shopId: SHOP,
      builtIn: { channel: "SMS", kind: "ORDER", language: "fr" },
      uiLanguage: "fr",
    });
    expect(sms.template).toMatchObject({
      name: "Modèle standard FR (copie)",
      subject: null,
      body: builtInTemplate("SMS", "ORDER", "fr").body,
    });
    expect(
      await failure(
        customizeBuiltInTemplate(db, {
          actor: users.admin,
          shopId: SHOP,
          builtIn: { channel: "SMS", kind: "RECEIPT_MERCHANT", language: "fr" },
          uiLanguage: "fr",
        }),
      ),
    ).toEqual({ code: "VALIDATION", fields: { kind: "err_tpl_kind_channel" } });
    expect((await audits("template.duplicate")).at(-1)!.before).toEqual({
      builtIn: { channel: "SMS", kind: "ORDER", language: "fr" },
    });
  });

  it("updates a template with before/after of the changed fields; unchanged values write nothing", async () => {
    const { template } = await createTemplate(db, { actor: users.admin, shopId: SHOP, template: mail({ name: "À modifier" }) });
    const same = await updateTemplate(db, { actor: users.operator, templateId: template.id, template: mail({ name: "À modifier" }) });
    expect(same.changed).toEqual([]);
    const events = (await audits("template.update")).length;
    const r = await updateTemplate(db, {
      actor: users.operator,
      templateId: template.id,
      template: { name: "Texte URL", channel: "URL", kind: "ORDER", language: "en", subject: "dropped", body: "Pay %amount%: %url%" },
    });
    expect(r.changed.sort()).toEqual(["body", "channel", "language", "name", "subject"]);
    expect(r.template).toMatchObject({ channel: "URL", subject: null, body: "Pay %amount%: %url%" });
    const all = await audits("template.update");
    expect(all).toHaveLength(events + 1);
    expect(all.at(-1)!.before).toMatchObject({ id: template.id, name: "À modifier", channel: "MAIL", subject: MAIL.subject });
    expect(all.at(-1)!.after).toMatchObject({ id: template.id, name: "Texte URL", channel: "URL", subject: null });
  });

  it("deletes a template; the built-in one applies again to its language; audited", async () => {
    const [current] = await defaults("en");
    const deleted = await deleteTemplate(db, { actor: users.admin, templateId: current!.id });
    expect(deleted.id).toBe(current!.id);
    expect(await defaults("en")).toEqual([]);
    expect((await failure(getTemplateOrThrow(db, { actor: users.admin, templateId: current!.id }))).code).toBe("NOT_FOUND");
    const list = await findTemplates(db, { actor: users.admin, shopId: SHOP });
    expect(list.groups[0]!.builtIns).toEqual([
      { language: "fr", isInUse: false },
      { language: "en", isInUse: true },
    ]);
    expect((await audits("template.delete")).at(-1)!.before).toMatchObject({ id: current!.id, isDefault: true });
    expect((await failure(deleteTemplate(db, { actor: users.operator, templateId: current!.id }))).code).toBe("NOT_FOUND");
  });

  it("a viewer reads but cannot change anything (FORBIDDEN), nothing written", async () => {
    const [current] = await defaults("fr");
    const id = current!.id;
    const count = await db.template.count();
    const events = await db.auditEvent.count();
    const viewer = users.viewer;
    for (const run of [
      () => createTemplate(db, { actor: viewer, shopId: SHOP, template: mail() }),
      () => updateTemplate(db, { actor: viewer, templateId: id, template: mail() }),
      () => duplicateTemplate(db, { actor: viewer, templateId: id, uiLanguage: "fr" }),
      () => makeTemplateDefault(db, { actor: viewer, templateId: id }),
      () => deleteTemplate(db, { actor: viewer, templateId: id }),
      () =>
        customizeBuiltInTemplate(db, {
          actor: viewer,
          shopId: SHOP,
          builtIn: { channel: "MAIL", kind: "ORDER", language: "fr" },
          uiLanguage: "fr",
        }),
    ]) {
      expect((await failure(run())).code).toBe("FORBIDDEN");
    }
    expect((await getTemplateOrThrow(db, { actor: viewer, templateId: id })).id).toBe(id);
    expect(await db.template.count()).toBe(count);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("defaults, receipts and built-ins are administrators' settings: an operator is refused each, nothing written", async () => {
    const admin = users.admin;
    const operator = users.operator;
    const ital = (over: Partial<TemplateInput> = {}) => mail({ language: "it", ...over });
    const receipt = (await createTemplate(db, { actor: admin, shopId: SHOP, template: ital({ name: "Ricevuta", kind: "RECEIPT_BUYER" }) }))
      .template;
    const byDefault = (await createTemplate(db, { actor: admin, shopId: SHOP, template: ital({ name: "Predefinito", isDefault: true }) }))
      .template;
    const own = (await createTemplate(db, { actor: operator, shopId: SHOP, template: ital({ name: "Mio" }) })).template;
    const refused = (p: Promise<unknown>) =>
      p.then(
        () => "OK",
        (e: AppError) => `${e.code} ${e.publicMessage}`,
      );
    const rows = () => db.template.findMany({ where: { shopId: SHOP }, orderBy: { id: "asc" } });
    const before = await rows();
    const events = await db.auditEvent.count();
    for (const [label, run] of [
      ["make a template the default", () => makeTemplateDefault(db, { actor: operator, templateId: own.id })],
      [
        "customise a built-in",
        () =>
          customizeBuiltInTemplate(db, {
            actor: operator,
            shopId: SHOP,
            builtIn: { channel: "SMS", kind: "ORDER", language: "it" },
            uiLanguage: "fr",
          }),
      ],
      ["create a default", () => createTemplate(db, { actor: operator, shopId: SHOP, template: ital({ isDefault: true }) })],
      ["create a buyer receipt", () => createTemplate(db, { actor: operator, shopId: SHOP, template: ital({ kind: "RECEIPT_BUYER" }) })],
      [
        "create a merchant notice",
        () => createTemplate(db, { actor: operator, shopId: SHOP, template: ital({ kind: "RECEIPT_MERCHANT" }) }),
      ],
      [
        "edit the default",
        () => updateTemplate(db, { actor: operator, templateId: byDefault.id, template: ital({ name: "X", isDefault: true }) }),
      ],
      [
        "untick the default",
        () => updateTemplate(db, { actor: operator, templateId: byDefault.id, template: ital({ name: "Predefinito" }) }),
      ],
      [
        "tick default on its own",
        () => updateTemplate(db, { actor: operator, templateId: own.id, template: ital({ name: "Mio", isDefault: true }) }),
      ],
      [
        "turn its own into a receipt",
        () => updateTemplate(db, { actor: operator, templateId: own.id, template: ital({ name: "Mio", kind: "RECEIPT_MERCHANT" }) }),
      ],
      [
        "edit a receipt",
        () => updateTemplate(db, { actor: operator, templateId: receipt.id, template: ital({ name: "Y", kind: "RECEIPT_BUYER" }) }),
      ],
      [
        "turn a receipt into an order message",
        () => updateTemplate(db, { actor: operator, templateId: receipt.id, template: ital({ name: "Ricevuta" }) }),
      ],
      ["delete the default", () => deleteTemplate(db, { actor: operator, templateId: byDefault.id })],
      ["delete a receipt", () => deleteTemplate(db, { actor: operator, templateId: receipt.id })],
      ["duplicate a receipt", () => duplicateTemplate(db, { actor: operator, templateId: receipt.id, uiLanguage: "fr" })],
    ] as const) {
      expect(`${label}: ${await refused(run())}`).toBe(`${label}: FORBIDDEN err_tpl_admin_only`);
    }
    expect(await rows()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);

    // Their own non-default order and reminder texts: created, edited, copied (also from the default), used, deleted.
    const reminder = await createTemplate(db, {
      actor: operator,
      shopId: SHOP,
      template: { name: "Promemoria", channel: "SMS", kind: "REMINDER", language: "it", body: "%amount% %url%" },
    });
    expect(reminder.template).toMatchObject({ kind: "REMINDER", isDefault: false });
    const edited = await updateTemplate(db, { actor: operator, templateId: own.id, template: ital({ name: "Mio 2" }) });
    expect(edited.changed).toEqual(["name"]);
    const copy = (await duplicateTemplate(db, { actor: operator, templateId: byDefault.id, uiLanguage: "fr" })).template;
    expect(copy).toMatchObject({ kind: "ORDER", isDefault: false });
    const order = await createOrder(db, {
      actor: operator,
      shopId: SHOP,
      mode: "TEST",
      channel: "MAIL",
      amountMinor: 1000,
      currency: "EUR",
      recipient: "acheteur@example.test",
      templateId: own.id,
    });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: order.id } })).templateId).toBe(own.id);
    for (const t of [reminder.template, copy]) await deleteTemplate(db, { actor: operator, templateId: t.id });

    // The administrator does all of it.
    expect(await makeTemplateDefault(db, { actor: admin, templateId: own.id })).toMatchObject({ changed: true, previous: [byDefault.id] });
    await updateTemplate(db, { actor: admin, templateId: receipt.id, template: ital({ name: "Ricevuta 2", kind: "RECEIPT_BUYER" }) });
    await duplicateTemplate(db, { actor: admin, templateId: receipt.id, uiLanguage: "fr" });
    await deleteTemplate(db, { actor: admin, templateId: receipt.id });
    await db.template.deleteMany({ where: { shopId: SHOP, language: "it" } });
  });

  it("another company can neither list, read nor change the shop's templates (NOT_FOUND)", async () => {
    const [current] = await defaults("fr");
    const id = current!.id;
    const other = users.other;
    const count = await db.template.count();
    const events = await db.auditEvent.count();
    for (const run of [
      () => findTemplates(db, { actor: other, shopId: SHOP }),
      () => getTemplateOrThrow(db, { actor: other, templateId: id }),
      () => createTemplate(db, { actor: other, shopId: SHOP, template: mail() }),
      () => updateTemplate(db, { actor: other, templateId: id, template: mail({ name: "Pirate" }) }),
      () => duplicateTemplate(db, { actor: other, templateId: id, uiLanguage: "fr" }),
      () => makeTemplateDefault(db, { actor: other, templateId: id }),
      () => deleteTemplate(db, { actor: other, templateId: id }),
      () =>
        customizeBuiltInTemplate(db, {
          actor: other,
          shopId: SHOP,
          builtIn: { channel: "MAIL", kind: "ORDER", language: "fr" },
          uiLanguage: "fr",
        }),
      () => previewTemplate(db, { actor: other, shopId: SHOP, template: { channel: "SMS", kind: "ORDER", language: "fr", body: "x" } }),
      () => getTemplateOrThrow(db, { actor: users.admin, templateId: "not-a-uuid" }),
    ]) {
      expect((await failure(run())).code).toBe("NOT_FOUND");
    }
    // And the shop's administrator cannot reach the other company's shop.
    expect((await failure(findTemplates(db, { actor: users.admin, shopId: OTHER_SHOP }))).code).toBe("NOT_FOUND");
    expect((await failure(createTemplate(db, { actor: users.admin, shopId: OTHER_SHOP, template: mail() }))).code).toBe("NOT_FOUND");
    expect(await db.template.count()).toBe(count);
    expect(await db.auditEvent.count()).toBe(events);
    // The other company's own list shows none of them.
    const theirs = await findTemplates(db, { actor: other, shopId: OTHER_SHOP });
    expect(theirs.groups.flatMap((g) => g.templates)).toEqual([]);
  });

  it("previews with the sample order in the template's language and the shop's details", async () => {
    // 00:30 on 11 March in Paris, the shop's zone.
    const at = new Date("2026-03-10T23:30:00Z");
    const fr = await previewTemplate(
      db,
      {
        actor: users.viewer,
        shopId: SHOP,
        template: { channel: "MAIL", kind: "ORDER", language: "fr", subject: "Réf. %reference%", body: MAIL.body as string },
      },
      at,
    );
    expect(fr.subject).toBe("Réf. CMD-2026-001");
    expect(fr.html).toContain("15,90");
    expect(fr.text).toMatch(/réglez 15,90\s€ : payer/);
    expect(fr.html).toContain("/pay/EXEMPLE");
    const en = await previewTemplate(
      db,
      {
        actor: users.viewer,
        shopId: SHOP,
        template: {
          channel: "SMS",
          kind: "ORDER",
          language: "en",
          body: "%shop_name% %amount% %start_date% %end_date% %shop_contact% %shop_url% %zzz%",
        },
      },
      at,
    );
    expect(en.text).toMatch(
      /^Boutique Démo €15\.90 March 11, 2026 March 18, 2026 boutique@demo\.test https:\/\/boutique\.demo\.test %zzz%\n.*\/pay\/EXEMPLE$/,
    );
    expect(en).toMatchObject({ html: null, length: en.text.length, tooLong: false, unknown: ["%zzz%"] });
    const long = await previewTemplate(
      db,
      { actor: users.viewer, shopId: SHOP, template: { channel: "SMS", kind: "ORDER", language: "fr", body: "x".repeat(480) } },
      at,
    );
    expect(long.tooLong).toBe(true);
  });

  it("the URL order text comes from the shop's default URL template of the order's language, else the built-in one", async () => {
    const order = {
      shopId: SHOP,
      reference: "R-1",
      amount: 1590,
      currency: "EUR",
      createdAt: new Date("2026-03-10T12:00:00Z"),
      validUntil: new Date("2026-03-17T22:59:59Z"),
      paymentUrl: "https://pay.example/pay/T",
      shop: { id: SHOP, name: DEMO.shop.name, timeZone: "Europe/Paris" },
    };
    const builtIn = orderMessageText(order, "de");
    expect(builtIn).toMatch(/15,90\s€/);
    expect(await findOrderMessageText(db, { actor: users.viewer, order, lang: "de" })).toBe(builtIn);
    await createTemplate(db, {
      actor: users.admin,
      shopId: SHOP,
      template: {
        name: "URL de",
        channel: "URL",
        kind: "ORDER",
        language: "de",
        body: "Zahlen Sie %amount% bei %shop_contact%: %url%",
        isDefault: true,
      },
    });
    expect(await findOrderMessageText(db, { actor: users.viewer, order, lang: "de" })).toMatch(
      /^Zahlen Sie 15,90\s€ bei boutique@demo\.test: https:\/\/pay\.example\/pay\/T$/,
    );
    expect(await findOrderMessageText(db, { actor: users.viewer, order, lang: "fr" })).toBe(orderMessageText(order, "fr"));
    expect((await failure(findOrderMessageText(db, { actor: users.other, order, lang: "de" }))).code).toBe("NOT_FOUND");
  });
});
