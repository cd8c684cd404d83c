import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import type { OrderMessage } from "@/lib/orders/find-order-messages";
import { formatDateTime } from "@/lib/time/shop-time";

const TONE: Record<string, string> = { QUEUED: "IN_PROGRESS", SENDING: "IN_PROGRESS", SENT: "SENT", FAILED: "FAILED" };

/** The order's messages (its e-mail, its reminders, the receipts): where each went, and what became of it. */
export function OrderMessages({ t, messages, timeZone, lang }: { t: T; messages: OrderMessage[]; timeZone: string; lang: string }) {
  return (
    <div id="messages" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="messages-title" className="mb-4 text-lg font-semibold">
        {t("msg_title")}
      </h2>
      {messages.length === 0 ? (
        <p className="text-sm text-slate-600">{t("msg_none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-labelledby="messages-title" className="w-full text-left text-sm" data-testid="order-messages">
            <thead className="text-xs uppercase text-slate-600">
              <tr>
                {["kind", "recipient", "status", "attempts", "sent", "message_id", "error"].map((c) => (
                  <th key={c} scope="col" className="border-b border-slate-200 py-2 pr-4 font-semibold">
                    {t(`msg_col_${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {messages.map((msg) => (
                <tr key={msg.id} data-message-status={msg.status} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-4">{t(`msg_kind_${msg.kind}`).replace("{step}", String(msg.reminderStep ?? "?"))}</td>
                  <td className="py-2 pr-4 wrap-anywhere">
                    {msg.recipient}
                    {msg.bcc ? (
                      <span className="block text-xs text-slate-600">
                        {t("msg_bcc")} {msg.bcc}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">
                    <StatusBadge value={TONE[msg.status] ?? msg.status} label={t(`msg_status_${msg.status}`)} />
                    {msg.providerStatus ? (
                      <span className="block text-xs text-slate-600" data-testid="provider-status">
                        {t("msg_provider_status")} {msg.providerStatus}
                      </span>
                    ) : null}
                    {msg.segments ? (
                      <span className="block text-xs text-slate-600">
                        {t("msg_sms_parts")} {msg.segments} ({msg.encoding === "UCS2" ? "UCS-2" : "GSM-7"}) · {t("msg_sms_credits")}{" "}
                        {msg.credits ?? 0}
                      </span>
                    ) : null}
                    {msg.status === "QUEUED" && msg.nextAttemptAt ? (
                      <span className="block text-xs text-slate-600">
                        {t("msg_next_attempt")} {formatDateTime(msg.nextAttemptAt, timeZone, lang)}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 pr-4">{msg.attempts}</td>
                  <td className="py-2 pr-4">{msg.sentAt ? formatDateTime(msg.sentAt, timeZone, lang) : "—"}</td>
                  <td className="py-2 pr-4 font-mono text-xs wrap-anywhere" data-testid="message-id">
                    {msg.providerMessageId ?? "—"}
                  </td>
                  <td className="py-2 pr-4">{msg.error ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
