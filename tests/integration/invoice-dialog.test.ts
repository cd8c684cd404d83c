// The back office's invoice dialog and the "data collection form" option of the other dialogs,
// as typed (F-CH-INVOICE, F-ORD-5), on a real database.
import { beforeAll, describe, expect, it } from "vitest";
import { createInvoiceFromForm } from "@/lib/orders/create-invoice-from-form";
import { createUrlOrder } from "@/lib/orders/create-url-order";
import type { AppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const base = { shopId: "12345678", mode: "TEST", amount: "120,50", currency: "EUR", language: "fr" };
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => ({ code: e.code, message: e.publicMessage, fields: e.fields }),
  );

describe("the invoice dialog", () => {
  it("needs the shop's form in invoice mode (published for PRODUCTION)", async () => {
    expect(await failure(createInvoiceFromForm(db, { actor: users.operator, values: { ...base, reference: "F-1" } }))).toMatchObject({
      code: "VALIDATION",
      message: "err_invoice_form_missing",
    });
    await db.dataCollectionForm.create({ data: { shopId: "12345678", fields: [{ key: "lastName", required: true }], invoiceMode: true } });
    expect(
      await failure(createInvoiceFromForm(db, { actor: users.admin, values: { ...base, mode: "PRODUCTION", reference: "F-1" } })),
    ).toMatchObject({ message: "err_invoice_form_unpublished" });
  });

  it("creates an invoice order: reference mandatory and unique among open ones, description kept, never an alias", async () => {
    expect(await failure(createInvoiceFromForm(db, { actor: users.operator, values: { ...base, reference: "" } }))).toMatchObject({
      fields: { reference: "err_reference_required" },
    });
    const o = await createInvoiceFromForm(db, {
      actor: users.operator,
      values: {
        ...base,
        reference: "F-2026-7",
        description: "Repair of 12 November",
        aliasMode: "AUTOMATIC",
        threeDsPreference: "FRICTIONLESS",
      },
    });
    expect(await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({
      channel: "INVOICE",
      reference: "F-2026-7",
      amount: 12050n,
      description: "Repair of 12 November",
      dataCollectionForm: true,
      aliasMode: "NONE",
      threeDsPreference: "FRICTIONLESS",
      deliveryStatus: "MANUAL",
    });
    expect(await failure(createInvoiceFromForm(db, { actor: users.operator, values: { ...base, reference: "F-2026-7" } }))).toMatchObject({
      fields: { reference: "err_invoice_reference_taken" },
    });
    // Errors of the main fields and of the options come back together.
    expect(
      await failure(
        createInvoiceFromForm(db, { actor: users.operator, values: { ...base, amount: "abc", reference: "F-9", captureDelay: "-1" } }),
      ),
    ).toMatchObject({ fields: { amount: expect.any(String), captureDelay: "err_capture_delay" } });
    expect(await failure(createInvoiceFromForm(db, { actor: users.viewer, values: { ...base, reference: "F-10" } }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the data collection form option", () => {
  it("a URL order may use the form (then no alias); unavailable in PRODUCTION while unpublished", async () => {
    const o = await createUrlOrder(db, { actor: users.operator, values: { ...base, reference: "DCF-1", dataCollectionForm: "on" } });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: o.id } })).dataCollectionForm).toBe(true);
    expect(
      await failure(
        createUrlOrder(db, {
          actor: users.operator,
          values: { ...base, reference: "DCF-2", dataCollectionForm: "on", aliasMode: "PROPOSE" },
        }),
      ),
    ).toMatchObject({ fields: { aliasMode: "err_alias_with_form" } });
    expect(
      await failure(
        createUrlOrder(db, { actor: users.admin, values: { ...base, mode: "PRODUCTION", reference: "DCF-3", dataCollectionForm: "on" } }),
      ),
    ).toMatchObject({ fields: { dataCollectionForm: "err_dcf_unavailable" } });
    const plain = await createUrlOrder(db, { actor: users.operator, values: { ...base, reference: "DCF-4" } });
    expect((await db.paymentOrder.findUniqueOrThrow({ where: { id: plain.id } })).dataCollectionForm).toBe(false);
  });
});
