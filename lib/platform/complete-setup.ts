import { recordAuditEvent } from "../audit/record-audit-event";
import type { UserActor } from "../auth/actor";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import type { Db } from "../server/db";
import { AppError, type FieldErrors } from "../server/errors";
import { digestKey } from "../server/secrets";
import { parseOrThrow } from "../server/validation";
import type { ShopKeys } from "../shops/shop-keys";
import { PLATFORM_COMPANY_NAME } from "./create-operator";
import { insertShopWithKeys } from "./insert-shop";
import { type SetupInput, setupSchema } from "./schemas";

export type SetupResult = {
  operatorId: string;
  merchant: { companyId: string; shopId: string; adminId: string; keys: ShopKeys } | null;
};

/**
 * The first run (issue 19): the setup link's token is spent, the platform's company and its first
 * operator are created, and for a single-merchant install the first company, its shop (keys
 * generated, returned once) and its administrator, all in one transaction. Refused when the token
 * is unknown or used, or once any user exists (the link is for an empty platform only). Audited.
 */
export async function completeSetup(db: Db, input: SetupInput): Promise<SetupResult> {
  const data = parseOrThrow(setupSchema, input);
  const fields: FieldErrors = {};
  const op = passwordProblem(data.operatorPassword, { email: data.operatorEmail, name: data.operatorName });
  if (op) fields.operatorPassword = op;
  if (data.merchant) {
    const m = data.merchant;
    const ad = passwordProblem(m.adminPassword, { email: m.adminEmail, name: m.adminName });
    if (ad) fields["merchant.adminPassword"] = ad;
    if (m.adminEmail === data.operatorEmail) fields["merchant.adminEmail"] = "err_setup_same_email";
  }
  if (Object.keys(fields).length) throw new AppError("VALIDATION", "setup refused", { fields });
  const [operatorHash, adminHash] = await Promise.all([
    hashPassword(data.operatorPassword),
    data.merchant ? hashPassword(data.merchant.adminPassword) : null,
  ]);

  return db.$transaction(async (tx) => {
    // Spent by a conditional update: two submissions of one link, exactly one wins.
    const spent = await tx.setupToken.updateMany({ where: { digest: digestKey(data.token), usedAt: null }, data: { usedAt: new Date() } });
    if (spent.count !== 1 || (await tx.user.count()) > 0) {
      throw new AppError("NOT_FOUND", "setup link unknown or used", { publicMessage: "err_setup_token" });
    }
    await tx.setupToken.deleteMany({ where: { usedAt: null } });
    const platform = await tx.company.create({ data: { name: PLATFORM_COMPANY_NAME, isPlatform: true }, select: { id: true } });
    const operator = await tx.user.create({
      data: { companyId: platform.id, email: data.operatorEmail, name: data.operatorName, role: "ADMIN", passwordHash: operatorHash },
      select: { id: true },
    });
    const actor: UserActor = { type: "USER", userId: operator.id, companyId: platform.id, role: "ADMIN", shopIds: [] };
    await recordAuditEvent(tx, { actor, action: "platform.setup", after: { operatorId: operator.id, email: data.operatorEmail } });
    if (!data.merchant || !adminHash) return { operatorId: operator.id, merchant: null };

    const m = data.merchant;
    const company = await tx.company.create({ data: { name: m.companyName }, select: { id: true } });
    await recordAuditEvent(tx, { actor, action: "platform.company.create", companyId: company.id, after: { name: m.companyName } });
    const shop = await insertShopWithKeys(tx, {
      companyId: company.id,
      name: m.shopName,
      timeZone: "Europe/Paris",
      currencies: ["EUR"],
      languages: ["fr", "en"],
      defaultValidityDays: 7,
    });
    await recordAuditEvent(tx, {
      actor,
      action: "platform.shop.create",
      companyId: company.id,
      shopId: shop.id,
      after: { name: m.shopName },
    });
    const admin = await tx.user.create({
      data: { companyId: company.id, email: m.adminEmail, name: m.adminName, role: "ADMIN", allShops: true, passwordHash: adminHash },
      select: { id: true },
    });
    await recordAuditEvent(tx, {
      actor,
      action: "platform.company.admin_create",
      companyId: company.id,
      after: { userId: admin.id, email: m.adminEmail, role: "ADMIN", allShops: true },
    });
    return { operatorId: operator.id, merchant: { companyId: company.id, shopId: shop.id, adminId: admin.id, keys: shop.keys } };
  });
}
