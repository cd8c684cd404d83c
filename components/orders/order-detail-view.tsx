import Link from "next/link";
import { TransactionActions } from "@/components/transactions/transaction-actions";
import { Facts } from "@/components/ui/facts";
import { ActionOutcome } from "@/components/ui/form-alert";
import { DetailHeading } from "@/components/ui/page-title";
import { StatusBadge } from "@/components/ui/status-badge";
import { hasRole, type UserActor } from "@/lib/auth/actor";
import type { T } from "@/lib/i18n";
import type { OrderInstalments as InstalmentData } from "@/lib/instalments/find-order-instalments";
import { formatMoney } from "@/lib/money/format-money";
import type { OrderMessage } from "@/lib/orders/find-order-messages";
import type { findOrderTimeline } from "@/lib/orders/find-order-timeline";
import type { OrderDetail } from "@/lib/orders/get-order";
import type { OrderAction } from "@/lib/orders/order-actions";
import { appUrl } from "@/lib/server/env";
import { formatDateTime } from "@/lib/time/shop-time";
import { amountUpdateText } from "./amount-update-detail";
import { AutoRefresh } from "./auto-refresh";
import { OrderInstalments } from "./order-instalments";
import { OrderMessages } from "./order-messages";
import { OrderTimeline } from "./order-timeline";
import { OrderToolbar } from "./order-toolbar";
import { PaymentLinkPanel } from "./payment-link-panel";

type Props = {
  order: OrderDetail;
  actor: UserActor;
  lang: string;
  t: T;
  created: boolean;
  qr: string;
  notice: { ok: boolean; key: string } | null;
  tab: "info" | "message";
  /** The row menu's delete: its confirmation open on arrival. */
  confirmDelete?: boolean;
  actions: OrderAction[];
  dates: { today: string; maxDay: string; proposedDay: string };
  timeline: Awaited<ReturnType<typeof findOrderTimeline>>;
  messages: OrderMessage[];
  /** The URL channel's ready-to-paste text (the shop's default URL template, else ours). */
  messageText: string;
  /** Paid in instalments (issue 12): the schedule and its progress. */
  instalments?: InstalmentData | null;
  /** E-mail orders: the subject (and text) as the buyer received them. */
  sentMessage?: { subject: string; text: string | null } | null;
};

export function OrderDetailView({
  order,
  actor,
  lang,
  t,
  created,
  qr,
  notice,
  tab,
  confirmDelete,
  actions,
  dates,
  timeline,
  messages,
  messageText,
  instalments,
  sentMessage,
}: Props) {
  const tz = order.shop.timeZone;
  const canOperate = hasRole(actor, "OPERATOR");
  const lastDebit = order.transactions.find((x) => x.operationType === "DEBIT");
  const info: [string, React.ReactNode][] = [
    [t("detail_shop"), `${order.shop.name} (${order.shop.id})`],
    [t("detail_mode"), order.mode],
    [t("col_reference"), order.reference ?? "—"],
    [t("col_amount"), formatMoney(order.amount, order.currency, lang)],
    [t("col_status"), <StatusBadge key="s" value={order.status} label={t(`status_${order.status}`)} />],
    [t("col_delivery"), <StatusBadge key="d" value={order.deliveryStatus} label={t(`delivery_${order.deliveryStatus}`)} />],
    [t("col_channel"), t(`channel_${order.channel}`)],
    [t("detail_created"), formatDateTime(order.createdAt, tz, lang)],
    [t("col_valid_until"), formatDateTime(order.validUntil, tz, lang)],
    [t("detail_created_by"), order.sourceUser?.name ?? "API"],
    [t("detail_send_count"), String(order.sendCount)],
    [t("detail_validation"), t(`validation_${order.validationMode}`)],
    [t("detail_capture_delay"), String(order.captureDelay)],
    [t("col_recipient"), order.recipient ?? order.buyerEmail ?? "—"],
    ...(sentMessage ? [[t("detail_subject"), sentMessage.subject || "—"] as [string, string]] : []),
    [t("detail_dcf"), t(order.dataCollectionForm ? "yes" : "no")],
    [t("detail_amount_update"), amountUpdateText(order, t, lang)],
    ...(order.channel === "MAIL" || order.channel === "SMS"
      ? [[t("detail_reminders"), order.remindersOptOut ? t("detail_reminders_off") : t("yes")] as [string, string]]
      : []),
    [t("detail_3ds"), t(`threeds_${order.threeDsPreference}`)],
    [t("detail_alias"), t(`alias_${order.aliasMode}`)],
    // No transaction yet: the order awaits its payment (issue 21), not a bare dash.
    [t("detail_tx_status"), lastDebit ? t(`txs_${lastDebit.status}`) : t("tx_awaiting_payment")],
  ];
  return (
    <section aria-labelledby="title" className="flex max-w-4xl flex-col gap-6">
      <DetailHeading back={{ href: order.mode === "TEST" ? "/test-orders" : "/orders", label: t("back_to_list") }}>
        {t("detail_title")} {order.reference ?? order.id}
      </DetailHeading>
      <AutoRefresh seconds={10} label={t("orders_refreshed")} />
      {created ? (
        <p role="status" className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900">
          {t(
            order.channel === "MAIL"
              ? "created_notice_mail"
              : order.channel === "SMS" || order.channel === "WHATSAPP"
                ? `created_notice_${order.channel}`
                : "created_notice",
          )}
        </p>
      ) : null}
      {order.channel === "INVOICE" ? (
        <div className="rounded-md border border-slate-200 bg-white p-4 text-sm" data-testid="invoice-collect-url">
          <p className="font-semibold">{t("invoice_collect_url")}</p>
          <p className="mt-1 font-mono break-all">{`${appUrl()}/collect/${order.shopId}`}</p>
          <p className="mt-1 text-slate-700">{t("invoice_collect_url_help")}</p>
        </div>
      ) : null}
      <PaymentLinkPanel
        url={order.paymentUrl}
        text={messageText}
        qr={qr}
        qrBase={`/orders/${order.id}/qr`}
        labels={{
          link: t("detail_link"),
          copy: t("detail_copy"),
          copied: t("detail_copied"),
          fallback: t("copy_fallback_other"),
          fallbackMac: t("copy_fallback_mac"),
          text: t("detail_text"),
          qr: t("detail_qr"),
          qrSize: t("qr_size"),
          qrSizeOption: t("qr_size_option"),
          downloadPng: t("qr_download_png"),
          downloadSvg: t("qr_download_svg"),
        }}
      />
      {notice ? <ActionOutcome notice={notice} text={t} /> : null}
      {canOperate && actions.length ? (
        <OrderToolbar
          t={t}
          orderId={order.id}
          shopId={order.shopId}
          name={order.reference ?? order.id}
          mode={order.mode}
          actions={actions}
          confirmDelete={confirmDelete}
          {...dates}
        />
      ) : null}
      <nav aria-label={t("detail_title")} className="flex gap-2 border-b border-slate-200">
        {(["info", "message"] as const).map((k) => (
          <Link
            key={k}
            href={`/orders/${order.id}?tab=${k}`}
            aria-current={tab === k ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === k ? "border-brand-700 text-brand-800" : "border-transparent text-slate-700"}`}
          >
            {t(k === "info" ? "tab_info" : "tab_message")}
          </Link>
        ))}
      </nav>
      {tab === "message" ? (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-sm" data-testid="order-message">
          {order.channel === "URL" || order.channel === "INVOICE" ? (
            <p className="whitespace-pre-wrap">{messageText}</p>
          ) : (
            <dl className="grid grid-cols-[10rem_1fr] gap-2">
              <dt className="text-slate-600">{t("col_recipient")}</dt>
              <dd>{order.recipient ?? "—"}</dd>
              {sentMessage ? (
                <>
                  <dt className="text-slate-600">{t("detail_subject")}</dt>
                  <dd data-testid="sent-subject">{sentMessage.subject || "—"}</dd>
                </>
              ) : null}
              <dt className="text-slate-600">{t("tab_message")}</dt>
              <dd className="whitespace-pre-wrap">{sentMessage?.text ?? order.message ?? t("message_none")}</dd>
            </dl>
          )}
        </div>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-semibold">{t("detail_info")}</h2>
        <Facts rows={info} />
      </div>
      {instalments ? (
        <OrderInstalments
          t={t}
          data={instalments}
          orderId={order.id}
          currency={order.currency}
          timeZone={tz}
          lang={lang}
          canOperate={canOperate}
        />
      ) : null}
      <div id="transactions" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 className="mb-4 text-lg font-semibold">{t("detail_transactions")}</h2>
        {order.transactions.length === 0 ? (
          <p className="text-sm text-slate-600">{t("detail_no_transaction")}</p>
        ) : (
          <ul className="flex flex-col gap-2 text-sm" data-testid="order-transactions">
            {order.transactions.map((tx) => (
              <li key={tx.id} className="flex flex-wrap items-center gap-4" data-transaction-id={tx.id}>
                <Link href={`/transactions/${tx.id}`} className="font-mono text-brand-700 underline">
                  {tx.number}
                </Link>
                <StatusBadge value={tx.status} label={t(`txs_${tx.status}`)} />
                {tx.operationType === "CREDIT" ? (
                  <span data-testid="transaction-refund">
                    {t("rf_refund")} −{formatMoney(tx.amount, tx.currency, lang)}
                  </span>
                ) : null}
                <span>
                  {tx.brand} •••• {tx.last4}
                </span>
                {tx.installmentIndex !== null && instalments ? (
                  <span data-testid="transaction-instalment">
                    {t("inst_tx_label")
                      .replace("{index}", String(tx.installmentIndex + 1))
                      .replace("{count}", String(instalments.plan.count))}{" "}
                    · {formatMoney(tx.amount, tx.currency, lang)}
                  </span>
                ) : null}
                <span>{formatDateTime(tx.createdAt, tz, lang)}</span>
                {canOperate ? <TransactionActions t={t} lang={lang} tx={tx} returnTo="order" /> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
      <OrderMessages t={t} messages={messages} timeZone={tz} lang={lang} />
      <OrderTimeline t={t} events={timeline} timeZone={tz} lang={lang} />
    </section>
  );
}
