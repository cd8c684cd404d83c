"use server";
// The first run's form (/setup/<token>), reached without a session: the link's token is the right.
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import type { ShopKeys } from "../shops/shop-keys";
import { completeSetup } from "./complete-setup";

export type SetupValues = Record<"operatorName" | "operatorEmail" | "companyName" | "shopName" | "adminName" | "adminEmail", string> & {
  withMerchant: boolean;
};
export type SetupState = {
  fields?: Record<string, string>;
  error?: string;
  values?: SetupValues;
  done?: { operatorEmail: string; merchant: { shopId: string; adminEmail: string; keys: ShopKeys } | null };
};

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 1000);

export async function completeSetupAction(_prev: SetupState, formData: FormData): Promise<SetupState> {
  const values: SetupValues = {
    operatorName: text(formData, "operatorName"),
    operatorEmail: text(formData, "operatorEmail"),
    withMerchant: formData.get("withMerchant") === "1",
    companyName: text(formData, "companyName"),
    shopName: text(formData, "shopName"),
    adminName: text(formData, "adminName"),
    adminEmail: text(formData, "adminEmail"),
  };
  try {
    const r = await completeSetup(getDb(), {
      token: text(formData, "token"),
      operatorName: values.operatorName,
      operatorEmail: values.operatorEmail,
      operatorPassword: text(formData, "operatorPassword"),
      merchant: values.withMerchant
        ? {
            companyName: values.companyName,
            shopName: values.shopName,
            adminName: values.adminName,
            adminEmail: values.adminEmail,
            adminPassword: text(formData, "adminPassword"),
          }
        : null,
    });
    return {
      done: {
        operatorEmail: values.operatorEmail.toLowerCase(),
        merchant: r.merchant ? { shopId: r.merchant.shopId, adminEmail: values.adminEmail.toLowerCase(), keys: r.merchant.keys } : null,
      },
    };
  } catch (e) {
    if (!isAppError(e)) throw e;
    if (e.fields) return { fields: e.fields, values };
    return { error: e.publicMessage.startsWith("err_") ? e.publicMessage : "err_generic", values };
  }
}
