"use client";
import { CheckboxField } from "@/components/ui/field";
import { SettingsForm, SettingsSection } from "@/components/ui/settings-form";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { setTwoFactorRequirementAction, type TwoFactorRequirementState } from "@/lib/companies/two-factor-actions";
import type { Messages } from "@/lib/i18n/messages/types";

/** Settings › Company › Security: require two-step sign-in of every user (administrators; others read it). */
export function TwoFactorRequirementForm({ required, canEdit, messages: m }: { required: boolean; canEdit: boolean; messages: Messages }) {
  const form = useFormAnswer<TwoFactorRequirementState>(setTwoFactorRequirementAction, m);
  return (
    <SettingsForm
      form={form}
      readOnly={!canEdit}
      target={() => ({ id: "required", label: m.company_two_factor_required })}
      status={form.state.saved ? m.company_two_factor_saved : ""}
      submit={{ label: m.company_two_factor_save, testId: "two-factor-requirement-save" }}
      testId="two-factor-requirement-form"
    >
      <SettingsSection id="security" title={m.company_section_security}>
        <CheckboxField
          id="required"
          label={m.company_two_factor_required}
          help={m.company_two_factor_help}
          defaultChecked={form.state.required ?? required}
        />
      </SettingsSection>
    </SettingsForm>
  );
}
