import { beforeAll, describe, expect, it } from "vitest";
import { formUsable, getFormConfig } from "@/lib/collect-form/config";
import { getCollectFormSettings } from "@/lib/collect-form/get-collect-form-settings";
import { publishCollectForm, unpublishCollectForm } from "@/lib/collect-form/publish-collect-form";
import { COLLECT_FIELD_KEYS, type CollectFormRow } from "@/lib/collect-form/schemas";
import { updateCollectForm } from "@/lib/collect-form/update-collect-form";
import type { AppError } from "@/lib/server/errors";
import { DEMO } from "@/prisma/demo-data";
import { db, resetDatabase, seedTenants } from "../helpers/db";

let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const SHOP = DEMO.shop.id;
const failure = (p: Promise<unknown>) =>
  p.then(
    () => ({ code: "OK" as string, fields: undefined, publicMessage: undefined }),
    (e: AppError) => ({ code: e.code as string, fields: e.fields, publicMessage: e.publicMessage as string | undefined }),
  );
const stored = () => getCollectFormSettings(db, { actor: users.admin, shopId: SHOP }).then((v) => v.form);
const audits = (action: string) => db.auditEvent.findMany({ where: { shopId: SHOP, action }, orderBy: { createdAt: "asc" } });

/** Every row as the page sends them: `collected` first in that order, then the others, unticked. */
function rows(collected: Partial<CollectFormRow>[]): CollectFormRow[] {
  const first = collected.map((r) => ({ collect: true, required: false, ...r }) as CollectFormRow);
  const rest = COLLECT_FIELD_KEYS.filter((k) => !first.some((r) => r.key === k)).map((key) => ({
    key,
    collect: false,
    required: false,
    label: "",
  }));
  return [...first, ...rest];
}

// Not the usual order: the buyer sees the fields in the order saved.
const SAVED = rows([
  { key: "email", required: true },
  { key: "custom2", required: true, label: "  N° de client  " },
  { key: "lastName", required: true },
  { key: "firstName" },
  { key: "custom5", label: "x".repeat(40) },
]);
const SAVED_FIELDS = [
  { key: "email", required: true },
  { key: "custom2", required: true, label: "N° de client" },
  { key: "lastName", required: true },
  { key: "firstName", required: false },
  { key: "custom5", required: false, label: "x".repeat(40) },
];

describe("Settings › Data collection form (F-SET-4)", () => {
  it("every user of the shop reads it (not saved yet); another company gets NOT_FOUND", async () => {
    for (const actor of [users.admin, users.operator, users.viewer]) {
      expect(await getCollectFormSettings(db, { actor, shopId: SHOP })).toEqual({
        shopId: SHOP,
        shopName: DEMO.shop.name,
        timeZone: "Europe/Paris",
        form: null,
      });
    }
    expect((await failure(getCollectFormSettings(db, { actor: users.other, shopId: SHOP }))).code).toBe("NOT_FOUND");
    expect((await failure(getCollectFormSettings(db, { actor: users.admin, shopId: DEMO.other.shop.id }))).code).toBe("NOT_FOUND");
  });

  it("cannot be published before it is saved (CONFLICT); unpublishing it changes nothing", async () => {
    const r = await failure(publishCollectForm(db, { actor: users.admin, shopId: SHOP }));
    expect(r).toMatchObject({ code: "CONFLICT", publicMessage: "err_collect_publish_unsaved" });
    expect(await unpublishCollectForm(db, { actor: users.admin, shopId: SHOP })).toEqual({ changed: false });
    expect(await stored()).toBeNull();
    expect(await db.auditEvent.count({ where: { shopId: SHOP } })).toBe(0);
  });

  it("an administrator saves it; read back in the order saved, labels trimmed, audited", async () => {
    const r = await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: SAVED, invoiceMode: false } });
    expect(r).toEqual({ form: { fields: SAVED_FIELDS, invoiceMode: false, publishedAt: null }, changed: ["fields", "invoiceMode"] });
    expect(await stored()).toMatchObject({ fields: SAVED_FIELDS, invoiceMode: false, publishedAt: null });
    expect(await getFormConfig(db, SHOP)).toEqual({ shopId: SHOP, fields: SAVED_FIELDS, invoiceMode: false, publishedAt: null });
    // Operators and viewers read the same form.
    expect((await getCollectFormSettings(db, { actor: users.viewer, shopId: SHOP })).form?.fields).toEqual(SAVED_FIELDS);

    const [event, ...more] = await audits("shop.collect_form.update");
    expect(more).toEqual([]);
    expect(event).toMatchObject({ actorType: "USER", actorId: users.admin.userId, companyId: users.admin.companyId, before: null });
    expect(event!.after).toEqual({ fields: SAVED_FIELDS, invoiceMode: false });
  });

  it("saving the same form writes nothing; another order of the fields is a change", async () => {
    const events = await db.auditEvent.count();
    expect(
      (await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: SAVED, invoiceMode: false } })).changed,
    ).toEqual([]);
    expect(await db.auditEvent.count()).toBe(events);

    const swapped = [SAVED[2]!, ...SAVED.filter((_, i) => i !== 2)];
    const r = await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: swapped, invoiceMode: false } });
    expect(r.changed).toEqual(["fields"]);
    expect((await stored())?.fields.map((f) => f.key)).toEqual(["lastName", "email", "custom2", "firstName", "custom5"]);
    const event = (await audits("shop.collect_form.update")).at(-1)!;
    expect(event.before).toEqual({ fields: SAVED_FIELDS });
    expect((event.after as { fields: { key: string }[] }).fields[0]!.key).toBe("lastName");

    await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: SAVED, invoiceMode: false } });
    expect((await stored())?.fields).toEqual(SAVED_FIELDS);
  });

  it.each([
    [
      "required without collect",
      rows([{ key: "email" }, { key: "phone", collect: false, required: true }]),
      { "phone.required": "err_collect_required_not_collected" },
    ],
    ["a collected custom field without label", rows([{ key: "custom1", label: "" }]), { "custom1.label": "err_collect_label_missing" }],
    ["a custom label of spaces", rows([{ key: "custom3", label: "   " }]), { "custom3.label": "err_collect_label_missing" }],
    ["a custom field without label at all", rows([{ key: "custom4", label: undefined }]), { "custom4.label": "err_collect_label_missing" }],
    [
      "a custom label of 41 characters",
      rows([{ key: "custom1", label: "y".repeat(41) }]),
      { "custom1.label": "err_collect_label_too_long" },
    ],
    ["nothing collected, no invoice mode", rows([]), { fields: "err_collect_form_empty" }],
    [
      "an unknown field",
      [
        { key: "birthday", collect: true, required: false },
        { key: "email", collect: true, required: false },
      ],
      { "fields.0.key": "err_collect_field_unknown" },
    ],
    [
      "a field twice",
      [...rows([{ key: "email" }]), { key: "email", collect: true, required: false }],
      { fields: "err_collect_field_duplicate" },
    ],
  ])("refuses %s: VALIDATION naming the field, nothing changed, no audit", async (_label, fields, expected) => {
    const before = await stored();
    const events = await db.auditEvent.count();
    const r = await failure(updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields, invoiceMode: false } }));
    expect(r.code).toBe("VALIDATION");
    expect(r.fields).toEqual(expected);
    expect(await stored()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("names every bad row at once", async () => {
    const fields = rows([
      { key: "custom1", label: "" },
      { key: "custom2", label: "z".repeat(50) },
      { key: "city", collect: false, required: true },
    ]);
    const r = await failure(updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields, invoiceMode: false } }));
    expect(r.fields).toEqual({
      "custom1.label": "err_collect_label_missing",
      "custom2.label": "err_collect_label_too_long",
      "city.required": "err_collect_required_not_collected",
    });
  });

  it("a label typed for a field that is not collected is neither checked nor kept", async () => {
    const fields = rows([{ key: "email" }, { key: "custom1", collect: false, label: "z".repeat(60) }]);
    const r = await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields, invoiceMode: false } });
    expect(r.form.fields).toEqual([{ key: "email", required: false }]);
    await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: SAVED, invoiceMode: false } });
  });

  it("refuses operators and viewers (FORBIDDEN) and another company (NOT_FOUND): save, publish, unpublish; nothing changes", async () => {
    const before = await stored();
    const events = await db.auditEvent.count();
    const form = { fields: rows([{ key: "city" }]), invoiceMode: true };
    for (const [actor, code] of [
      [users.operator, "FORBIDDEN"],
      [users.viewer, "FORBIDDEN"],
      [users.other, "NOT_FOUND"],
    ] as const) {
      expect((await failure(updateCollectForm(db, { actor, shopId: SHOP, form }))).code).toBe(code);
      expect((await failure(publishCollectForm(db, { actor, shopId: SHOP }))).code).toBe(code);
      expect((await failure(unpublishCollectForm(db, { actor, shopId: SHOP }))).code).toBe(code);
    }
    expect((await failure(updateCollectForm(db, { actor: users.admin, shopId: DEMO.other.shop.id, form }))).code).toBe("NOT_FOUND");
    expect((await failure(publishCollectForm(db, { actor: users.admin, shopId: DEMO.other.shop.id }))).code).toBe("NOT_FOUND");
    expect(await db.dataCollectionForm.count({ where: { shopId: DEMO.other.shop.id } })).toBe(0);
    expect(await stored()).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("publishes and unpublishes, audited; TEST orders may use it once saved, PRODUCTION ones once published", async () => {
    expect(formUsable(await getFormConfig(db, SHOP), "TEST")).toBe(true);
    expect(formUsable(await getFormConfig(db, SHOP), "PRODUCTION")).toBe(false);

    const at = new Date("2026-11-27T10:00:00Z");
    expect(await publishCollectForm(db, { actor: users.admin, shopId: SHOP }, at)).toEqual({ publishedAt: at, changed: true });
    expect((await stored())?.publishedAt).toEqual(at);
    expect(formUsable(await getFormConfig(db, SHOP), "PRODUCTION")).toBe(true);
    // Publishing again keeps the first date, without an event.
    expect(await publishCollectForm(db, { actor: users.admin, shopId: SHOP }, new Date())).toEqual({ publishedAt: at, changed: false });
    const [published, ...more] = await audits("shop.collect_form.publish");
    expect(more).toEqual([]);
    expect(published).toMatchObject({
      actorId: users.admin.userId,
      before: { publishedAt: null },
      after: { publishedAt: at.toISOString() },
    });

    // Changing a published form keeps it published.
    const r = await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: SAVED, invoiceMode: true } });
    expect(r).toMatchObject({ changed: ["invoiceMode"], form: { invoiceMode: true, publishedAt: at } });

    expect(await unpublishCollectForm(db, { actor: users.admin, shopId: SHOP })).toEqual({ changed: true });
    expect((await stored())?.publishedAt).toBeNull();
    expect(formUsable(await getFormConfig(db, SHOP), "PRODUCTION")).toBe(false);
    expect(await unpublishCollectForm(db, { actor: users.admin, shopId: SHOP })).toEqual({ changed: false });
    const [unpublished, ...others] = await audits("shop.collect_form.unpublish");
    expect(others).toEqual([]);
    expect(unpublished).toMatchObject({ before: { publishedAt: at.toISOString() }, after: { publishedAt: null } });
  });

  it("invoice mode alone is a usable form: saved with no field, published", async () => {
    const r = await updateCollectForm(db, { actor: users.admin, shopId: SHOP, form: { fields: rows([]), invoiceMode: true } });
    expect(r.form).toEqual({ fields: [], invoiceMode: true, publishedAt: null });
    expect((await publishCollectForm(db, { actor: users.admin, shopId: SHOP })).changed).toBe(true);
    expect(await getFormConfig(db, SHOP)).toMatchObject({ fields: [], invoiceMode: true });
  });
});
