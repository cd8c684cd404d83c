"use server";
// Server action of Settings › Shop: read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { authedAction } from "../auth/authed-action";
import type { ShopSettingsInput } from "./schemas";
import { updateShopSettings } from "./update-shop-settings";

/** The submitted values, as typed (shown again after an error). */
export type ShopSettingsValues = Record<Exclude<keyof ShopSettingsInput, "remindersPolicy">, string | string[] | boolean> & {
  remindersPolicy: ReminderPolicyValues;
};
export type ReminderPolicyValues = { enabled: boolean; steps: string; quietStart: string; quietEnd: string };
export type ShopSettingsState = {
  fields?: Record<string, string>;
  error?: string;
  values?: ShopSettingsValues;
  saved?: "changed" | "unchanged";
};

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

const valuesOf = (formData: FormData): ShopSettingsValues => ({
  name: text(formData, "name"),
  url: text(formData, "url"),
  managerEmail: text(formData, "managerEmail"),
  defaultValidityDays: text(formData, "defaultValidityDays"),
  referenceMandatory: formData.get("referenceMandatory") === "on",
  defaultValidationMode: text(formData, "defaultValidationMode"),
  defaultCaptureDelay: text(formData, "defaultCaptureDelay"),
  timeZone: text(formData, "timeZone"),
  languages: formData.getAll("languages").map(String),
  defaultLanguage: text(formData, "defaultLanguage"),
  currencies: formData.getAll("currencies").map(String),
  acceptedBrands: formData.getAll("acceptedBrands").map(String),
  apiRequestsPerMinute: text(formData, "apiRequestsPerMinute"),
  apiTestRecipientsPerHour: text(formData, "apiTestRecipientsPerHour"),
  remindersPolicy: {
    enabled: formData.get("remindersEnabled") === "on",
    steps: text(formData, "reminderSteps"),
    quietStart: text(formData, "quietStart"),
    quietEnd: text(formData, "quietEnd"),
  },
});

export const updateShopSettingsAction = authedAction({
  read: (_prev: ShopSettingsState, formData: FormData) => ({ shopId: text(formData, "shopId"), values: valuesOf(formData) }),
  run: (db, { actor, shopId, values }) => updateShopSettings(db, { actor, shopId, settings: values }),
  done: ({ changed }, { values }): ShopSettingsState => {
    revalidatePath("/settings/shop");
    revalidatePath("/orders/new");
    return { values, saved: changed.length ? "changed" : "unchanged" };
  },
  refused: ({ fields, error }, { values }): ShopSettingsState => ({ fields, error, values }),
});
