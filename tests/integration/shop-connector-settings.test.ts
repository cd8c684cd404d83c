// Settings › Payment processor (issue 20): administrators only, secrets sealed and never read back
// (not in the page's data, not in the audit log, not in clear in the database), an empty secret
// keeps the saved one, a changed config must be tested again, the dialogs' limits per mode.
import { beforeAll, describe, expect, it } from "vitest";
import { getConnectorSettings, removeShopConnector, saveShopConnector } from "@/lib/payments/connectors/save-shop-connector";
import { getShopConnector } from "@/lib/payments/connectors/shop-connector";
import { findShopDefaults } from "@/lib/shops/find-shop-defaults";
import { DEMO } from "@/prisma/demo-data";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";

const SHOP = DEMO.shop.id;
let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
});

const CONFIG = {
  siteId: "11112222",
  formUrl: "https://secure.payzen.eu/vads-payment/",
  restUrl: "https://api.payzen.eu/api-payment/",
  signatureKey: "SIGKEY-secret-value-0001",
  restPassword: "prodpassword_SECRETVALUE0002",
};

describe("saving a shop's processor", () => {
  it("administrators only; the secrets sealed, never shown nor audited", async () => {
    await expect(
      saveShopConnector(db, { actor: users.operator, shopId: SHOP, mode: "PRODUCTION", kind: "LYRA_FORM", config: CONFIG }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      saveShopConnector(db, { actor: users.other, shopId: SHOP, mode: "PRODUCTION", kind: "LYRA_FORM", config: CONFIG }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await saveShopConnector(db, { actor: users.admin, shopId: SHOP, mode: "PRODUCTION", kind: "LYRA_FORM", config: CONFIG });
    const [view] = await getConnectorSettings(db, { actor: users.admin, shopId: SHOP });
    expect(view).toMatchObject({ mode: "PRODUCTION", kind: "LYRA_FORM", verifiedAt: null });
    expect(view?.publicConfig).toEqual({ siteId: CONFIG.siteId, formUrl: CONFIG.formUrl, restUrl: CONFIG.restUrl });
    const dump = await dumpDatabaseText();
    expect(dump).not.toContain("SIGKEY-secret-value-0001");
    expect(dump).not.toContain("prodpassword_SECRETVALUE0002");
    expect(dump).toContain("11112222");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "shop.connector.save" } });
    expect(JSON.stringify(audit.after)).not.toContain("SECRET");
    expect((await getShopConnector(db, { shopId: SHOP, mode: "PRODUCTION" }))?.config).toEqual(CONFIG);
  });

  it("an empty secret keeps the saved one; a change clears the verification; bad fields are named", async () => {
    await db.shopConnector.updateMany({ where: { shopId: SHOP }, data: { verifiedAt: new Date() } });
    await saveShopConnector(db, {
      actor: users.admin,
      shopId: SHOP,
      mode: "PRODUCTION",
      kind: "LYRA_FORM",
      config: { ...CONFIG, siteId: "33334444", signatureKey: "", restPassword: "" },
    });
    const c = await getShopConnector(db, { shopId: SHOP, mode: "PRODUCTION" });
    expect(c?.config).toEqual({ ...CONFIG, siteId: "33334444" });
    expect(c?.verifiedAt).toBeNull();
    await expect(
      saveShopConnector(db, {
        actor: users.admin,
        shopId: SHOP,
        mode: "TEST",
        kind: "LYRA_FORM",
        config: { ...CONFIG, siteId: "12", restUrl: "ftp://x", signatureKey: "" },
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION",
      fields: { siteId: "err_connector_site_id", restUrl: "err_connector_url", signatureKey: "err_connector_secret" },
    });
  });

  it("the dialogs' limits: PRODUCTION missing until verified; the form connector cannot take instalments", async () => {
    const before = (await findShopDefaults(db, { actor: users.operator })).find((s) => s.id === SHOP);
    expect(before?.connectorLimits.PRODUCTION).toEqual({ missing: true, unsupported: {} });
    expect(before?.connectorLimits.TEST).toEqual({ missing: false, unsupported: {} });
    await db.shopConnector.updateMany({ where: { shopId: SHOP }, data: { verifiedAt: new Date() } });
    const after = (await findShopDefaults(db, { actor: users.operator })).find((s) => s.id === SHOP);
    expect(after?.connectorLimits.PRODUCTION).toEqual({
      missing: false,
      unsupported: { instalments: "err_connector_no_instalments", amountUpdate: "err_connector_no_buyer_amount" },
    });
  });

  it("removal: audited, PRODUCTION closed again", async () => {
    await removeShopConnector(db, { actor: users.admin, shopId: SHOP, mode: "PRODUCTION" });
    expect(await getShopConnector(db, { shopId: SHOP, mode: "PRODUCTION" })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "shop.connector.remove", shopId: SHOP } })).toBe(1);
  });
});
