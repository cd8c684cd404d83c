"use client";
import { Field } from "@/components/ui/field";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type AccountFormState, changePasswordAction } from "@/lib/account/actions";
import type { Messages } from "@/lib/i18n/messages/types";

const LABELS = {
  currentPassword: "account_current_password",
  newPassword: "account_new_password",
  confirmPassword: "account_confirm_password",
} as const;

/** My account › Password: current one, new one twice; on success every other session is signed out. */
export function PasswordForm({ messages: m }: { messages: Messages }) {
  const form = useFormAnswer<AccountFormState>(changePasswordAction, m);
  const { state, err } = form;
  return (
    <SettingsForm
      form={form}
      readOnly={false}
      target={(f) => ({ id: f, label: m[LABELS[f as keyof typeof LABELS] ?? "account_new_password"] })}
      status={state.saved ? m.account_password_changed : ""}
      submit={{ label: m.account_change_password, testId: "password-save" }}
      testId="password-form"
    >
      <SettingsSection id="password" title={m.account_section_password}>
        {(Object.keys(LABELS) as (keyof typeof LABELS)[]).map((f) => (
          <Field
            key={`${f}-${state.saved ? "done" : "editing"}`}
            id={f}
            type="password"
            label={m[LABELS[f]]}
            help={f === "newPassword" ? m.account_new_password_help : undefined}
            error={err(f)}
            autoComplete={f === "currentPassword" ? "current-password" : "new-password"}
            maxLength={200}
            required
          />
        ))}
      </SettingsSection>
    </SettingsForm>
  );
}
