"use client";
import { Field } from "@/components/ui/field";
import { SettingsForm } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type AccountFormState, disableTwoFactorAction } from "@/lib/account/actions";
import type { Messages } from "@/lib/i18n/messages/types";

/** Turning two-step sign-in off: the password and a code from the app (or a recovery code). */
export function DisableTwoFactorForm({ messages: m }: { messages: Messages }) {
  const form = useFormAnswer<AccountFormState>(disableTwoFactorAction, m);
  const { state, err } = form;
  return (
    <SettingsForm
      form={form}
      readOnly={false}
      target={(f) => ({ id: `disable-${f}`, label: f === "code" ? m.two_factor_code : m.account_current_password })}
      status={state.saved ? m.two_factor_disabled_done : undefined}
      submit={{ label: m.two_factor_disable, testId: "two-factor-disable" }}
      testId="two-factor-disable-form"
    >
      <Field
        id="disable-password"
        name="password"
        type="password"
        label={m.account_current_password}
        error={err("password")}
        autoComplete="current-password"
        required
      />
      <Field
        id="disable-code"
        name="code"
        label={m.two_factor_code}
        error={err("code")}
        autoComplete="one-time-code"
        inputMode="text"
        required
      />
    </SettingsForm>
  );
}
