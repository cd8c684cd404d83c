"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type CompanySettingsState, type CompanySettingsValues, updateCompanySettingsAction } from "@/lib/companies/actions";
import type { CompanySettingsView } from "@/lib/companies/get-company-settings";
import { MAX_SMS_THRESHOLD } from "@/lib/companies/limits";
import type { Messages } from "@/lib/i18n/messages/types";

const MASK = "••••••••";
// The error summary links each bad field to its input.
const LABELS: Record<string, string> = {
  name: "company_name",
  managerEmail: "company_manager_email",
  smsProviderUrl: "company_sms_url",
  smsLogin: "company_sms_login",
  smsPassword: "company_sms_password",
  smsSender: "company_sms_sender",
  smsNotifyPhone: "company_sms_notify_phone",
  smsLowCreditThreshold: "company_sms_threshold",
};

/**
 * Settings › Company: the company and its SMS account in one form; read-only (disabled, no save
 * button, credentials masked) for operators and viewers. The password is write-only: a stored one
 * shows as a mask with a "change" button that opens an empty field.
 */
export function CompanySettingsForm({ view, messages: m }: { view: CompanySettingsView; messages: Messages }) {
  const form = useFormAnswer(updateCompanySettingsAction, m);
  const { state, text: msg, err } = form;
  // "Change the password" holds until the next answer of the action (a save closes the field again).
  const [changingFor, setChangingFor] = useState<CompanySettingsState | null>(null);
  const changingPassword = changingFor === state;
  const readOnly = !view.canEdit;
  const s = view.settings;
  // After a save or an error, the form shows what was submitted (React resets the form to its defaults).
  const v: CompanySettingsValues = state.values ?? {
    name: s.name,
    managerEmail: s.managerEmail ?? "",
    smsProviderUrl: s.smsProviderUrl ?? "",
    smsLogin: s.smsLogin ?? "",
    smsSender: s.smsSender ?? "",
    smsNotifyPhone: s.smsNotifyPhone ?? "",
    smsLowCreditThreshold: s.smsLowCreditThreshold === null ? "" : String(s.smsLowCreditThreshold),
  };
  const bind = fieldBinder(err, v);
  const texts = labelTexts(m);
  const passwordInput = !readOnly && (changingPassword || !view.hasPassword || Boolean(err("smsPassword")));
  return (
    <SettingsForm
      form={form}
      readOnly={readOnly}
      target={(f) => ({ id: f, label: msg(LABELS[f] ?? f) })}
      status={state.saved ? m[state.saved === "changed" ? "company_saved" : "company_unchanged"] : ""}
      submit={{ label: m.company_save }}
    >
      <SettingsSection id="company" title={m.company_section_identity}>
        <Field {...bind("name")} {...texts("company_name")} maxLength={100} required />
        <Field {...bind("managerEmail")} type="email" {...texts("company_manager_email")} optional={m.optional} />
      </SettingsSection>
      <SettingsSection id="sms" title={m.company_section_sms}>
        <p className="text-sm text-slate-700">{m.company_sms_intro}</p>
        <p className="rounded-md bg-brand-50 p-3 text-sm text-slate-800" data-testid="sms-gateway">
          {msg(`company_gateway_${view.gateway}`)}
        </p>
        <Field {...bind("smsProviderUrl")} type="url" {...texts("company_sms_url")} optional={m.optional} maxLength={255} />
        {readOnly ? (
          <Field
            id="smsLogin"
            label={m.company_sms_login}
            defaultValue={view.hasLogin ? MASK : ""}
            help={view.hasLogin ? m.company_secret_hidden : undefined}
          />
        ) : (
          <Field {...bind("smsLogin")} {...texts("company_sms_login")} maxLength={100} autoComplete="off" />
        )}
        {passwordInput ? (
          <div className="flex flex-col gap-2">
            <Field
              id="smsPassword"
              type="password"
              {...texts("company_sms_password")}
              error={err("smsPassword")}
              maxLength={200}
              autoComplete="new-password"
            />
            {view.hasPassword ? (
              <div>
                <button type="button" className={buttonClass("secondary")} onClick={() => setChangingFor(null)}>
                  {m.company_sms_password_keep}
                </button>
              </div>
            ) : null}
          </div>
        ) : (
          <div className="flex flex-col gap-1">
            <p className="text-sm font-medium text-slate-800" id="smsPassword-label">
              {m.company_sms_password}
            </p>
            <div className="flex flex-wrap items-center gap-3">
              <span className="font-mono text-slate-800" aria-describedby="smsPassword-label" data-testid="sms-password-mask">
                {view.hasPassword ? `${MASK} (${m.company_sms_password_set})` : m.company_sms_password_none}
              </span>
              {readOnly ? null : (
                <button type="button" className={buttonClass("secondary")} onClick={() => setChangingFor(state)}>
                  {m.company_sms_password_change}
                </button>
              )}
            </div>
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field {...bind("smsSender")} {...texts("company_sms_sender")} optional={m.optional} maxLength={16} />
          <Field
            {...bind("smsNotifyPhone")}
            type="tel"
            {...texts("company_sms_notify_phone")}
            optional={m.optional}
            autoComplete="tel"
            maxLength={40}
          />
        </div>
        <Field
          {...bind("smsLowCreditThreshold")}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_SMS_THRESHOLD}
          {...texts("company_sms_threshold")}
          optional={m.optional}
        />
      </SettingsSection>
    </SettingsForm>
  );
}
