"use client";
import { useActionState, useRef, useState } from "react";
import { AdvancedOrderFields } from "@/components/orders/advanced-order-fields";
import { Field, SelectField, TextAreaField } from "@/components/ui/field";
import { fieldBinder, labelTexts } from "@/components/ui/field-binding";
import { FormAlert } from "@/components/ui/form-alert";
import { languageOptions } from "@/components/ui/select-options";
import type { Messages } from "@/lib/i18n/messages/types";
import { createUrlOrderAction, type FormState } from "@/lib/orders/actions";
import { createInvoiceOrderAction } from "@/lib/orders/invoice-actions";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";
import { ConnectorWarning } from "./connector-warning";
import { LinkTextField, type LinkTextValues } from "./link-text-field";
import { MailBodyField } from "./mail-body-field";
import { OrderBasicsFields } from "./order-common-fields";
import { DialogActions, ShopField } from "./order-dialog-parts";

type Props = {
  mode: "TEST" | "PRODUCTION";
  shops: ShopDefaults[];
  messages: Messages;
  /** Prefilled values ("create from", or the order being modified). */
  initial?: Record<string, string>;
  /** Another action than creation (modify and resend), with its button label. */
  submit?: {
    action: (prev: FormState, data: FormData) => Promise<FormState>;
    label: string;
    /** E-mail orders: their recipient, editable (a failed delivery is fixed and resent). */
    recipient?: string;
    /** What the buyer receives (issue 21): an e-mail's subject and body, an SMS/WhatsApp's number and text. */
    channel?: string;
    /** The advanced options this order no longer offers to change (see `fixedOptions`). */
    hide?: ("description" | "aliasMode" | "dataCollectionForm" | "remindersOptOut" | "amountUpdate" | "instalments")[];
  };
  /** The invoice dialog (F-CH-INVOICE): reference mandatory, the description a main field, no alias. */
  invoice?: boolean;
};

/** The simplified "order by URL" form; also the "modify and resend" form and the invoice dialog. */
export function CreateUrlOrderForm({ mode, shops, messages: m, initial, submit, invoice = false }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(
    submit?.action ?? (invoice ? createInvoiceOrderAction : createUrlOrderAction),
    {},
  );
  const [shopId, setShopId] = useState(state.values?.shopId ?? initial?.shopId ?? shops[0]?.id ?? "");
  const shop = shops.find((s) => s.id === shopId) ?? shops[0];
  const err = (k: string) => {
    const key = state.fields?.[k];
    return key ? ((m as Record<string, string>)[key] ?? key) : undefined;
  };
  const v = state.values ?? initial ?? {};
  const bind = fieldBinder(err, v);
  const texts = labelTexts(m);
  const formRef = useRef<HTMLFormElement>(null);
  // The URL dialog's link text previews with the values as typed (issue 21).
  const linkText = !submit && !invoice;
  const read = (): LinkTextValues => {
    const d = formRef.current ? new FormData(formRef.current) : null;
    const at = (k: string, fallback: string) => (d?.get(k) as string | null) ?? v[k] ?? fallback;
    return {
      reference: at("reference", ""),
      amount: at("amount", ""),
      currency: at("currency", shop?.currencies[0] ?? "EUR"),
      validUntil: at("validUntil", shop?.defaultValidUntil ?? ""),
      language: at("language", shop?.defaultLanguage ?? "fr"),
    };
  };
  const [typed, setTyped] = useState<LinkTextValues>(read);
  if (!shop) return null;
  return (
    <form
      ref={formRef}
      action={action}
      onChange={linkText ? () => setTyped(read()) : undefined}
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6"
      noValidate
    >
      {state.fields || state.error ? (
        <FormAlert>{state.error ? ((m as Record<string, string>)[state.error] ?? m.err_generic) : m.form_has_errors}</FormAlert>
      ) : null}
      <input type="hidden" name="mode" value={mode} />
      <ShopField
        shops={shops}
        choice={shops.length > 1 && !submit}
        value={shop.id}
        onChange={setShopId}
        label={m.field_shop}
        error={err("shopId")}
      />
      <ConnectorWarning mode={mode} shop={shop} messages={m} />
      {invoice ? <p className="text-sm text-slate-700">{m.invoice_intro}</p> : null}
      <OrderBasicsFields
        messages={m}
        shop={shop}
        values={v}
        error={err}
        reference={{
          required: shop.referenceMandatory || invoice,
          help: invoice ? m.invoice_field_reference_help : m.field_reference_help,
        }}
      >
        {invoice ? (
          <Field
            {...bind("description")}
            {...texts("invoice_field_description")}
            optional={m.optional}
            maxLength={255}
            autoComplete="off"
          />
        ) : null}
      </OrderBasicsFields>
      <Field {...bind("buyerEmail")} type="email" label={m.field_buyer_email} optional={m.optional} autoComplete="off" />
      <SelectField
        {...bind("language")}
        label={m.field_language}
        defaultValue={v.language ?? shop.defaultLanguage}
        options={languageOptions(shop.languages)}
      />
      {submit?.recipient !== undefined ? (
        <Field
          {...bind("recipient")}
          type="email"
          {...texts("field_recipient")}
          defaultValue={v.recipient ?? submit.recipient}
          autoComplete="off"
        />
      ) : null}
      {linkText ? <LinkTextField key={shop.id} messages={m} shop={shop} typed={typed} initial={v.message} error={err("message")} /> : null}
      {submit?.channel === "MAIL" ? (
        <>
          <Field {...bind("subject")} label={m.mail_field_subject} maxLength={255} autoComplete="off" />
          <MailBodyField messages={m} value={v.message ?? ""} error={err("message")} />
        </>
      ) : null}
      {submit?.channel === "SMS" || submit?.channel === "WHATSAPP" ? (
        <>
          <Field {...bind("phoneNumber")} type="tel" label={m.phone_field} required autoComplete="off" maxLength={40} />
          <TextAreaField
            {...bind("message")}
            label={m.phone_field_message}
            help={submit.channel === "SMS" ? m.smsd_message_help : m.wa_message_help}
            rows={5}
            maxLength={submit.channel === "SMS" ? 1000 : 4096}
          />
        </>
      ) : null}
      {submit ? (
        <>
          <input type="hidden" name="advanced" value="1" />
          <AdvancedOrderFields messages={m} shop={shop} values={v} error={err} hide={submit.hide ?? ["instalments"]} />
        </>
      ) : (
        <AdvancedOrderFields
          messages={m}
          shop={shop}
          values={v}
          error={err}
          unsupported={shop.connectorLimits[mode].unsupported}
          hide={
            invoice
              ? ["description", "aliasMode", "dataCollectionForm", "remindersOptOut", "amountUpdate", "instalments"]
              : ["remindersOptOut"]
          }
        />
      )}
      <DialogActions mode={mode} label={submit?.label ?? m.create_submit} pending={pending} messages={m} />
    </form>
  );
}
