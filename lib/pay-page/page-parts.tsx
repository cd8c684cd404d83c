// Shared pieces of the buyer pages (view.tsx, view-collect.tsx): the document, the language
// switch, notices, fields, the order's summary and the page shell, and the HTML serialisation.
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { bcp47, languageOf, localeOf, PAGE_LANGUAGE_NAMES, PAGE_LANGUAGES, type PageLanguage } from "../i18n/locales";
import type { PayMessages } from "../i18n/messages/pay";
import { formatMoney } from "../money/format-money";
import { CARD_BRAND_NAMES } from "../payments/card-brands";
import type { PaymentPage } from "../payments/get-payment-page";
import { formatDateTime } from "../time/shop-time";

export type PageAssets = { css: string; js: string };

const BRAND_NAMES: Record<string, string> = CARD_BRAND_NAMES;
export const brandName = (b: string | null | undefined) => (b ? (BRAND_NAMES[b] ?? b) : "");

export const text = (m: PayMessages, key: string | undefined) => (key ? ((m as Record<string, string>)[key] ?? m.err_generic) : undefined);

export function Document({
  lang,
  title,
  assets,
  children,
}: {
  lang: PageLanguage;
  title: string;
  assets: PageAssets;
  children: ReactNode;
}) {
  return (
    <html lang={lang}>
      {/* biome-ignore lint/style/noHeadElement: rendered by react-dom/server, not by Next */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        <title>{title}</title>
        <link rel="stylesheet" href={assets.css} />
        <script src={assets.js} defer />
      </head>
      <body>{children}</body>
    </html>
  );
}

/** Plain links (a full load, so <html lang> follows); only the page changes language, never the order. */
export function LanguageSwitch({ href, lang, label }: { href: (l: PageLanguage) => string; lang: PageLanguage; label: string }) {
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

export function Notice({
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

/** What the payment forms (the card's, the processor page's button) are drawn from. */
export type PayFormBase = { token: string; page: PaymentPage; chosen: PageLanguage | null; m: PayMessages; locale: string };

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

/** Amounts and dates read in the page's language (the order's own region when it is the same). */
export function localeFor(page: PaymentPage, lang: PageLanguage) {
  return bcp47(languageOf(page.locale) === lang ? page.locale : localeOf(lang));
}

export function Summary({ page, m, amount, until }: { page: PaymentPage; m: PayMessages; amount: string; until: string }) {
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

export function Shell({
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

/** The order's amount and validity end as the page shows them, in the page's language. */
export function pageFigures(page: PaymentPage, lang: PageLanguage) {
  const locale = localeFor(page, lang);
  return {
    locale,
    amount: formatMoney(page.amount, page.currency, locale),
    until: formatDateTime(page.validUntil, page.shop.timeZone, locale),
  };
}

export const toHtml = (el: ReactNode) => `<!DOCTYPE html>${renderToStaticMarkup(el)}`;
