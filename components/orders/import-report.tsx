import { ColumnHeads } from "@/components/ui/data-table";
import { Section } from "@/components/ui/section";
import type { Messages } from "@/lib/i18n/messages/types";
import type { ImportIssue, ImportReport } from "@/lib/invoices/schemas";

/** Rows shown per table; the counts above them are complete. */
const SHOWN = 500;

type Props = { report: ImportReport; m: Messages; listHref: string };

/** The import's summary and its per-line report (errors, then skipped lines). */
export function ImportReportView({ report, m, listHref }: Props) {
  const failed = report.errorCount > 0;
  const outcome = failed ? m.import_failed : report.dryRun ? m.import_ok_dry : m.import_done;
  return (
    <Section
      id="import-result"
      title={report.dryRun ? m.import_summary_dry : m.import_summary}
      className="flex flex-col gap-4"
      testId="import-report"
    >
      <p role="status" className={`rounded-md p-3 text-sm font-medium ${failed ? "bg-red-50 text-red-800" : "bg-green-50 text-green-900"}`}>
        {outcome}
        {!failed && !report.dryRun && report.created > 0 ? (
          <>
            {" "}
            <a href={listHref} className="underline">
              {m.nav_orders}
            </a>
          </>
        ) : null}
      </p>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
        {(
          [
            ["rows", m.import_rows, report.rows],
            ["created", report.dryRun ? m.import_would_create : m.import_created, report.created],
            ["skipped", m.import_skipped, report.skipped],
            ["errors", m.import_errors, report.errorCount],
          ] as const
        ).map(([key, label, value]) => (
          <div key={key}>
            <dt className="text-slate-600">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums" data-testid={`import-${key}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {report.errors.length ? <IssueTable title={m.import_errors_title} issues={report.errors} total={report.errorCount} m={m} /> : null}
      {report.skippedRows.length ? (
        <IssueTable title={m.import_skipped_title} issues={report.skippedRows} total={report.skipped} m={m} />
      ) : null}
    </Section>
  );
}

function IssueTable({ title, issues, total, m }: { title: string; issues: ImportIssue[]; total: number; m: Messages }) {
  const more = total - Math.min(issues.length, SHOWN);
  return (
    <div>
      <h3 className="mb-2 font-semibold">{title}</h3>
      <div className="max-h-96 overflow-auto rounded-md border border-slate-200">
        <table className="w-full text-left text-sm">
          <thead className="sticky top-0 bg-slate-100 text-xs uppercase text-slate-700">
            <tr>
              <ColumnHeads labels={[m.import_col_line, m.import_col_column, m.import_col_value, m.import_col_reason]} />
            </tr>
          </thead>
          <tbody>
            {issues.slice(0, SHOWN).map((i) => (
              <tr key={`${i.line}-${i.column}-${i.reason}`} className="border-t border-slate-200">
                <td className="px-3 py-1.5 tabular-nums">{i.line}</td>
                <td className="px-3 py-1.5 font-mono">{i.column}</td>
                <td className="max-w-xs truncate px-3 py-1.5 font-mono" title={i.value}>
                  {i.value}
                </td>
                <td className="px-3 py-1.5">{(m as Record<string, string>)[`import_reason_${i.reason}`] ?? i.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 ? <p className="mt-1 text-sm text-slate-600">{m.import_more.replace("{count}", String(more))}</p> : null}
    </div>
  );
}
