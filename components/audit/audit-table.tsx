import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { actionLabelKey } from "@/lib/audit/audit-actions";
import type { AuditActor } from "@/lib/audit/audit-actors";
import type { AuditLogRow } from "@/lib/audit/find-audit-events";
import { summarizeChange } from "@/lib/audit/summarize-change";
import type { T } from "@/lib/i18n";

const cell = "px-3 py-2 align-top";
const formats = new Map<string, Intl.DateTimeFormat>();

/** Date and time to the second, in the log's zone and the reader's language. */
function formatTime(at: Date, timeZone: string, lang: string) {
  const key = `${lang}|${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "medium", timeZone });
    formats.set(key, f);
  }
  return f.format(at);
}

function Actor({ a, t }: { a: AuditActor; t: T }) {
  if (a.type === "USER") {
    if (!a.email) return <span>{t("audit_actor_unknown_user")}</span>;
    return (
      <>
        <span className="font-medium">{a.name}</span>
        <br />
        <span className="text-xs text-slate-600">{a.email}</span>
      </>
    );
  }
  if (a.type === "API_KEY") return <span>{t("audit_actor_api").replace("{shop}", a.shopId).replace("{mode}", a.mode)}</span>;
  return <span>{t(`audit_actor_type_${a.type}`)}</span>;
}

const pretty = (v: unknown) => (v === null || v === undefined ? "—" : JSON.stringify(v, null, 2));

function Change({ r, t, time }: { r: AuditLogRow; t: T; time: string }) {
  const { lines, more } = summarizeChange(r.before, r.after);
  if (r.before == null && r.after == null) return <span>—</span>;
  const pre = (label: string, v: unknown) => (
    <div>
      <p className="text-xs font-medium text-slate-700">{label}</p>
      <pre
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
        className="max-h-64 max-w-md overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs"
      >
        {pretty(v)}
      </pre>
    </div>
  );
  return (
    <>
      {lines.length ? (
        <ul className="text-xs" data-testid="audit-change">
          {lines.map((l) => (
            <li key={l.key} className="break-all">
              {l.key ? <span className="font-mono text-slate-700">{l.key}: </span> : null}
              {l.from !== undefined ? <span>{l.from}</span> : null}
              {l.from !== undefined ? " → " : null}
              {l.to !== undefined ? <span className="font-medium">{l.to}</span> : l.from !== undefined ? "—" : null}
            </li>
          ))}
          {more ? <li className="text-slate-600">+{more}</li> : null}
        </ul>
      ) : null}
      <details className="mt-1 text-xs">
        <summary className="cursor-pointer text-brand-700 underline">
          {t("audit_details")}
          <span className="sr-only"> — {time}</span>
        </summary>
        <div className="mt-1 flex flex-col gap-2">
          {pre(t("audit_before"), r.before)}
          {pre(t("audit_after"), r.after)}
        </div>
      </details>
    </>
  );
}

/** The audit log's rows, newest first: time, actor, action (label and code), target, change. */
export function AuditTable({ rows, t, lang, timeZone }: { rows: AuditLogRow[]; t: T; lang: string; timeZone: string }) {
  const cols = ["audit_col_time", "audit_col_actor", "audit_col_action", "audit_col_target", "audit_col_change"];
  return (
    <DataTable testId="audit-events" columns={cols.map((c) => t(c))}>
      {rows.map((r) => {
        const time = formatTime(r.createdAt, timeZone, lang);
        const label = t(actionLabelKey(r.action));
        return (
          <tr key={r.id} className="border-t border-slate-100" data-event-id={r.id} data-action={r.action}>
            <td className={`${cell} whitespace-nowrap`}>
              <time dateTime={r.createdAt.toISOString()}>{time}</time>
            </td>
            <td className={cell}>
              <Actor a={r.actor} t={t} />
            </td>
            <td className={cell}>
              {label !== actionLabelKey(r.action) ? (
                <>
                  {label}
                  <br />
                </>
              ) : null}
              <code className="text-xs text-slate-600">{r.action}</code>
            </td>
            <td className={cell}>
              {r.orderId ? (
                <>
                  <Link href={`/orders/${r.orderId}`} className="font-mono text-xs text-brand-700 underline">
                    {t("audit_target_order").replace("{id}", r.orderId)}
                  </Link>
                  <br />
                </>
              ) : null}
              <span className="text-xs">{r.shopId ? `${r.shopName ?? ""} (${r.shopId})`.trim() : t("audit_target_company")}</span>
            </td>
            <td className={`${cell} min-w-64`}>
              <Change r={r} t={t} time={time} />
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
