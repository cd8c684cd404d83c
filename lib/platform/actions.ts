"use server";
// Server actions of the platform console (/platform): read the form, call one use case
// (authedAction: session and zod; the use case checks the platform operator), map the result.
import { revalidatePath } from "next/cache";
import { authedAction } from "../auth/authed-action";
import type { ShopKeys } from "../shops/shop-keys";
import { createPlatformShop } from "./create-platform-shop";
import { inviteCompanyAdmin } from "./invite-company-admin";
import { createPlatformCompany, renamePlatformCompany, setCompanySuspended } from "./manage-companies";

export type PlatformFormState = { fields?: Record<string, string>; error?: string; values?: Record<string, string>; ok?: string };
export type NewShopState = PlatformFormState & { created?: { shopId: string; keys: ShopKeys } };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 1000);
const list = (s: string) =>
  s
    .split(/[\s,;]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export const createCompanyAction = authedAction({
  role: "ADMIN",
  read: (_prev: PlatformFormState, formData: FormData) => ({ name: text(formData, "name") }),
  run: (db, { actor, name }) => createPlatformCompany(db, { actor, name }),
  done: (): PlatformFormState => {
    revalidatePath("/platform");
    return { ok: "platform_company_created" };
  },
  refused: ({ fields, error }, values): PlatformFormState => ({ fields, error, values }),
});

export const renameCompanyAction = authedAction({
  role: "ADMIN",
  read: (_prev: PlatformFormState, formData: FormData) => ({ companyId: text(formData, "companyId"), name: text(formData, "name") }),
  run: (db, { actor, companyId, name }) => renamePlatformCompany(db, { actor, companyId, name }),
  done: (_r, values): PlatformFormState => {
    revalidatePath("/platform", "layout");
    return { ok: "platform_renamed", values };
  },
  refused: ({ fields, error }, values): PlatformFormState => ({ fields, error, values }),
});

export const suspendCompanyAction = authedAction({
  role: "ADMIN",
  read: (_prev: PlatformFormState, formData: FormData) => ({
    companyId: text(formData, "companyId"),
    suspended: text(formData, "suspended") === "1",
  }),
  run: (db, { actor, companyId, suspended }) => setCompanySuspended(db, { actor, companyId, suspended }),
  done: (): PlatformFormState => {
    revalidatePath("/platform", "layout");
    return {};
  },
  refused: ({ error, fields }): PlatformFormState => ({ error: error ?? Object.values(fields ?? {})[0] }),
});

export const createShopAction = authedAction({
  role: "ADMIN",
  read: (_prev: NewShopState, formData: FormData) => ({
    companyId: text(formData, "companyId"),
    name: text(formData, "name"),
    timeZone: text(formData, "timeZone"),
    currencies: text(formData, "currencies"),
    languages: text(formData, "languages"),
    defaultValidityDays: text(formData, "defaultValidityDays"),
  }),
  run: (db, { actor, ...v }) =>
    createPlatformShop(db, {
      actor,
      companyId: v.companyId,
      name: v.name,
      timeZone: v.timeZone,
      currencies: list(v.currencies).map((c) => c.toUpperCase()),
      languages: list(v.languages).map((l) => l.toLowerCase()),
      defaultValidityDays: v.defaultValidityDays,
    }),
  done: (created): NewShopState => {
    revalidatePath("/platform", "layout");
    return { created };
  },
  refused: ({ fields, error }, values): NewShopState => ({ fields, error, values }),
});

export const inviteCompanyAdminAction = authedAction({
  role: "ADMIN",
  read: (_prev: PlatformFormState, formData: FormData) => ({
    companyId: text(formData, "companyId"),
    name: text(formData, "name"),
    email: text(formData, "email"),
    locale: text(formData, "locale") === "en" ? ("en" as const) : ("fr" as const),
  }),
  run: (db, { actor, ...v }) => inviteCompanyAdmin(db, { actor, ...v }),
  done: (_r, values): PlatformFormState => {
    revalidatePath("/platform", "layout");
    return { ok: "platform_invited", values: { email: values.email.toLowerCase() } };
  },
  refused: ({ fields, error }, values): PlatformFormState => ({ fields, error, values }),
});
