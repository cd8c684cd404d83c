"use server";
// Server actions of Settings › Company: read the form, call one use case (authedAction), map the result.
import { revalidatePath } from "next/cache";
import { authedAction } from "../auth/authed-action";
import { addTestSmsCredits } from "./add-test-sms-credits";
import type { CompanySettingsInput } from "./schemas";
import { updateCompanySettings } from "./update-company-settings";

/** The submitted values, as typed (shown again after an error) — never the password. */
export type CompanySettingsValues = Record<Exclude<keyof CompanySettingsInput, "smsPassword">, string>;
export type CompanySettingsState = {
  fields?: Record<string, string>;
  error?: string;
  values?: CompanySettingsValues;
  saved?: "changed" | "unchanged";
};

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export const updateCompanySettingsAction = authedAction({
  read: (_prev: CompanySettingsState, formData: FormData) => {
    const values: CompanySettingsValues = {
      name: text(formData, "name"),
      managerEmail: text(formData, "managerEmail"),
      smsProviderUrl: text(formData, "smsProviderUrl"),
      smsLogin: text(formData, "smsLogin"),
      smsSender: text(formData, "smsSender"),
      smsNotifyPhone: text(formData, "smsNotifyPhone"),
      smsLowCreditThreshold: text(formData, "smsLowCreditThreshold"),
    };
    return { values, smsPassword: text(formData, "smsPassword") };
  },
  run: (db, { actor, values, smsPassword }) => updateCompanySettings(db, { actor, settings: { ...values, smsPassword } }),
  done: ({ changed }, { values }): CompanySettingsState => {
    revalidatePath("/settings/company");
    return { values, saved: changed.length ? "changed" : "unchanged" };
  },
  refused: ({ fields, error }, { values }): CompanySettingsState => ({ fields, error, values }),
});

export type TestCreditsState = { credits?: number; error?: string };

export const addTestSmsCreditsAction = authedAction({
  read: (_prev: TestCreditsState, _formData: FormData) => ({}),
  run: (db, { actor }) => addTestSmsCredits(db, { actor }),
  done: ({ credits }): TestCreditsState => {
    revalidatePath("/settings/company");
    return { credits };
  },
  refused: ({ error }): TestCreditsState => ({ error }),
});
