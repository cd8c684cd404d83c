import Link from "next/link";
import { ColumnHeads } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import type { DeliveryDetail } from "@/lib/notifications/get-delivery";
import { formatDateTime } from "@/lib/time/shop-time";

const box = "rounded-lg border border-slate-200 bg-white p-6";
const h2 = "mb-4 text-lg font-semibold";
const td = "px-3 py-2 align-top";

/** A delivery's facts: where, what, outcome so far, and what it belongs to. */
export function DeliveryFacts({ d, t, lang }: { d: DeliveryDetail; t: T; lang: string }) {
  const at = (date: Date | null) => (date ? formatDateTime(date, d.shop.timeZone, lang) : "—");
  const facts: [string, React.ReactNode][] = [
    ["ndlv_created", at(d.createdAt)],
    ["ndlv_shop", `${d.shop.name} (${d.shop.id})`],
    ["ndlv_mode", d.mode],
    ["ndlv_event", t(`ntf_event_${d.event}`)],
    [
      "ndlv_url",
      <span key="u" className="break-all font-mono text-xs">
        {d.url}
      </span>,
    ],
    ["ndlv_format", t(`nrule_format_${d.format}`)],
    ["ndlv_status", <StatusBadge key="s" value={d.status} label={t(`ndlv_status_${d.status}`)} />],
    ["ndlv_attempts", String(d.attempts)],
    ["ndlv_last_http", d.lastStatusCode === null ? "—" : String(d.lastStatusCode)],
    ["ndlv_last_error", d.lastError ?? "—"],
    ["ndlv_next_attempt", d.status === "PENDING" ? at(d.nextAttemptAt) : "—"],
    ["ndlv_delivered_at", at(d.deliveredAt)],
    ["ndlv_retry", t(d.retry ? "ndlv_yes" : "ndlv_no")],
    ["ndlv_alert_email", d.alertEmail ?? "—"],
    ["ndlv_alerted_at", at(d.alertedAt)],
    [
      "ndlv_rule",
      d.rule ? (
        <Link key="r" href={`/settings/notification-rules/${d.rule.id}`} className="text-brand-700 underline">
          {d.rule.label}
        </Link>
      ) : (
        t("ndlv_rule_none")
      ),
    ],
    [
      "ndlv_order",
      d.order ? (
        <Link key="o" href={`/orders/${d.order.id}`} className="text-brand-700 underline">
          {d.order.reference ?? d.order.id}
        </Link>
      ) : (
        "—"
      ),
    ],
    [
      "ndlv_transaction",
      d.transactionId ? (
        <Link key="x" href={`/transactions/${d.transactionId}`} className="font-mono text-brand-700 underline">
          {d.transactionId}
        </Link>
      ) : (
        "—"
      ),
    ],
  ];
  return (
    <dl className={`${box} grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[14rem_1fr]`} data-testid="delivery-facts">
      {facts.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-slate-700">{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The body sent, decoded: the form fields (kr-* or vads_*), and a REST answer's JSON pretty-printed. */
export function DeliveryPayload({ d, t }: { d: DeliveryDetail; t: T }) {
  return (
    <Section id="sec-payload" title={t("ndlv_payload")} className={box} titleClass={h2}>
      <table className="mb-4 w-full text-left text-sm" data-testid="delivery-fields">
        <caption className="mb-2 text-left text-sm font-medium">{t("ndlv_payload_fields")}</caption>
        <thead className="bg-slate-100 text-xs uppercase text-slate-700">
          <tr>
            <ColumnHeads labels={[t("ndlv_field_name"), t("ndlv_field_value")]} />
          </tr>
        </thead>
        <tbody>
          {d.decoded.fields.map(([name, value]) => (
            <tr key={`${name}=${value}`} className="border-t border-slate-100">
              <th scope="row" className={`${td} font-mono text-xs font-medium`}>
                {name}
              </th>
              <td className={`${td} break-all font-mono text-xs`}>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.decoded.answer !== null ? (
        <>
          <h3 className="mb-2 text-sm font-medium">{t("ndlv_payload_answer")}</h3>
          <pre
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
            tabIndex={0}
            className="max-h-[32rem] overflow-auto rounded-md bg-slate-900 p-4 text-xs text-slate-100"
            data-testid="delivery-answer"
          >
            {d.decoded.answer}
          </pre>
        </>
      ) : null}
    </Section>
  );
}

/** Every attempt, oldest first: time, URL, HTTP status or error, latency, the start of the answer, replay or not. */
export function DeliveryAttempts({ d, t, lang }: { d: DeliveryDetail; t: T; lang: string }) {
  const cols = ["ndlv_att_time", "ndlv_att_url", "ndlv_att_result", "ndlv_att_latency", "ndlv_att_answer", "ndlv_att_replay"];
  return (
    <Section id="sec-attempts" title={t("ndlv_attempts_title")} className={box} titleClass={h2}>
      {d.attemptLog.length === 0 ? (
        <p className="text-sm text-slate-600">{t("ndlv_att_none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="delivery-attempts">
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                <ColumnHeads labels={cols.map((c) => t(c))} />
              </tr>
            </thead>
            <tbody>
              {d.attemptLog.map((a) => (
                <tr key={a.id} className="border-t border-slate-100" data-attempt-id={a.id} data-replay={a.replay}>
                  <td className={`${td} whitespace-nowrap`}>{formatDateTime(a.createdAt, d.shop.timeZone, lang)}</td>
                  <td className={`${td} max-w-xs break-all font-mono text-xs`}>{a.url || d.url}</td>
                  <td className={td}>{a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? "—")}</td>
                  <td className={td}>{a.latencyMs}</td>
                  <td className={td}>
                    {a.responseHead ? (
                      <pre
                        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
                        tabIndex={0}
                        className="max-h-40 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs"
                      >
                        {a.responseHead}
                      </pre>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={td}>{t(a.replay ? "ndlv_yes" : "ndlv_no")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
