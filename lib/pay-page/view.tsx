// The buyer pages as plain HTML (F-PAY-1…3): rendered once per request with renderToStaticMarkup,
// no hydration. Forms post back to the same URL and work without JavaScript; one small script
// (assets.ts) only shows the card brand as it is typed. Class names are the ones of pay.css.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { type FieldConfig, isCustomField, type StandardField } from "../collect-form/config";
import { bcp47, languageOf, localeOf, PAGE_LANGUAGE_NAMES, PAGE_LANGUAGES, type PageLanguage } from "../i18n/locales";
import { fill, type PayMessages, payMessages } from "../i18n/messages/pay";
import { formatMoney } from "../money/format-money";
import type { PaymentPage } from "../payments/get-payment-page";
import { payPageHref } from "../payments/page-language";
import { formatDateTime } from "../time/shop-time";
import { amountToShow, BuyerAmountField } from "./amount-field";
import { InstalmentConsent, InstalmentSchedule } from "./instalment-schedule";

export type PageAssets = { css: string; js: string };

const BRAND_NAMES: Record<string, string> = {
  VISA: "Visa",
  MASTERCARD: "Mastercard",
  AMEX: "American Express",
  MAESTRO: "Maestro",
  DISCOVER: "Discover",
  JCB: "JCB",
  DINERS: "Diners Club",
  UNIONPAY: "UnionPay",
};
export const brandName = (b: string | null | undefined) => (b ? (BRAND_NAMES[b] ?? b) : "");

const text = (m: PayMessages, key: string | undefined) => (key ? ((m as Record<string, string>)[key] ?? m.err_generic) : undefined);

function Document({ lang, title, assets, children }: { lang: PageLanguage; title: string; assets: PageAssets; children: ReactNode }) {
  return (
    <html lang={lang}>
      {/* biome-ignore lint/style/noHeadElement: rendered by react-dom/server, not by Next */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{title}</title>
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.js} defer />
      </head>
      <body>{children}</body>
    </html>
  );
}

/** Plain links (a full load, so <html lang> follows); only the page changes language, never the order. */
function LanguageSwitch({ href, lang, label }: { href: (l: PageLanguage) => string; lang: PageLanguage; label: string }) {
  return (
    <nav aria-label={label} className="langs">
      <ul>
        {PAGE_LANGUAGES.map((l) => (
          <li key={l}>
            <a href={href(l)} lang={l} hrefLang={l} aria-current={l === lang ? "true" : undefined}>
              {PAGE_LANGUAGE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Notice({
  tone,
  title,
  body,
  children,
}: {
  tone: "success" | "error" | "neutral";
  title: string;
  body: string;
  children?: ReactNode;
}) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`notice notice-${tone}`} data-outcome={tone}>
      <h2>{title}</h2>
      <p>{body}</p>
      {children ? <div className="notice-more">{children}</div> : null}
    </div>
  );
}

export function Field(props: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  autoComplete?: string;
  inputMode?: "numeric" | "decimal" | "text" | "tel" | "email";
  type?: string;
  maxLength?: number;
  placeholder?: string;
  defaultValue?: string;
  required?: boolean;
}) {
  const { id, label, error, help, ...input } = props;
  const describedBy = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {help ? (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type FormState = {
  fields?: Record<string, string>;
  error?: string;
  cardName?: string;
  saveCard?: boolean;
  amount?: string;
  instalmentConsent?: boolean;
};

type PageInput = {
  token: string;
  page: PaymentPage;
  lang: PageLanguage;
  /** The language picked with the switch, carried through the payment (null when none). */
  chosen: PageLanguage | null;
  resultId?: string;
  form?: FormState;
  assets: PageAssets;
};

/** Amounts and dates read in the page's language (the order's own region when it is the same). */
function localeFor(page: PaymentPage, lang: PageLanguage) {
  return bcp47(languageOf(page.locale) === lang ? page.locale : localeOf(lang));
}

function Summary({ page, m, amount, until }: { page: PaymentPage; m: PayMessages; amount: string; until: string }) {
  return (
    <>
      {page.mode === "TEST" ? <p className="test-banner">{m.test_mode}</p> : null}
      <dl className="summary">
        <dt>{m.merchant}</dt>
        <dd className="strong">{page.shop.name}</dd>
        <dt>{m.amount}</dt>
        <dd className="amount" data-testid="pay-amount">
          {amount}
        </dd>
        {page.reference ? (
          <>
            <dt>{m.reference}</dt>
            <dd>
              {page.reference}
              {page.channel === "INVOICE" && page.description ? (
                <details className="help-toggle">
                  <summary>
                    <span aria-hidden="true">?</span>
                    <span className="sr-only">{m.invoice_help}</span>
                  </summary>
                  <p>{page.description}</p>
                </details>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{m.valid_until}</dt>
        <dd>{until}</dd>
      </dl>
      {page.description && page.channel !== "INVOICE" ? <p className="description">{page.description}</p> : null}
    </>
  );
}

function Shell({
  href,
  lang,
  m,
  title,
  children,
}: {
  href: (l: PageLanguage) => string;
  lang: PageLanguage;
  m: PayMessages;
  title?: string;
  children: ReactNode;
}) {
  return (
    <>
      <header className="top">
        <LanguageSwitch href={href} lang={lang} label={m.language} />
      </header>
      <main>
        <h1>{title ?? m.title}</h1>
        {children}
      </main>
    </>
  );
}

function CardForm({
  token,
  page,
  chosen,
  m,
  payLabel,
  form,
  locale,
}: {
  token: string;
  page: PaymentPage;
  chosen: PageLanguage | null;
  m: PayMessages;
  payLabel: string;
  form?: FormState;
  locale: string;
}) {
  const err = (k: string) => text(m, form?.fields?.[k]);
  const brands = page.shop.acceptedBrands.map(brandName).join(", ");
  const offerAlias = !page.dataCollectionForm && page.aliasMode !== "NONE";
  return (
    <form method="post" action={payPageHref(token, {})} className="card-form" noValidate data-pay-form>
      {chosen ? <input type="hidden" name="lang" value={chosen} /> : null}
      {form?.fields || form?.error ? (
        <p role="alert" className="alert">
          {form.error ? text(m, form.error) : m.errors_summary}
        </p>
      ) : null}
      {page.instalments ? <InstalmentSchedule page={page} m={m} locale={locale} /> : null}
      {page.amountUpdate ? (
        <BuyerAmountField
          update={page.amountUpdate}
          amount={page.amount}
          currency={page.currency}
          locale={locale}
          m={m}
          typed={form?.amount}
          error={err("amount")}
        />
      ) : null}
      <fieldset>
        <legend>{m.card_legend}</legend>
        <p className="help" id="brands-accepted">
          {fill(m.brands_accepted, { brands })}
        </p>
        <div className="field-group">
          <Field
            id="cardNumber"
            label={m.card_number}
            error={err("cardNumber")}
            autoComplete="cc-number"
            inputMode="numeric"
            maxLength={23}
            required
          />
          <p className="brand" aria-live="polite" data-testid="card-brand" data-template={m.card_brand} />
        </div>
        <div className="row">
          <Field
            id="expiry"
            label={m.card_expiry}
            error={err("expiry")}
            autoComplete="cc-exp"
            placeholder="MM/YY"
            inputMode="numeric"
            maxLength={7}
            required
          />
          <Field
            id="cvc"
            label={m.card_cvc}
            help={m.card_cvc_help}
            error={err("cvc")}
            autoComplete="cc-csc"
            inputMode="numeric"
            maxLength={4}
            required
          />
        </div>
        <Field id="cardName" label={m.card_name} error={err("cardName")} autoComplete="cc-name" defaultValue={form?.cardName} />
        {offerAlias && page.aliasMode === "PROPOSE" ? (
          <div className="check">
            <input type="checkbox" id="saveCard" name="saveCard" value="1" defaultChecked={form?.saveCard} />
            <label htmlFor="saveCard">{fill(m.save_card, { shop: page.shop.name })}</label>
          </div>
        ) : null}
        {offerAlias && page.aliasMode === "AUTOMATIC" && !page.instalments ? (
          <p className="help">{fill(m.save_card_auto, { shop: page.shop.name })}</p>
        ) : null}
        {page.instalments ? (
          <InstalmentConsent page={page} m={m} checked={form?.instalmentConsent} error={err("instalmentConsent")} />
        ) : null}
      </fieldset>
      <button type="submit" className="primary">
        {payLabel}
      </button>
      <p className="note">{m.secure_note}</p>
    </form>
  );
}

const REASONS: Record<string, keyof PayMessages> = {
  authentication_failed: "reason_authentication_failed",
  authentication_cancelled: "reason_authentication_cancelled",
};

/** The payment page in its current state: form (with the last refusal), accepted, paid, expired. */
export function renderPayPage(input: PageInput): string {
  const { token, page, lang, chosen, resultId, form, assets } = input;
  const m = payMessages(lang);
  const locale = localeFor(page, lang);
  const amount = formatMoney(page.amount, page.currency, locale);
  const until = formatDateTime(page.validUntil, page.shop.timeZone, locale);
  const last = page.lastTransaction;
  let body: ReactNode;
  if (page.status === "PAID" && last && last.id === resultId) {
    body = (
      <Notice tone="success" title={m.accepted_title} body={fill(m.accepted_body, { amount, shop: page.shop.name })}>
        <p>{fill(m.transaction, { number: last.number })}</p>
        <p>{fill(m.card_used, { brand: brandName(last.brand), last4: last.last4 ?? "" })}</p>
        {last.aliasId ? <p>{m.card_saved}</p> : null}
      </Notice>
    );
  } else if (page.status === "PAID") {
    body = <Notice tone="neutral" title={m.paid_title} body={m.paid_body} />;
  } else if (page.status === "EXPIRED" || page.status === "CANCELLED") {
    // A cancelled link reads as expired to the buyer: no reason to explain more.
    body = <Notice tone="neutral" title={m.expired_title} body={m.expired_body} />;
  } else {
    const refused = last && last.id === resultId && last.status === "REFUSED" ? last : null;
    const reason = refused?.errorMessage ? REASONS[refused.errorMessage] : undefined;
    body = (
      <>
        {refused ? (
          <Notice tone="error" title={m.refused_title} body={fill(m.refused_body, { date: until })}>
            {reason ? <p>{m[reason]}</p> : null}
          </Notice>
        ) : null}
        {page.dataCollectionForm && page.hasCollectedData ? (
          <p>
            <a href={`/pay/${encodeURIComponent(token)}/details${chosen ? `?lang=${chosen}` : ""}`}>{m.collect_edit}</a>
          </p>
        ) : null}
        <CardForm
          token={token}
          page={page}
          chosen={chosen}
          m={m}
          payLabel={fill(m.pay, {
            amount: formatMoney(page.instalments?.[0]?.amount ?? amountToShow(page, form?.amount), page.currency, locale),
          })}
          form={form}
          locale={locale}
        />
      </>
    );
  }
  return page_(
    <Document lang={lang} title={m.title} assets={assets}>
      <Shell href={(l) => payPageHref(token, { lang: l, result: resultId })} lang={lang} m={m}>
        <Summary page={page} m={m} amount={amount} until={until} />
        {body}
      </Shell>
    </Document>,
  );
}

export type ChallengeView = { id: string; brand: string; last4: string; attemptsLeft: number; testCode: string | null };

/** The 3-D Secure challenge (the sandbox issuer's page): a one-time code, confirm or cancel. */
export function renderChallengePage(input: {
  token: string;
  page: PaymentPage;
  lang: PageLanguage;
  chosen: PageLanguage | null;
  challenge: ChallengeView;
  error?: string;
  assets: PageAssets;
}): string {
  const { token, page, lang, chosen, challenge, error, assets } = input;
  const m = payMessages(lang);
  const locale = localeFor(page, lang);
  const amount = formatMoney(page.amount, page.currency, locale);
  const until = formatDateTime(page.validUntil, page.shop.timeZone, locale);
  const action = `/pay/${encodeURIComponent(token)}/3ds/${challenge.id}`;
  return page_(
    <Document lang={lang} title={m.challenge_title} assets={assets}>
      <Shell href={(l) => `${action}?lang=${l}`} lang={lang} m={m}>
        <Summary page={page} m={m} amount={amount} until={until} />
        <form method="post" action={action} className="card-form" noValidate data-outcome="challenge">
          {chosen ? <input type="hidden" name="lang" value={chosen} /> : null}
          <h2>{m.challenge_title}</h2>
          <p>{fill(m.challenge_body, { amount, brand: brandName(challenge.brand), last4: challenge.last4 })}</p>
          {challenge.testCode ? (
            <p className="test-banner" data-testid="challenge-test-code">
              {fill(m.challenge_test_code, { code: challenge.testCode })}
            </p>
          ) : null}
          <Field id="code" label={m.challenge_code} error={error} autoComplete="one-time-code" inputMode="numeric" maxLength={6} required />
          <div className="buttons">
            <button type="submit" className="primary" name="action" value="confirm">
              {m.challenge_submit}
            </button>
            <button type="submit" className="secondary" name="action" value="cancel" formNoValidate>
              {m.challenge_cancel}
            </button>
          </div>
        </form>
      </Shell>
    </Document>,
  );
}

/** A page with nothing to pay: unknown link (404) or an expired challenge. */
export function renderNoticePage(input: {
  lang: PageLanguage;
  title: string;
  body: string;
  assets: PageAssets;
  link?: { href: string; label: string };
}): string {
  const m = payMessages(input.lang);
  return page_(
    <Document lang={input.lang} title={m.title} assets={input.assets}>
      <main>
        <h1>{m.title}</h1>
        <Notice tone="neutral" title={input.title} body={input.body}>
          {input.link ? <a href={input.link.href}>{input.link.label}</a> : null}
        </Notice>
      </main>
    </Document>,
  );
}

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
  const locale = localeFor(page, lang);
  const amount = formatMoney(page.amount, page.currency, locale);
  const until = formatDateTime(page.validUntil, page.shop.timeZone, locale);
  const action = `/pay/${encodeURIComponent(token)}/details`;
  return page_(
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
  return page_(
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

const page_ = (el: ReactNode) => `<!DOCTYPE html>${renderToStaticMarkup(el)}`;
