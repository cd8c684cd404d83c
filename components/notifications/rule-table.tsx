import Link from "next/link";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { confirmLabels } from "@/components/ui/confirm-labels";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import type { T } from "@/lib/i18n";
import { deleteRuleAction, setRuleEnabledAction } from "@/lib/notifications/rules/actions";
import type { RuleRow } from "@/lib/notifications/rules/find-rules";

const cell = "px-3 py-2 align-top";
const small = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm font-semibold text-slate-800 hover:bg-slate-100";

/** Where a rule sends: its TEST and PRODUCTION URLs, or its e-mail's recipient. */
function Destination({ rule, t }: { rule: RuleRow; t: T }) {
  if (rule.kind === "SMS") return <span className="font-mono">{rule.smsPhone}</span>;
  if (rule.kind === "EMAIL") {
    const target = rule.emailTarget ?? "";
    return <span>{target === "BUYER" || target === "MERCHANT" ? t(`nrule_email_target_${target}`) : target}</span>;
  }
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 text-xs">
      {(
        [
          ["TEST", rule.urlTest],
          ["PRODUCTION", rule.urlProd],
        ] as const
      ).map(([mode, url]) =>
        url ? (
          <div key={mode} className="contents">
            <dt className="font-semibold">{mode}</dt>
            <dd className="break-all font-mono">{url}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

/** Settings › Notification rules: the shop's rules; administrators edit, enable/disable and delete them. */
export function RuleTable({ shopId, rules, canEdit, t }: { shopId: string; rules: RuleRow[]; canEdit: boolean; t: T }) {
  const cols = ["nrule_col_label", "nrule_col_kind", "nrule_col_events", "nrule_col_target", "nrule_col_state", "nrule_col_actions"];
  return (
    <DataTable testId="rules" columns={cols.map((c) => t(c))}>
      {rules.map((r) => (
        <tr key={r.id} className="border-t border-slate-100" data-rule-id={r.id} data-enabled={r.enabled}>
          <th scope="row" className={`${cell} font-medium`}>
            {r.label}
          </th>
          <td className={cell}>{t(`nrule_kind_${r.kind}`)}</td>
          <td className={cell}>
            <ul>
              {r.events.map((e) => (
                <li key={e}>{t(`ntf_event_${e}`)}</li>
              ))}
            </ul>
          </td>
          <td className={cell}>
            <Destination rule={r} t={t} />
          </td>
          <td className={cell}>
            <StatusBadge value={r.enabled ? "ENABLED" : "DISABLED"} label={t(r.enabled ? "nrule_enabled" : "nrule_disabled")} />
          </td>
          <td className={cell}>
            <div className="flex flex-wrap gap-2">
              <Link href={`/settings/notification-rules/${r.id}`} className={small}>
                {t(canEdit ? "nrule_edit" : "nrule_view")}
                <span className="sr-only"> {r.label}</span>
              </Link>
              {canEdit ? (
                <>
                  <form action={setRuleEnabledAction}>
                    <input type="hidden" name="shopId" value={shopId} />
                    <input type="hidden" name="id" value={r.id} />
                    <input type="hidden" name="enabled" value={String(!r.enabled)} />
                    <button type="submit" className={small}>
                      {t(r.enabled ? "nrule_disable" : "nrule_enable")}
                      <span className="sr-only"> {r.label}</span>
                    </button>
                  </form>
                  <ConfirmDeleteButton
                    action={deleteRuleAction}
                    shopId={shopId}
                    targetId={r.id}
                    name={r.label}
                    labels={confirmLabels(t, "nrule")}
                  />
                </>
              ) : null}
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
