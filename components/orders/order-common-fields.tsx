import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";

const selectClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

type Props = {
  messages: Messages;
  shop: ShopDefaults;
  error: (field: string) => string | undefined;
  language: { label: string; value: string; onChange: (language: string) => void };
  template: {
    label: string;
    help: string;
    defaultLabel: string;
    value: string;
    options: { id: string; name: string }[];
    onChange: (templateId: string) => void;
  };
};

/**
 * The fields the e-mail, SMS and WhatsApp dialogs share: reference, amount and currency, validity
 * end, message language and template (each dialog keeps its own labels and its template loading).
 */
export function OrderCommonFields({ messages: m, shop, error: err, language, template }: Props) {
  return (
    <>
      <Field
        id="reference"
        label={shop.referenceMandatory ? m.field_reference : `${m.field_reference} (${m.optional})`}
        help={m.field_reference_help}
        error={err("reference")}
        maxLength={64}
        required={shop.referenceMandatory}
        autoComplete="off"
      />
      <div className="grid grid-cols-[1fr_8rem] gap-3">
        <Field id="amount" label={m.field_amount} error={err("amount")} inputMode="decimal" required autoComplete="off" />
        <Field id="currency" label={m.field_currency} error={err("currency")}>
          <select key={shop.id} id="currency" name="currency" className={selectClass} defaultValue={shop.currencies[0]}>
            {shop.currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
      </div>
      <Field
        key={`validity-${shop.id}`}
        id="validUntil"
        type="date"
        label={m.field_valid_until}
        help={m.field_valid_until_help}
        error={err("validUntil")}
        defaultValue={shop.defaultValidUntil}
        min={shop.today}
        max={shop.maxValidUntil}
      />
      <Field id="language" label={language.label} error={err("language")}>
        <select
          id="language"
          name="language"
          className={selectClass}
          value={language.value}
          onChange={(e) => language.onChange(e.target.value)}
        >
          {shop.languages.map((l) => (
            <option key={l} value={l}>
              {new Intl.DisplayNames([l], { type: "language" }).of(l)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="templateId" label={template.label} help={template.help} error={err("templateId")}>
        <select
          id="templateId"
          name="templateId"
          className={selectClass}
          value={template.value}
          onChange={(e) => template.onChange(e.target.value)}
          aria-describedby="templateId-help"
        >
          <option value="">{template.defaultLabel}</option>
          {template.options.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
