// The data collection form's buyer pages: the shop's fields for one order, and the public
// invoice lookup (F-ORD-5, F-CH-INVOICE).
import { type FieldConfig, isCustomField, type StandardField } from "../collect-form/config";
import type { PageLanguage } from "../i18n/locales";
import { fill, payMessages } from "../i18n/messages/pay";
import type { PaymentPage } from "../payments/get-payment-page";
import { Document, Field, type PageAssets, pageFigures, Shell, Summary, text, toHtml } from "./page-parts";

const AUTOCOMPLETE: Record<StandardField, string> = {
  title: "honorific-prefix",
  firstName: "given-name",
  lastName: "family-name",
  email: "email",
  phone: "tel",
  address: "street-address",
  postcode: "postal-code",
  city: "address-level2",
  country: "country-name",
};

/** The shop's data collection form for one order (F-ORD-5): the buyer's details before the card. */
export function renderDetailsPage(input: {
  token: string;
  page: PaymentPage;
  lang: PageLanguage;
  chosen: PageLanguage | null;
  fields: FieldConfig[];
  values?: Record<string, string>;
  errors?: Record<string, string>;
  assets: PageAssets;
}): string {
  const { token, page, lang, chosen, fields, values, errors, assets } = input;
  const m = payMessages(lang);
  const { amount, until } = pageFigures(page, lang);
  const action = `/pay/${encodeURIComponent(token)}/details`;
  return toHtml(
    <Document lang={lang} title={m.collect_title} assets={assets}>
      <Shell href={(l) => `${action}?lang=${l}`} lang={lang} m={m}>
        <Summary page={page} m={m} amount={amount} until={until} />
        <form method="post" action={action} className="card-form" noValidate data-outcome="details">
          {chosen ? <input type="hidden" name="lang" value={chosen} /> : null}
          {errors && Object.keys(errors).length ? (
            <p role="alert" className="alert">
              {m.errors_summary}
            </p>
          ) : null}
          <fieldset>
            <legend>{m.collect_title}</legend>
            <p className="help">{m.collect_intro}</p>
            {fields.map((f) => {
              const label = isCustomField(f.key) ? (f.label ?? f.key) : m[`field_${f.key}`];
              return (
                <Field
                  key={f.key}
                  id={f.key}
                  label={f.required ? label : `${label} (${m.optional})`}
                  error={text(m, errors?.[f.key])}
                  autoComplete={isCustomField(f.key) ? "off" : AUTOCOMPLETE[f.key]}
                  inputMode={f.key === "phone" ? "tel" : f.key === "email" ? "email" : undefined}
                  type={f.key === "email" ? "email" : f.key === "phone" ? "tel" : undefined}
                  defaultValue={values?.[f.key]}
                  required={f.required}
                />
              );
            })}
          </fieldset>
          <button type="submit" className="primary">
            {m.collect_submit}
          </button>
        </form>
      </Shell>
    </Document>,
  );
}

/** The shop's public invoice form (F-CH-INVOICE): the buyer types the reference of their invoice. */
export function renderInvoiceLookupPage(input: {
  shopId: string;
  shopName: string;
  testOnly: boolean;
  lang: PageLanguage;
  chosen: PageLanguage | null;
  value?: string;
  error?: string;
  assets: PageAssets;
}): string {
  const { shopId, shopName, testOnly, lang, chosen, value, error, assets } = input;
  const m = payMessages(lang);
  const action = `/collect/${shopId}`;
  return toHtml(
    <Document lang={lang} title={m.invoice_title} assets={assets}>
      <Shell href={(l) => `${action}?lang=${l}`} lang={lang} m={m} title={m.invoice_title}>
        {testOnly ? <p className="test-banner">{m.test_mode}</p> : null}
        <form method="post" action={action} className="card-form" noValidate data-outcome="invoice-lookup">
          {chosen ? <input type="hidden" name="lang" value={chosen} /> : null}
          <p>{fill(m.invoice_intro, { shop: shopName })}</p>
          <Field id="reference" label={m.invoice_reference} error={error} autoComplete="off" maxLength={64} defaultValue={value} required />
          <button type="submit" className="primary">
            {m.invoice_find}
          </button>
        </form>
      </Shell>
    </Document>,
  );
}
