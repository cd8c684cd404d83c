// The "order by e-mail" dialog's use cases: preview, templates per shop and language, and the
// order's messages — each refusing another company's shop or order.
import { beforeAll, describe, expect, it } from "vitest";
import { builtInTemplate } from "@/emails";
import type { UserActor } from "@/lib/auth/actor";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { findMailTemplates } from "@/lib/orders/find-mail-templates";
import { findOrderMessages } from "@/lib/orders/find-order-messages";
import { previewMailOrder } from "@/lib/orders/preview-mail-order";
import { AppError } from "@/lib/server/errors";
import { addCalendarDays, dayInZone } from "@/lib/time/shop-time";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
const SHOP = "12345678";
const OTHER_SHOP = "87654321";
let own: { id: string };

beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  own = await db.template.create({
    data: {
      shopId: SHOP,
      channel: "MAIL",
      kind: "ORDER",
      name: "Relance polie",
      language: "fr",
      subject: "Rappel %reference%",
      body: "<p>Merci de régler %amount% avant le %end_date%.</p>",
    },
    select: { id: true },
  });
  await db.template.create({
    data: { shopId: SHOP, channel: "MAIL", kind: "ORDER", name: "English one", language: "en", subject: "Hi", body: "<p>Hi</p>" },
  });
  await db.template.create({
    data: { shopId: OTHER_SHOP, channel: "MAIL", kind: "ORDER", name: "Autre", language: "fr", subject: "Autre", body: "<p>Autre</p>" },
  });
});

const form = (over: Record<string, string> = {}) => ({
  shopId: SHOP,
  mode: "TEST",
  amount: "15.90",
  currency: "EUR",
  reference: "INV-7",
  language: "fr",
  recipients: "anne@buyer.test; bob@buyer.test",
  ...over,
});

const flat = (s: string) => s.replace(/\s/g, " ");

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return { code: e.code, fields: e.fields };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("preview of the e-mail order (F-CH-MAIL)", () => {
  it("renders the default template in the order's language for the first recipient, reference suffixed", async () => {
    const day = addCalendarDays(dayInZone(new Date(), "Europe/Paris"), 3);
    const fr = await previewMailOrder(db, { actor: users.operator, values: form({ validUntil: day }) });
    expect(fr.recipient).toBe("anne@buyer.test");
    expect(flat(fr.subject)).toBe("Boutique Démo : votre lien de paiement de 15,90 €".replace(/\s/g, " "));
    expect(flat(fr.html)).toContain("15,90 €");
    expect(fr.html).toContain("INV-7-001");
    expect(fr.html).toMatch(/<html[^>]* lang="fr"/);
    expect(flat(fr.text)).toContain("15,90 €");
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const endFr = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
    expect(flat(fr.html)).toContain(flat(endFr));

    const en = await previewMailOrder(db, { actor: users.operator, values: form({ language: "en", recipients: "solo@buyer.test" }) });
    expect(en.subject).toBe("Boutique Démo: your payment link for €15.90");
    expect(en.html).toContain("reference INV-7)");
    expect(en.html).not.toContain("INV-7-001");
    expect(en.language).toBe("en");
  });

  it("uses the typed subject and body as they are: unknown variables stay, scripts go, the link is added", async () => {
    const p = await previewMailOrder(db, {
      actor: users.operator,
      values: form({
        subject: "Pour %reference% : %montant%",
        message: '<p>Réglez %amount%.</p><script>alert(1)</script><p onclick="x()">Merci</p>',
      }),
    });
    expect(p.subject).toBe("Pour INV-7-001 : %montant%");
    expect(flat(p.html)).toContain("Réglez 15,90 €.");
    expect(p.html).not.toContain("<script");
    expect(p.html).not.toContain("onclick");
    expect(p.html).toMatch(/\/pay\/preview0+/);
    expect(p.text).toContain("Merci");
  });

  it("uses the chosen template when no subject or body is typed, and field errors for bad values", async () => {
    const p = await previewMailOrder(db, { actor: users.operator, values: form({ templateId: own.id, recipients: "" }) });
    expect(p.recipient).toBeNull();
    expect(p.subject).toBe("Rappel INV-7");
    expect(flat(p.html)).toContain("Merci de régler 15,90 €");

    expect(await failure(previewMailOrder(db, { actor: users.operator, values: form({ amount: "abc" }) }))).toEqual({
      code: "VALIDATION",
      fields: { amount: "err_amount_format" },
    });
  });

  it("refuses another company's shop, and a viewer", async () => {
    expect((await failure(previewMailOrder(db, { actor: users.other, values: form() }))).code).toBe("NOT_FOUND");
    expect((await failure(previewMailOrder(db, { actor: users.viewer, values: form() }))).code).toBe("FORBIDDEN");
  });
});

describe("templates of the dialog", () => {
  it("lists the shop's e-mail order templates of the language; the default is ours until the shop has one", async () => {
    const fr = await findMailTemplates(db, { actor: users.operator, shopId: SHOP, language: "fr" });
    expect(fr.templates.map((t) => t.name)).toEqual(["Relance polie"]);
    expect(fr.defaultTemplate).toEqual({
      subject: builtInTemplate("MAIL", "ORDER", "fr").subject,
      body: builtInTemplate("MAIL", "ORDER", "fr").body,
    });
    const en = await findMailTemplates(db, { actor: users.operator, shopId: SHOP, language: "en" });
    expect(en.templates.map((t) => t.name)).toEqual(["English one"]);

    await db.template.update({ where: { id: own.id }, data: { isDefault: true } });
    const again = await findMailTemplates(db, { actor: users.operator, shopId: SHOP, language: "fr" });
    expect(again.defaultTemplate).toEqual({ subject: "Rappel %reference%", body: "<p>Merci de régler %amount% avant le %end_date%.</p>" });
    await db.template.update({ where: { id: own.id }, data: { isDefault: false } });
  });

  it("refuses another company's shop (not found), a viewer, and an unknown language", async () => {
    const other: UserActor = users.other;
    expect(await failure(findMailTemplates(db, { actor: other, shopId: SHOP, language: "fr" }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(findMailTemplates(db, { actor: users.operator, shopId: OTHER_SHOP, language: "fr" }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await failure(findMailTemplates(db, { actor: users.viewer, shopId: SHOP, language: "fr" }))).code).toBe("FORBIDDEN");
    expect(await failure(findMailTemplates(db, { actor: users.operator, shopId: SHOP, language: "xx" }))).toEqual({
      code: "VALIDATION",
      fields: { language: "err_language" },
    });
  });
});

describe("the order's messages", () => {
  it("lists each order's own message, queued, and hides them from another company", async () => {
    const { ids } = await createMailOrders(db, { actor: users.operator, values: form({ bccManager: "on" }) });
    expect(ids).toHaveLength(2);
    const messages = await findOrderMessages(db, { actor: users.viewer, orderId: ids[1]! });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: "ORDER",
      channel: "MAIL",
      recipient: "bob@buyer.test",
      bcc: "boutique@demo.test",
      status: "QUEUED",
      attempts: 0,
      sentAt: null,
      providerMessageId: null,
    });
    expect(await failure(findOrderMessages(db, { actor: users.other, orderId: ids[0]! }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await failure(findOrderMessages(db, { actor: users.operator, orderId: "nope" }))).toMatchObject({ code: "NOT_FOUND" });
  });
});
