// The creation dialogs' advanced options (description, comment, validation mode, capture delay,
// 3-D Secure preference, card registration) and fixing an e-mail order's recipient before resending it.
import { beforeAll, describe, expect, it } from "vitest";
import { createMailOrders } from "@/lib/orders/create-mail-orders";
import { createOrder } from "@/lib/orders/create-order";
import { createPhoneOrder } from "@/lib/orders/create-phone-order";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import { updateOrder } from "@/lib/orders/update-order";
import { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const base = { shopId: "12345678", mode: "TEST", amount: "20", currency: "EUR" };
const fieldsOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e) => {
      if (!(e instanceof AppError)) throw e;
      return e.fields;
    },
  );

describe("advanced options of the creation dialogs", () => {
  it("are stored on the order (URL)", async () => {
    const { id } = await createUrlOrder(db, {
      actor: users.operator,
      values: {
        ...base,
        reference: "ADV-1",
        description: "Facture n° 12 — acompte",
        merchantComment: "client fidèle",
        validationMode: "MANUAL",
        captureDelay: "3",
        threeDsPreference: "CHALLENGE",
      },
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({
      description: "Facture n° 12 — acompte",
      merchantComment: "client fidèle",
      validationMode: "MANUAL",
      captureDelay: 3,
      threeDsPreference: "CHALLENGE",
    });
  });

  it("absent: the shop's defaults", async () => {
    const { id } = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "ADV-2", captureDelay: "", description: " " },
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({
      description: null,
      validationMode: "AUTOMATIC",
      captureDelay: 0,
      threeDsPreference: "NO_PREFERENCE",
      aliasMode: "NONE",
    });
  });

  it("errors of the main fields and of the options come back together, nothing created", async () => {
    const before = await db.paymentOrder.count();
    expect(
      await fieldsOf(
        createUrlOrder(db, {
          actor: users.operator,
          values: { ...base, amount: "abc", captureDelay: "400", validationMode: "LATER", aliasMode: "ALWAYS" },
        }),
      ),
    ).toEqual({
      amount: expect.stringMatching(/^err_amount/),
      captureDelay: "err_capture_delay",
      validationMode: "err_validation_mode",
      aliasMode: "err_alias_mode",
    });
    expect(await fieldsOf(createUrlOrder(db, { actor: users.operator, values: { ...base, description: "x".repeat(256) } }))).toEqual({
      description: "err_description_too_long",
    });
    expect(await db.paymentOrder.count()).toBe(before);
  });

  it("a 3-D Secure preference the shop does not offer is refused", async () => {
    await db.shop.update({ where: { id: "12345678" }, data: { threeDsPreferences: ["NO_PREFERENCE", "FRICTIONLESS"] } });
    try {
      expect(await fieldsOf(createUrlOrder(db, { actor: users.operator, values: { ...base, threeDsPreference: "CHALLENGE" } }))).toEqual({
        threeDsPreference: "err_threeds_not_offered",
      });
    } finally {
      await db.shop.update({ where: { id: "12345678" }, data: { threeDsPreferences: ["NO_PREFERENCE", "FRICTIONLESS", "CHALLENGE"] } });
    }
  });

  it("apply to every order of an e-mail to several recipients", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { ...base, reference: "ADVM", recipients: "a@buyer.test;b@buyer.test", description: "Cotisation 2027", captureDelay: "2" },
    });
    const orders = await db.paymentOrder.findMany({ where: { id: { in: ids } } });
    expect(orders.map((o) => [o.reference, o.description, o.captureDelay])).toEqual(
      expect.arrayContaining([
        ["ADVM-001", "Cotisation 2027", 2],
        ["ADVM-002", "Cotisation 2027", 2],
      ]),
    );
  });

  it('"No reminders" reaches every order of an e-mail to several recipients, and an SMS order; unticked: reminded', async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { ...base, reference: "NOREM", recipients: "a@buyer.test;b@buyer.test", remindersOptOut: "on" },
    });
    const orders = await db.paymentOrder.findMany({ where: { id: { in: ids } }, select: { remindersOptOut: true } });
    expect(orders).toEqual([{ remindersOptOut: true }, { remindersOptOut: true }]);
    const sms = await createPhoneOrder(db, {
      actor: users.operator,
      values: { ...base, channel: "SMS", reference: "NOREM-SMS", language: "fr", phoneNumber: "06 12 34 56 78", remindersOptOut: "on" },
    });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: sms.id } })).remindersOptOut).toBe(true);
    const plain = await createMailOrders(db, { actor: users.operator, values: { ...base, reference: "REM", recipients: "c@buyer.test" } });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: plain.ids[0] } })).remindersOptOut).toBe(false);
  });

  it("card registration is stored from the dialogs, with a 3-D Secure challenge whatever the preference asked", async () => {
    const { id } = await createUrlOrder(db, {
      actor: users.operator,
      values: { ...base, reference: "ALIAS-1", aliasMode: "PROPOSE", threeDsPreference: "FRICTIONLESS" },
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({
      aliasMode: "PROPOSE",
      threeDsPreference: "CHALLENGE",
      dataCollectionForm: false,
      createdVia: "BACK_OFFICE",
    });
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { ...base, reference: "ALIASM", recipients: "a@buyer.test;b@buyer.test", aliasMode: "AUTOMATIC" },
    });
    const orders = await db.paymentOrder.findMany({ where: { id: { in: ids } }, select: { aliasMode: true, threeDsPreference: true } });
    expect(orders).toEqual([
      { aliasMode: "AUTOMATIC", threeDsPreference: "CHALLENGE" },
      { aliasMode: "AUTOMATIC", threeDsPreference: "CHALLENGE" },
    ]);
  });

  it("no card registration with the data collection form, at creation or modification; nothing changes", async () => {
    const shopId = base.shopId;
    await db.dataCollectionForm.create({ data: { shopId } });
    try {
      const order = { actor: users.operator, shopId, mode: "TEST" as const, amountMinor: 1000, currency: "EUR" };
      const before = await db.paymentOrder.count();
      expect(await fieldsOf(createOrder(db, { ...order, dataCollectionForm: true, aliasMode: "PROPOSE" }))).toEqual({
        aliasMode: "err_alias_with_form",
      });
      expect(await db.paymentOrder.count()).toBe(before);

      const withForm = await createOrder(db, { ...order, dataCollectionForm: true });
      const withAlias = await createOrder(db, { ...order, aliasMode: "AUTOMATIC" });
      const events = await db.auditEvent.count();
      for (const [orderId, changes] of [
        [withForm.id, { aliasMode: "PROPOSE" }],
        [withAlias.id, { dataCollectionForm: true }],
      ] as const) {
        expect(await fieldsOf(updateOrder(db, { actor: users.operator, orderId, changes }))).toEqual({ aliasMode: "err_alias_with_form" });
      }
      expect(await db.auditEvent.count()).toBe(events);
      const rows = await db.paymentOrder.findMany({
        where: { id: { in: [withForm.id, withAlias.id] } },
        select: { id: true, dataCollectionForm: true, aliasMode: true },
      });
      expect(rows).toEqual(
        expect.arrayContaining([
          { id: withForm.id, dataCollectionForm: true, aliasMode: "NONE" },
          { id: withAlias.id, dataCollectionForm: false, aliasMode: "AUTOMATIC" },
        ]),
      );

      // Leaving the form makes the alias possible again, in the same change.
      await updateOrder(db, { actor: users.operator, orderId: withForm.id, changes: { dataCollectionForm: false, aliasMode: "PROPOSE" } });
      expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: withForm.id } })).toMatchObject({
        dataCollectionForm: false,
        aliasMode: "PROPOSE",
        threeDsPreference: "CHALLENGE",
      });
    } finally {
      await db.dataCollectionForm.delete({ where: { shopId } });
    }
  });

  it("an order with card registration keeps its 3-D Secure challenge when modified", async () => {
    const { id } = await createUrlOrder(db, { actor: users.operator, values: { ...base, reference: "ALIAS-2", aliasMode: "PROPOSE" } });
    await updateOrder(db, { actor: users.operator, orderId: id, changes: { threeDsPreference: "FRICTIONLESS" } });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({
      aliasMode: "PROPOSE",
      threeDsPreference: "CHALLENGE",
    });
    await updateOrder(db, { actor: users.operator, orderId: id, changes: { aliasMode: "NONE", threeDsPreference: "FRICTIONLESS" } });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id } })).toMatchObject({
      aliasMode: "NONE",
      threeDsPreference: "FRICTIONLESS",
    });
  });

  it("modify and resend an e-mail order to a corrected recipient", async () => {
    const { ids } = await createMailOrders(db, {
      actor: users.operator,
      values: { ...base, reference: "FIX", recipients: "typo@buyer.tset" },
    });
    await updateOrder(db, {
      actor: users.operator,
      orderId: ids[0]!,
      changes: { recipient: "right@buyer.test" },
      resend: true,
      reopen: true,
    });
    const messages = await db.message.findMany({ where: { orderId: ids[0] }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(messages.map((m) => m.recipient)).toEqual(["typo@buyer.tset", "right@buyer.test"]);
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: ids[0] } })).recipient).toBe("right@buyer.test");
  });
});
