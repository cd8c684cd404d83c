"use client";
import { Field, SelectField } from "@/components/ui/field";
import { fieldBinder } from "@/components/ui/field-binding";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type AccountFormState, updateProfileAction } from "@/lib/account/actions";
import type { Messages } from "@/lib/i18n/messages/types";

const LABELS: Record<string, "account_name" | "account_language"> = { name: "account_name", locale: "account_language" };

/** My account › Profile: name and interface language (the back office switches to it on save). */
export function ProfileForm({ profile, messages: m }: { profile: { name: string; email: string; locale: string }; messages: Messages }) {
  const form = useFormAnswer<AccountFormState>(updateProfileAction, m);
  const { state, err } = form;
  const bind = fieldBinder(err, state.values ?? profile);
  return (
    <SettingsForm
      form={form}
      readOnly={false}
      target={(f) => ({ id: f, label: m[LABELS[f] ?? "account_name"] })}
      status={state.saved ? m.account_saved : ""}
      submit={{ label: m.account_save, testId: "profile-save" }}
      testId="profile-form"
    >
      <SettingsSection id="profile" title={m.account_section_profile}>
        <Field id="email" label={m.account_email} defaultValue={profile.email} readOnly disabled />
        <Field {...bind("name")} label={m.account_name} maxLength={100} autoComplete="name" required />
        <SelectField
          {...bind("locale")}
          label={m.account_language}
          options={[
            { value: "fr", label: m.account_language_fr },
            { value: "en", label: m.account_language_en },
          ]}
        />
      </SettingsSection>
    </SettingsForm>
  );
}
