import { Field, SelectField } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { RadioGroup } from "@/components/ui/radio-group";
import { SettingsSection } from "@/components/ui/settings-form";
import type { Messages } from "@/lib/i18n/messages/types";
import { HASH_KEYS } from "@/lib/notifications/events";
import type { RuleFormValues } from "@/lib/notifications/rules/actions";
import { EMAIL_TARGETS, RULE_FORMATS } from "@/lib/notifications/rules/options";

// The parts of the rule form that depend on its kind; rendered inside the client form (rule-form.tsx).

export type RuleTemplateChoice = { id: string; label: string };

type Common = { v: RuleFormValues; err: (field: string) => string | undefined; m: Messages };
const text = (m: Messages, key: string) => (m as Record<string, string>)[key] ?? key;

/** A URL call rule: its TEST and PRODUCTION URLs, format and (REST) signing key. */
export function RuleUrlFields({ v, err, m, format, onFormat }: Common & { format: string; onFormat: (format: string) => void }) {
  const msg = (key: string) => text(m, key);
  const texts = labelTexts(m);
  const bind = fieldBinder(err, v);
  return (
    <>
      <SettingsSection id="urls" title={m.nrule_section_urls}>
        <p className="-mt-2 text-xs text-slate-600">{m.nrule_urls_help}</p>
        <Field key={`test-${v.urlTest}`} {...bind("urlTest")} type="url" {...texts("nrule_url_test")} placeholder="https://" />
        <Field key={`prod-${v.urlProd}`} {...bind("urlProd")} type="url" {...texts("nrule_url_prod")} placeholder="https://" />
      </SettingsSection>
      <SettingsSection id="format" title={m.nrule_section_format}>
        <RadioGroup
          name="format"
          legend={m.nrule_format}
          options={RULE_FORMATS.map((f) => ({ value: f, label: msg(`nrule_format_${f}`), help: msg(`nrule_format_${f}_help`) }))}
          value={format}
          onChange={onFormat}
          error={err("format")}
        />
        <SelectField
          key={`hash-${v.hashKey}`}
          id="hashKey"
          {...texts("nrule_hash_key")}
          error={err("hashKey")}
          defaultValue={v.hashKey || "password"}
          disabled={format !== "REST"}
          options={HASH_KEYS.map((k) => ({ value: k, label: msg(`nrule_hash_key_${k}`) }))}
        />
      </SettingsSection>
      {format === "REST" ? (
        <SettingsSection id="form-urls" title={m.nrule_section_form_urls}>
          <p className="-mt-2 text-xs text-slate-600">{m.nrule_form_urls_help}</p>
          <Field
            key={`ftest-${v.formUrlTest}`}
            {...bind("formUrlTest")}
            type="url"
            {...texts("nrule_form_url_test")}
            optional={m.optional}
            placeholder="https://"
          />
          <Field
            key={`fprod-${v.formUrlProd}`}
            {...bind("formUrlProd")}
            type="url"
            {...texts("nrule_form_url_prod")}
            optional={m.optional}
            placeholder="https://"
          />
        </SettingsSection>
      ) : null}
    </>
  );
}

/** An e-mail rule: its recipient (buyer, merchant or an address) and template. */
export function RuleEmailFields({
  v,
  err,
  m,
  target,
  onTarget,
  templates,
}: Common & { target: string; onTarget: (target: string) => void; templates: RuleTemplateChoice[] }) {
  const msg = (key: string) => text(m, key);
  const texts = labelTexts(m);
  const bind = fieldBinder(err, v);
  return (
    <SettingsSection id="recipient" title={m.nrule_section_recipient}>
      <RadioGroup
        name="emailTarget"
        legend={m.nrule_email_target}
        options={[...EMAIL_TARGETS, "ADDRESS" as const].map((t) => ({ value: t, label: msg(`nrule_email_target_${t}`) }))}
        value={target}
        onChange={onTarget}
        error={target !== "ADDRESS" ? err("emailTarget") : undefined}
      />
      {target === "ADDRESS" ? (
        <Field
          key={`address-${v.emailAddress}`}
          id="emailAddress"
          type="email"
          label={m.nrule_email_address}
          error={err("emailTarget")}
          defaultValue={v.emailAddress}
        />
      ) : null}
      <SelectField
        key={`tpl-${v.templateId}`}
        {...bind("templateId")}
        {...texts("nrule_template")}
        optional={m.optional}
        placeholder={m.nrule_template_builtin}
        options={templates.map((t) => ({ value: t.id, label: t.label }))}
      />
    </SettingsSection>
  );
}
