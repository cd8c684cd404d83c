"use client";
import Link from "next/link";
import { useActionState, useState } from "react";
import { createUrlOrderAction, type FormState } from "@/app/(backoffice)/orders/actions";
import { createInvoiceOrderAction } from "@/app/(backoffice)/orders/invoice-actions";
import { AdvancedOrderFields } from "@/components/orders/advanced-order-fields";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ShopDefaults } from "@/lib/shops/find-shop-defaults";

const selectClass = "rounded-md border border-slate-400 bg-white px-3 py-2 text-base";

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
  if (!shop) return null;
  return (
    <form action={action} className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" noValidate>
      {state.fields || state.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          {state.error ? ((m as Record<string, string>)[state.error] ?? m.err_generic) : m.form_has_errors}
        </p>
      ) : null}
      <input type="hidden" name="mode" value={mode} />
      {shops.length > 1 && !submit ? (
        <Field id="shopId" label={m.field_shop} error={err("shopId")}>
          <select id="shopId" name="shopId" className={selectClass} value={shopId} onChange={(e) => setShopId(e.target.value)}>
            {shops.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.id})
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <input type="hidden" name="shopId" value={shop.id} />
      )}
      {invoice ? <p className="text-sm text-slate-700">{m.invoice_intro}</p> : null}
      <Field
        id="reference"
        label={shop.referenceMandatory || invoice ? m.field_reference : `${m.field_reference} (${m.optional})`}
        help={invoice ? m.invoice_field_reference_help : m.field_reference_help}
        error={err("reference")}
        defaultValue={v.reference}
        maxLength={64}
        required={shop.referenceMandatory || invoice}
        autoComplete="off"
      />
      <div className="grid grid-cols-[1fr_8rem] gap-3">
        <Field
          id="amount"
          label={m.field_amount}
          error={err("amount")}
          defaultValue={v.amount}
          inputMode="decimal"
          required
          autoComplete="off"
        />
        <Field id="currency" label={m.field_currency} error={err("currency")}>
          <select id="currency" name="currency" className={selectClass} defaultValue={v.currency ?? shop.currencies[0]}>
            {shop.currencies.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </Field>
      </div>
      {invoice ? (
        <Field
          id="description"
          label={`${m.invoice_field_description} (${m.optional})`}
          help={m.invoice_field_description_help}
          error={err("description")}
          defaultValue={v.description}
          maxLength={255}
          autoComplete="off"
        />
      ) : null}
      <Field
        id="validUntil"
        type="date"
        label={m.field_valid_until}
        help={m.field_valid_until_help}
        error={err("validUntil")}
        defaultValue={v.validUntil ?? shop.defaultValidUntil}
        min={shop.today}
        max={shop.maxValidUntil}
      />
      <Field
        id="buyerEmail"
        type="email"
        label={`${m.field_buyer_email} (${m.optional})`}
        error={err("buyerEmail")}
        defaultValue={v.buyerEmail}
        autoComplete="off"
      />
      <Field id="language" label={m.field_language} error={err("language")}>
        <select id="language" name="language" className={selectClass} defaultValue={v.language ?? shop.defaultLanguage}>
          {shop.languages.map((l) => (
            <option key={l} value={l}>
              {new Intl.DisplayNames([l], { type: "language" }).of(l)}
            </option>
          ))}
        </select>
      </Field>
      {submit?.recipient !== undefined ? (
        <Field
          id="recipient"
          type="email"
          label={m.field_recipient}
          help={m.field_recipient_help}
          error={err("recipient")}
          defaultValue={v.recipient ?? submit.recipient}
          autoComplete="off"
        />
      ) : null}
      {submit ? null : (
        <AdvancedOrderFields
          messages={m}
          shop={shop}
          values={v}
          error={err}
          hide={
            invoice
              ? ["description", "aliasMode", "dataCollectionForm", "remindersOptOut", "amountUpdate", "instalments"]
              : ["remindersOptOut"]
          }
        />
      )}
      <div className="flex gap-3">
        <button type="submit" className={buttonClass()} disabled={pending}>
          {submit?.label ?? m.create_submit}
        </button>
        <Link href={mode === "TEST" ? "/test-orders" : "/orders"} className={buttonClass("secondary")}>
          {m.cancel}
        </Link>
      </div>
    </form>
  );
}
