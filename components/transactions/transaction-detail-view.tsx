import Link from "next/link";
import { Facts } from "@/components/ui/facts";
import { ActionOutcome } from "@/components/ui/form-alert";
import { DetailHeading } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import { formatMoney } from "@/lib/money/format-money";
import type { TransactionDetail } from "@/lib/payments/get-transaction";
import { captureDayWindow } from "@/lib/payments/update-transaction";
import { dayInZone, formatDateTime } from "@/lib/time/shop-time";
import { TransactionActions } from "./transaction-actions";

type Props = {
  tx: TransactionDetail;
  t: T;
  lang: string;
  tab: "transaction" | "buyer";
  canOperate: boolean;
  expiryDays: number;
  notice: { ok: boolean; key: string } | null;
};

type Rows = [string, React.ReactNode][];

const expiry = (m: number | null, y: number | null) => (m && y ? `${String(m).padStart(2, "0")}/${y}` : "—");

/** A JSON object (3-D Secure result, collected buyer data) as label/value pairs; nested values as JSON. */
const pairs = (v: unknown): Rows =>
  v && typeof v === "object" && !Array.isArray(v)
    ? Object.entries(v).map(([k, x]) => [k, typeof x === "object" && x !== null ? JSON.stringify(x) : String(x ?? "—")])
    : [];

/** F-BO-5: a transaction's tabs "Transaction" (amount, status, dates, card, 3-D Secure) and "Buyer" (e-mail, collected data, alias). */
export function TransactionDetailView({ tx, t, lang, tab, canOperate, expiryDays, notice }: Props) {
  const tz = tx.shop.timeZone;
  const when = (d: Date | null) => (d ? formatDateTime(d, tz, lang) : "—");
  const isRefund = tx.operationType === "CREDIT";
  const main: Rows = [
    [t("rf_operation"), t(`rf_op_${tx.operationType}`)],
    ...(tx.parent
      ? ([
          [
            t("rf_parent"),
            <Link
              key="p"
              href={`/transactions/${tx.parent.id}`}
              className="font-mono text-brand-700 underline"
              data-testid="tx-parent-link"
            >
              {tx.parent.number}
            </Link>,
          ],
        ] as Rows)
      : []),
    [t("txd_amount"), formatMoney(tx.amount, tx.currency, lang)],
    ...(!isRefund && tx.refunds.length
      ? ([
          [
            t("rf_refunded"),
            <span key="r" data-testid="tx-refunded">
              {formatMoney(tx.refunded, tx.currency, lang)}
            </span>,
          ],
          [
            t("rf_refundable"),
            <span key="l" data-testid="tx-refundable">
              {formatMoney(tx.refundable, tx.currency, lang)}
            </span>,
          ],
        ] as Rows)
      : []),
    [t("tx_status"), <StatusBadge key="s" value={tx.status} label={t(`txs_${tx.status}`)} />],
    [t("txd_created"), when(tx.createdAt)],
    [t("txd_capture_date"), when(tx.captureDate)],
    [t("txd_captured"), when(tx.capturedAt)],
    [t("txd_validated"), when(tx.validatedAt)],
    [t("txd_card_brand"), tx.brand ?? "—"],
    [t("txd_card_number"), tx.last4 ? `•••• ${tx.last4}` : "—"],
    [t("txd_card_expiry"), expiry(tx.expiryMonth, tx.expiryYear)],
    ...(tx.status === "REFUSED" ? ([[t("txd_refusal"), tx.errorMessage ?? tx.errorCode ?? "—"]] as Rows) : []),
    [t("txd_source"), t(`tx_source_${tx.order.channel}`)],
    [
      t("txd_order"),
      <Link key="o" href={`/orders/${tx.order.id}`} className="text-brand-700 underline" data-testid="tx-order-link">
        {tx.order.reference ?? tx.order.id}
      </Link>,
    ],
    [t("txd_shop"), tx.shop.name],
    [t("txd_mode"), tx.mode],
    ...(tx.processorRef ? ([[t("rf_processor_ref"), <code key="pr">{tx.processorRef}</code>]] as Rows) : []),
    // A processor's answer the platform refused to apply (issue 20): to cancel or refund at the processor.
    ...(tx.flaggedReason
      ? ([
          [
            t("txd_flagged"),
            <strong key="fl" className="text-red-800" data-testid="tx-flagged">
              {tx.flaggedReason}
            </strong>,
          ],
        ] as Rows)
      : []),
    ...(tx.comment ? ([[t("rf_comment_label"), tx.comment]] as Rows) : []),
  ];
  const threeDs = pairs(tx.threeDs);
  const buyer: Rows = [[t("txd_buyer_email"), tx.order.buyerEmail ?? tx.order.recipient ?? "—"]];
  const collected = pairs(tx.buyerData);
  const alias: Rows = tx.alias
    ? [
        [t("txd_alias_token"), <code key="a">{tx.alias.token}</code>],
        [t("txd_card_brand"), tx.alias.brand],
        [t("txd_card_number"), `•••• ${tx.alias.last4}`],
        [t("txd_card_expiry"), expiry(tx.alias.expiryMonth, tx.alias.expiryYear)],
      ]
    : [];
  const card = "rounded-lg border border-slate-200 bg-white p-6";
  return (
    <section aria-labelledby="title" className="flex max-w-4xl flex-col gap-6">
      <DetailHeading back={{ href: "/transactions", label: t("txd_back") }}>
        {t("txd_title")} {tx.number}
      </DetailHeading>
      {notice ? <ActionOutcome notice={notice} text={t} /> : null}
      {tx.status === "AUTHORISED_TO_VALIDATE" ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
          {t("txd_to_validate_notice").replace("{days}", String(expiryDays))}
        </p>
      ) : null}
      {canOperate ? (
        <TransactionActions
          t={t}
          lang={lang}
          tx={tx}
          returnTo="transaction"
          refundable={tx.refundable}
          captureWindow={
            tx.connectorId ? undefined : { ...captureDayWindow(tx, tz), current: tx.captureDate ? dayInZone(tx.captureDate, tz) : "" }
          }
        />
      ) : null}
      <nav aria-label={t("txd_tabs")} className="flex gap-2 border-b border-slate-200">
        {(["transaction", "buyer"] as const).map((k) => (
          <Link
            key={k}
            href={`/transactions/${tx.id}${k === "buyer" ? "?tab=buyer" : ""}`}
            aria-current={tab === k ? "page" : undefined}
            data-tab={k}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === k ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700"}`}
          >
            {t(k === "buyer" ? "txd_tab_buyer" : "txd_tab_transaction")}
          </Link>
        ))}
      </nav>
      {tab === "transaction" ? (
        <>
          <div className={card}>
            <Facts rows={main} testId="tx-facts" />
          </div>
          {!isRefund && (tx.status === "CAPTURED" || tx.refunds.length) ? (
            <div className={card}>
              <h2 className="mb-4 text-lg font-semibold">{t("rf_refunds")}</h2>
              {tx.refunds.length ? (
                <ul className="flex flex-col gap-2 text-sm" data-testid="tx-refunds">
                  {tx.refunds.map((r) => (
                    <li key={r.id} className="flex flex-wrap items-center gap-4" data-refund-id={r.id} data-status={r.status}>
                      <Link href={`/transactions/${r.id}`} className="font-mono text-brand-700 underline">
                        {r.number}
                      </Link>
                      <StatusBadge value={r.status} label={t(`txs_${r.status}`)} />
                      <span>−{formatMoney(r.amount, tx.currency, lang)}</span>
                      <span>{when(r.createdAt)}</span>
                      {r.comment ? <span className="text-slate-700">{r.comment}</span> : null}
                      {r.errorMessage ? <span className="text-red-800">{r.errorMessage}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600">{t("rf_none")}</p>
              )}
            </div>
          ) : null}
          <div className={card}>
            <h2 className="mb-4 text-lg font-semibold">{t("txd_3ds")}</h2>
            {threeDs.length ? <Facts rows={threeDs} /> : <p className="text-sm text-slate-600">{t("txd_3ds_none")}</p>}
          </div>
        </>
      ) : (
        <>
          <div className={card}>
            <Facts rows={buyer} testId="tx-buyer" />
          </div>
          <div className={card}>
            <h2 className="mb-4 text-lg font-semibold">{t("txd_buyer_data")}</h2>
            {collected.length ? <Facts rows={collected} /> : <p className="text-sm text-slate-600">{t("txd_buyer_data_none")}</p>}
          </div>
          <div className={card}>
            <h2 className="mb-4 text-lg font-semibold">{t("txd_alias")}</h2>
            {alias.length ? <Facts rows={alias} testId="tx-alias" /> : <p className="text-sm text-slate-600">{t("txd_alias_none")}</p>}
          </div>
        </>
      )}
    </section>
  );
}
