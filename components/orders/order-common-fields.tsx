import type { ReactNode } from "react";
import { Field, SelectField } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { languageOptions } from "@/components/ui/select-options";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";

type Error = (field: string) => string | undefined;

/**
 * Every order dialog's first fields: reference (mandatory where the shop says so), amount and
 * currency, validity end. `keyed`: the currency and the validity start again from the shop's
 * defaults when the shop changes. `children` come between the amount and the validity.
 */
export function OrderBasicsFields({
  messages: m,
  shop,
  values = {},
  error: err,
  reference = { required: shop.referenceMandatory, help: m.field_reference_help },
  keyed = false,
  children,
}: {
  messages: Messages;
  shop: ShopDefaults;
  values?: Record<string, string | undefined>;
  error: Error;
  reference?: { required: boolean; help: string };
  keyed?: boolean;
  children?: ReactNode;
}) {
  const bind = fieldBinder(err, values);
  return (
    <>
      <Field
        {...bind("reference")}
        label={m.field_reference}
        optional={reference.required ? undefined : m.optional}
        help={reference.help}
        maxLength={64}
        required={reference.required}
        autoComplete="off"
      />
      <div className="grid grid-cols-[1fr_8rem] gap-3">
        <Field {...bind("amount")} label={m.field_amount} inputMode="decimal" required autoComplete="off" />
        <SelectField
          key={keyed ? shop.id : undefined}
          {...bind("currency")}
          label={m.field_currency}
          defaultValue={values.currency ?? shop.currencies[0]}
          options={shop.currencies.map((c) => ({ value: c, label: c }))}
        />
      </div>
      {children}
      <Field
        key={keyed ? `validity-${shop.id}` : undefined}
        {...bind("validUntil")}
        type="date"
        {...labelTexts(m)("field_valid_until")}
        defaultValue={values.validUntil ?? shop.defaultValidUntil}
        min={shop.today}
        max={shop.maxValidUntil}
      />
    </>
  );
}

type Props = {
  messages: Messages;
  shop: ShopDefaults;
  error: Error;
  /** "Create from": the source order's values. */
  values?: Record<string, string | undefined>;
  /** Whose labels: the e-mail dialog's (`mail_…`) or the SMS and WhatsApp dialog's (`phone_…`). */
  dialog: "mail" | "phone";
  language: { value: string; onChange: (language: string) => void };
  template: { value: string; options: { id: string; name: string }[]; onChange: (templateId: string) => void };
};

/**
 * The fields the e-mail, SMS and WhatsApp dialogs share: the basics, then the message language
 * and template (each dialog has its own labels, `dialog`, and its template loading).
 */
export function OrderCommonFields({ messages: m, shop, error: err, values, dialog, language, template }: Props) {
  return (
    <>
      <OrderBasicsFields messages={m} shop={shop} error={err} values={values} keyed />
      <SelectField
        id="language"
        label={m[`${dialog}_field_language`]}
        error={err("language")}
        value={language.value}
        onChange={(e) => language.onChange(e.target.value)}
        options={languageOptions(shop.languages)}
      />
      <SelectField
        id="templateId"
        label={m[`${dialog}_field_template`]}
        help={m[`${dialog}_template_help`]}
        error={err("templateId")}
        value={template.value}
        onChange={(e) => template.onChange(e.target.value)}
        placeholder={m[`${dialog}_template_default`]}
        options={template.options.map((t) => ({ value: t.id, label: t.name }))}
      />
    </>
  );
}
