"use server";
// Server actions of Settings › Company: authenticate, read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/session";
import { addTestSmsCredits } from "@/lib/companies/add-test-sms-credits";
import type { CompanySettingsInput } from "@/lib/companies/schemas";
import { updateCompanySettings } from "@/lib/companies/update-company-settings";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

/** The submitted values, as typed (shown again after an error) — never the password. */
export type CompanySettingsValues = Record<Exclude<keyof CompanySettingsInput, "smsPassword">, string>;
export type CompanySettingsState = {
  fields?: Record<string, string>;
  error?: string;
  values?: CompanySettingsValues;
  saved?: "changed" | "unchanged";
};

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

export async function updateCompanySettingsAction(_prev: CompanySettingsState, formData: FormData): Promise<CompanySettingsState> {
  const { actor } = await requireSession();
  const values: CompanySettingsValues = {
    name: text(formData, "name"),
    managerEmail: text(formData, "managerEmail"),
    smsProviderUrl: text(formData, "smsProviderUrl"),
    smsLogin: text(formData, "smsLogin"),
    smsSender: text(formData, "smsSender"),
    smsNotifyPhone: text(formData, "smsNotifyPhone"),
    smsLowCreditThreshold: text(formData, "smsLowCreditThreshold"),
  };
  try {
    const { changed } = await updateCompanySettings(getDb(), {
      actor,
      settings: { ...values, smsPassword: text(formData, "smsPassword") },
    });
    revalidatePath("/settings/company");
    return { values, saved: changed.length ? "changed" : "unchanged" };
  } catch (e) {
    if (isAppError(e) && e.code === "VALIDATION") return { fields: e.fields, values };
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden", values };
    throw e;
  }
}

export type TestCreditsState = { credits?: number; error?: string };

export async function addTestSmsCreditsAction(_prev: TestCreditsState, _formData: FormData): Promise<TestCreditsState> {
  const { actor } = await requireSession();
  try {
    const { credits } = await addTestSmsCredits(getDb(), { actor });
    revalidatePath("/settings/company");
    return { credits };
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden" };
    if (isAppError(e) && e.code === "CONFLICT") return { error: e.publicMessage };
    throw e;
  }
}
