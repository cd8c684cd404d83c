// The buyer pages as plain HTML (F-PAY-1…3): rendered once per request with renderToStaticMarkup,
// no hydration. Forms post back to the same URL and work without JavaScript; one small script
// (assets.ts) only shows the card brand as it is typed. Class names are the ones of pay.css.
import type { ReactNode } from "react";
import type { PageLanguage } from "../i18n/locales";
import { fill, type PayMessages, payMessages } from "../i18n/messages/pay";
import { formatMoney } from "../money/format-money";
import type { PaymentPage } from "../payments/get-payment-page";
import { amountToShow, BuyerAmountField } from "./amount-field";
import { InstalmentConsent, InstalmentSchedule } from "./instalment-schedule";
import { payPageHref } from "./page-language";
import {
  brandName,
  Document,
  Field,
  Notice,
  type PageAssets,
  type PayFormBase,
  pageFigures,
  Shell,
  Summary,
  text,
  toHtml,
} from "./page-parts";
import { HostedPayForm, Unavailable } from "./view-hosted";

export { renderDetailsPage, renderInvoiceLookupPage } from "./view-collect";

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

/** A field of the card: typed on a numeric keypad, required. */
function CardField(props: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  autoComplete: string;
  placeholder?: string;
  maxLength: number;
}) {
  const { autoComplete, placeholder, maxLength, ...field } = props;
  return <Field {...field} autoComplete={autoComplete} placeholder={placeholder} inputMode="numeric" maxLength={maxLength} required />;
}

function CardForm({ token, page, chosen, m, payLabel, form, locale }: PayFormBase & { payLabel: string; form?: FormState }) {
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
          <CardField id="cardNumber" label={m.card_number} error={err("cardNumber")} autoComplete="cc-number" maxLength={23} />
          <p className="brand" aria-live="polite" data-testid="card-brand" data-template={m.card_brand} />
        </div>
        <div className="row">
          <CardField id="expiry" label={m.card_expiry} error={err("expiry")} autoComplete="cc-exp" placeholder="MM/YY" maxLength={7} />
          <CardField id="cvc" label={m.card_cvc} help={m.card_cvc_help} error={err("cvc")} autoComplete="cc-csc" maxLength={4} />
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

/** The `result` of a return whose buyer left the processor's page (no transaction). */
export const ABANDONED = "abandoned";

/** The payment page in its current state: form (with the last refusal), accepted, paid, expired. */
export function renderPayPage(input: PageInput): string {
  const { token, page, lang, chosen, resultId, form, assets } = input;
  const m = payMessages(lang);
  const { locale, amount, until } = pageFigures(page, lang);
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
  } else if (!page.payable) {
    body = <Unavailable page={page} m={m} />;
  } else {
    const refused = last && last.id === resultId && last.status === "REFUSED" ? last : null;
    const reason = refused?.errorMessage ? REASONS[refused.errorMessage] : undefined;
    const formBase: PayFormBase = { token, page, chosen, m, locale };
    body = (
      <>
        {refused ? (
          <Notice tone="error" title={m.refused_title} body={fill(m.refused_body, { date: until })}>
            {reason ? <p>{m[reason]}</p> : null}
          </Notice>
        ) : null}
        {resultId === ABANDONED ? <Notice tone="neutral" title={m.title} body={m.hosted_abandoned} /> : null}
        {page.dataCollectionForm && page.hasCollectedData ? (
          <p>
            <a href={`/pay/${encodeURIComponent(token)}/details${chosen ? `?lang=${chosen}` : ""}`}>{m.collect_edit}</a>
          </p>
        ) : null}
        {page.connectorKind ? (
          <HostedPayForm
            {...formBase}
            consentError={text(m, form?.fields?.instalmentConsent)}
            payLabel={fill(m.pay, { amount: formatMoney(page.instalments?.[0]?.amount ?? page.amount, page.currency, locale) })}
          />
        ) : (
          <CardForm
            {...formBase}
            payLabel={fill(m.pay, {
              amount: formatMoney(page.instalments?.[0]?.amount ?? amountToShow(page, form?.amount), page.currency, locale),
            })}
            form={form}
          />
        )}
      </>
    );
  }
  return toHtml(
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
  const { amount, until } = pageFigures(page, lang);
  const action = `/pay/${encodeURIComponent(token)}/3ds/${challenge.id}`;
  return toHtml(
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
  return toHtml(
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
