// Factories shared by the seed and the tests: the same code builds demo data and test fixtures.
import { hashPassword } from "../lib/auth/password";
import type { Db } from "../lib/server/db";
import type { Role } from "../lib/server/generated/prisma/enums";
import { generateShopKeys, type ShopKeys, sealShopKeys } from "../lib/shops/shop-keys";

export async function createCompany(
  db: Db,
  data: { name: string; managerEmail?: string; smsCredits?: number; smsLowCreditThreshold?: number },
) {
  return db.company.create({
    data: {
      name: data.name,
      managerEmail: data.managerEmail ?? null,
      smsCredits: data.smsCredits ?? 0,
      smsLowCreditThreshold: data.smsLowCreditThreshold ?? null,
    },
  });
}

export async function createShop(
  db: Db,
  data: {
    id: string;
    companyId: string;
    name: string;
    keys?: Partial<ShopKeys>;
    timeZone?: string;
    defaultValidityDays?: number;
    currencies?: string[];
    languages?: string[];
    referenceMandatory?: boolean;
    url?: string;
    managerEmail?: string;
  },
) {
  const keys = { ...generateShopKeys(), ...data.keys };
  return db.shop.create({
    data: {
      id: data.id,
      companyId: data.companyId,
      name: data.name,
      url: data.url ?? null,
      managerEmail: data.managerEmail ?? null,
      timeZone: data.timeZone ?? "Europe/Paris",
      defaultValidityDays: data.defaultValidityDays ?? 7,
      currencies: data.currencies ?? ["EUR"],
      languages: data.languages ?? ["fr", "en"],
      referenceMandatory: data.referenceMandatory ?? false,
      ...sealShopKeys(keys),
    },
  });
}

export async function createUser(
  db: Db,
  data: {
    companyId: string;
    email: string;
    password: string;
    name: string;
    role: Role;
    shopIds: string[];
    locale?: string;
    allShops?: boolean;
  },
) {
  return db.user.create({
    data: {
      companyId: data.companyId,
      email: data.email.toLowerCase(),
      name: data.name,
      role: data.role,
      locale: data.locale ?? null,
      allShops: data.allShops ?? false,
      passwordHash: await hashPassword(data.password),
      access: { create: data.shopIds.map((shopId) => ({ shopId })) },
    },
  });
}
