// Issue 21, dialogs: the URL dialog's link text (prefilled from the shop's URL template, kept per
// order, the ready-to-send text), the SMS and WhatsApp dialogs' buyer e-mail for the receipt.
import { beforeAll, describe, expect, it } from "vitest";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { getOrderCopy } from "@/lib/orders/get-order-copy";
import { findOrderMessageText } from "@/lib/orders/order-message-text";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});
const base = (over: Record<string, string> = {}) => ({
  shopId: "12345678",
  mode: "TEST",
  reference: "LT-1",
  amount: "42.00",
  currency: "EUR",
  language: "fr",
  ...over,
});
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
const text = async (id: string) => {
  const order = await getOrderOrThrow(db, { actor: users.operator, orderId: id });
  return plain(await findOrderMessageText(db, { actor: users.operator, order, lang: "fr" }));
};

describe("URL dialog: link text", () => {
  it("is prefilled from the shop's default URL template per language, else the built-in one", async () => {
    await db.template.create({
      data: {
        shopId: "12345678",
        channel: "URL",
        kind: "ORDER",
        name: "Maison",
        language: "fr",
        isDefault: true,
        body: "Réglez %amount% ici : %url%",
      },
    });
    const shop = (await findShopDefaults(db, { actor: users.operator })).find((s) => s.id === "12345678")!;
    expect(shop.urlTexts.fr).toBe("Réglez %amount% ici : %url%");
    expect(shop.urlTexts.en).toContain("%url%");
  });

  it("typed per order: kept, rendered as the ready-to-send text, copied by create-from", async () => {
    const o = await createUrlOrder(db, {
      actor: users.operator,
      values: base({ message: "Commande %reference% : %amount%, payez ici %url%" }),
    });
    const row = await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } });
    expect(row.message).toBe("Commande %reference% : %amount%, payez ici %url%");
    expect(await text(o.id)).toBe(`Commande LT-1 : 42,00 €, payez ici ${o.paymentUrl}`);
    expect((await getOrderCopy(db, { actor: users.operator, orderId: o.id })).message).toBe(row.message);
  });

  it("left empty: the shop's template", async () => {
    const o = await createUrlOrder(db, { actor: users.operator, values: base({ reference: "LT-2", message: "  " }) });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).message).toBeNull();
    expect(await text(o.id)).toBe(`Réglez 42,00 € ici : ${o.paymentUrl}`);
  });

  it("too long: refused on its field", async () => {
    await expect(createUrlOrder(db, { actor: users.operator, values: base({ message: "x".repeat(1001) }) })).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { message: "err_message_too_long" },
    });
  });
});

describe("SMS and WhatsApp dialogs: the buyer's e-mail", () => {
  for (const channel of ["SMS", "WHATSAPP"]) {
    it(`${channel}: kept for the receipt, checked`, async () => {
      const o = await createPhoneOrder(db, {
        actor: users.operator,
        values: base({ channel, phoneNumber: "0612345678", buyerEmail: "anne@buyer.test" }),
      });
      expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).buyerEmail).toBe("anne@buyer.test");
      await expect(
        createPhoneOrder(db, { actor: users.operator, values: base({ channel, phoneNumber: "0612345678", buyerEmail: "nope" }) }),
      ).rejects.toMatchObject({ fields: { buyerEmail: "err_email" } });
    });
  }
});
