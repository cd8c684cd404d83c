import { bcp47, languageOf, localeOf, type PageLanguage } from "@/lib/i18n/locales";
import { fill, payMessages } from "@/lib/i18n/messages/pay";
import { formatMoney } from "@/lib/money/format-money";
import type { PaymentPage } from "@/lib/payments/get-payment-page";
import { formatDateTime } from "@/lib/time/shop-time";
import { CardForm } from "./card-form";
import { LanguageSwitch } from "./language-switch";
import { Notice } from "./notice";

/** `chosen`: the language picked with the switch (kept through the payment), null when none. */
type Props = { token: string; page: PaymentPage; lang: PageLanguage; chosen: PageLanguage | null; resultId?: string };

export function PayPage({ token, page, lang, chosen, resultId }: Props) {
  const m = payMessages(lang);
  // Amounts and dates read in the page's language (the order's own region when it is the same).
  const locale = bcp47(languageOf(page.locale) === lang ? page.locale : localeOf(lang));
  const amount = formatMoney(page.amount, page.currency, locale);
  const until = formatDateTime(page.validUntil, page.shop.timeZone, locale);
  const last = page.lastTransaction;
  const justPaid = page.status === "PAID" && last && last.id === resultId;
  const justRefused = last && last.id === resultId && last.status === "REFUSED";

  let body: React.ReactNode;
  if (justPaid) {
    body = (
      <Notice tone="success" title={m.accepted_title} body={fill(m.accepted_body, { amount, shop: page.shop.name })}>
        <p>{fill(m.transaction, { number: last.number })}</p>
        <p>{fill(m.card_used, { brand: last.brand ?? "", last4: last.last4 ?? "" })}</p>
      </Notice>
    );
  } else if (page.status === "PAID") {
    body = <Notice tone="neutral" title={m.paid_title} body={m.paid_body} />;
  } else if (page.status === "EXPIRED" || page.status === "CANCELLED") {
    // A cancelled link reads as expired to the buyer (the manual's rule): no reason to explain more.
    body = <Notice tone="neutral" title={m.expired_title} body={m.expired_body} />;
  } else {
    body = (
      <>
        {justRefused ? <Notice tone="error" title={m.refused_title} body={fill(m.refused_body, { date: until })} /> : null}
        <CardForm token={token} lang={chosen} payLabel={fill(m.pay, { amount })} messages={m} />
      </>
    );
  }

  return (
    <Shell title={m.title} languageSwitch={<LanguageSwitch token={token} lang={lang} label={m.language} resultId={resultId} />}>
      {page.mode === "TEST" ? <p className="rounded-md bg-amber-100 p-3 text-sm font-medium text-amber-950">{m.test_mode}</p> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        <dt className="text-slate-700">{m.merchant}</dt>
        <dd className="font-semibold">{page.shop.name}</dd>
        <dt className="text-slate-700">{m.amount}</dt>
        <dd className="text-lg font-bold" data-testid="pay-amount">
          {amount}
        </dd>
        {page.reference ? (
          <>
            <dt className="text-slate-700">{m.reference}</dt>
            <dd>{page.reference}</dd>
          </>
        ) : null}
        <dt className="text-slate-700">{m.valid_until}</dt>
        <dd>{until}</dd>
      </dl>
      {body}
    </Shell>
  );
}

function Shell({ title, languageSwitch, children }: { title: string; languageSwitch: React.ReactNode; children: React.ReactNode }) {
  return (
    <>
      <header className="mx-auto max-w-md px-4 pt-4">{languageSwitch}</header>
      <main className="mx-auto flex max-w-md flex-col gap-4 px-4 pt-6 pb-10">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {children}
      </main>
    </>
  );
}
