import { fill, type PayMessages } from "../i18n/messages/pay";
import { formatMoney } from "../money/format-money";
import type { PaymentPage } from "../payments/get-payment-page";
import { formatDateTime } from "../time/shop-time";

/** The schedule shown before paying (issue 12): the first instalment today, the others on their dates. */
export function InstalmentSchedule({ page, m, locale }: { page: PaymentPage; m: PayMessages; locale: string }) {
  const rows = page.instalments ?? [];
  return (
    <section className="instalments" aria-labelledby="instalments-title" data-testid="instalment-schedule">
      <h2 id="instalments-title">{fill(m.inst_schedule_title, { count: String(rows.length) })}</h2>
      <ol>
        {rows.map((r, i) => {
          const amount = formatMoney(r.amount, page.currency, locale);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a schedule's rows are its positions
            <li key={i}>
              {i === 0
                ? fill(m.inst_schedule_first, { amount })
                : fill(m.inst_schedule_row, { amount, date: formatDateTime(r.due, page.shop.timeZone, locale, false) })}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The buyer's consent to keep the card for the later instalments (required to pay). */
export function InstalmentConsent({ page, m, checked, error }: { page: PaymentPage; m: PayMessages; checked?: boolean; error?: string }) {
  return (
    <div className="check">
      <input
        type="checkbox"
        id="instalmentConsent"
        name="instalmentConsent"
        value="1"
        required
        defaultChecked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? "instalmentConsent-error" : undefined}
      />
      <label htmlFor="instalmentConsent">{fill(m.inst_consent, { shop: page.shop.name })}</label>
      {error ? (
        <p id="instalmentConsent-error" className="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
