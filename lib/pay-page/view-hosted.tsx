// The buyer pages of an order paid on its processor's hosted page (issue 20): the form that leaves
// for it (no card field here: the card is typed at the processor), the hop that posts the signed
// form or follows the processor's link, and the page that waits for the processor's confirmation.
import type { PageLanguage } from "../i18n/locales";
import { fill, type PayMessages, payMessages } from "../i18n/messages/pay";
import type { StartPaymentResult } from "../payments/connectors/types";
import type { PaymentPage } from "../payments/get-payment-page";
import { InstalmentConsent, InstalmentSchedule } from "./instalment-schedule";
import { payPageHref } from "./page-language";
import { Document, Notice, type PageAssets, type PayFormBase, pageFigures, Shell, Summary, toHtml } from "./page-parts";

/** In place of the card form: one button to the processor's page (and the alias choice). */
export function HostedPayForm({
  token,
  page,
  chosen,
  m,
  payLabel,
  locale,
  consentError,
}: PayFormBase & {
  payLabel: string;
  /** Paid in instalments without the buyer's consent to keep the card: the form again, saying so. */
  consentError?: string;
}) {
  return (
    <form method="post" action={payPageHref(token, {})} className="card-form" data-hosted-form>
      <input type="hidden" name="hosted" value="1" />
      {chosen ? <input type="hidden" name="lang" value={chosen} /> : null}
      {consentError ? (
        <p role="alert" className="alert">
          {m.errors_summary}
        </p>
      ) : null}
      <p>{fill(m.hosted_intro, { shop: page.shop.name })}</p>
      {page.instalments ? <InstalmentSchedule page={page} m={m} locale={locale} /> : null}
      {!page.dataCollectionForm && page.aliasMode === "PROPOSE" ? (
        <div className="check">
          <input type="checkbox" id="saveCard" name="saveCard" value="1" />
          <label htmlFor="saveCard">{fill(m.save_card, { shop: page.shop.name })}</label>
        </div>
      ) : null}
      {!page.dataCollectionForm && page.aliasMode === "AUTOMATIC" && !page.instalments ? (
        <p className="help">{fill(m.save_card_auto, { shop: page.shop.name })}</p>
      ) : null}
      {page.instalments ? <InstalmentConsent page={page} m={m} error={consentError} /> : null}
      <button type="submit" className="primary">
        {payLabel}
      </button>
      <p className="note">{m.secure_note}</p>
    </form>
  );
}

/** A PRODUCTION link of a shop with no verified processor: nothing can be paid yet. */
export const Unavailable = ({ page, m }: { page: PaymentPage; m: PayMessages }) => (
  <Notice tone="neutral" title={m.unavailable_title} body={fill(m.unavailable_body, { shop: page.shop.name })} />
);

/** The hop to the processor: its signed form (posted by the page's script, or by the button), or its link. */
export function renderHostedHopPage(input: {
  token: string;
  page: PaymentPage;
  lang: PageLanguage;
  next: StartPaymentResult;
  assets: PageAssets;
}): string {
  const { token, page, lang, next, assets } = input;
  const m = payMessages(lang);
  const { amount, until } = pageFigures(page, lang);
  return toHtml(
    <Document lang={lang} title={m.hosted_redirect_title} assets={assets}>
      <Shell href={(l) => payPageHref(token, { lang: l })} lang={lang} m={m}>
        <Summary page={page} m={m} amount={amount} until={until} />
        <div className="card-form">
          <h2>{m.hosted_redirect_title}</h2>
          <p>{m.hosted_redirect_body}</p>
          {next.type === "form-post" ? (
            <form method="post" action={next.action} data-autosubmit>
              {Object.entries(next.fields).map(([k, v]) => (
                <input key={k} type="hidden" name={k} value={v} />
              ))}
              <button type="submit" className="primary">
                {m.hosted_continue}
              </button>
            </form>
          ) : (
            <a className="button primary" href={next.url} data-autofollow>
              {m.hosted_continue}
            </a>
          )}
        </div>
      </Shell>
    </Document>,
  );
}

/** Back from the processor before its confirmation: this page reloads itself until it comes. */
export function renderReturnPendingPage(input: {
  token: string;
  page: PaymentPage;
  lang: PageLanguage;
  href: string;
  assets: PageAssets;
}): string {
  const { token, page, lang, href, assets } = input;
  const m = payMessages(lang);
  const { amount, until } = pageFigures(page, lang);
  return toHtml(
    <Document lang={lang} title={m.return_pending_title} assets={assets}>
      <Shell href={(l) => payPageHref(token, { lang: l })} lang={lang} m={m}>
        <Summary page={page} m={m} amount={amount} until={until} />
        <div data-refresh="2000">
          <Notice tone="neutral" title={m.return_pending_title} body={m.return_pending_body}>
            <a href={href}>{m.return_check_again}</a>
          </Notice>
        </div>
      </Shell>
    </Document>,
  );
}
