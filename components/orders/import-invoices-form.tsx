"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import type { Messages } from "@/lib/i18n/messages/types";
import { type ImportReport, MAX_IMPORT_BYTES } from "@/lib/invoices/schemas";
import { ImportReportView } from "./import-report";
import { ShopField } from "./order-dialog-parts";

type Props = { shops: { id: string; name: string }[]; mode: "TEST" | "PRODUCTION"; messages: Messages };
type Phase = { step: "idle" } | { step: "uploading"; loaded: number; total: number } | { step: "processing" };

/**
 * Orders › Import: the file goes to /orders/import/run with XMLHttpRequest, whose upload events
 * drive a real progress bar; once sent, the server's checking shows as an indeterminate one.
 * "Import" is offered after a dry run without errors of the same file, shop and mode.
 */
export function ImportInvoicesForm({ shops, mode: initialMode, messages }: Props) {
  const m = messages as Record<string, string>;
  const [shopId, setShopId] = useState(shops[0]?.id ?? "");
  const [mode, setMode] = useState(initialMode);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [checked, setChecked] = useState<string | null>(null);
  const xhrRef = useRef<XMLHttpRequest | null>(null);
  const key = file ? `${shopId}|${mode}|${file.name}|${file.size}|${file.lastModified}` : null;
  const busy = phase.step !== "idle";

  function reset() {
    setReport(null);
    setError(null);
    setChecked(null);
  }

  function send(dryRun: boolean) {
    if (!file) return setError("import_err_no_file");
    if (file.size > MAX_IMPORT_BYTES) return setError("import_err_too_large");
    setError(null);
    setReport(null);
    const xhr = new XMLHttpRequest();
    xhrRef.current = xhr;
    xhr.open("POST", `/orders/import/run?${new URLSearchParams({ shopId, mode, dryRun: String(dryRun) })}`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => setPhase({ step: "uploading", loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.upload.onload = () => setPhase({ step: "processing" });
    xhr.onload = () => {
      setPhase({ step: "idle" });
      const body = xhr.response as (ImportReport & { message?: undefined }) | { message?: string } | null;
      if ((xhr.status === 200 || xhr.status === 422) && body && "errors" in body) {
        setReport(body);
        setChecked(dryRun && body.errorCount === 0 ? key : null);
      } else {
        setError(body?.message ?? "err_generic");
      }
    };
    xhr.onerror = () => {
      setPhase({ step: "idle" });
      setError("import_err_network");
    };
    const form = new FormData();
    form.append("file", file);
    setPhase({ step: "uploading", loaded: 0, total: file.size });
    xhr.send(form);
  }

  const percent = phase.step === "uploading" && phase.total > 0 ? Math.round((phase.loaded / phase.total) * 100) : 0;
  return (
    <div className="flex flex-col gap-6">
      <form className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-6" onSubmit={(e) => e.preventDefault()} noValidate>
        {error ? <FormAlert>{m[error] ?? m.err_generic}</FormAlert> : null}
        {shops.length > 1 ? (
          <ShopField
            shops={shops}
            value={shopId}
            disabled={busy}
            onChange={(id) => {
              setShopId(id);
              reset();
            }}
            label={m.field_shop ?? ""}
          />
        ) : null}
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium text-slate-800">{m.import_mode}</legend>
          <div className="flex gap-4">
            {(["PRODUCTION", "TEST"] as const).map((v) => (
              <label key={v} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="mode"
                  value={v}
                  checked={mode === v}
                  disabled={busy}
                  onChange={() => {
                    setMode(v);
                    reset();
                  }}
                />
                {m[`import_mode_${v}`]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field
          id="file"
          label={m.import_file}
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            reset();
          }}
        />
        {phase.step === "uploading" ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="import-progress" className="text-sm text-slate-700">
              {m.import_uploading} ({percent} %)
            </label>
            <progress id="import-progress" className="w-full" max={100} value={percent} />
          </div>
        ) : phase.step === "processing" ? (
          <div className="flex flex-col gap-1" role="status">
            <label htmlFor="import-progress" className="text-sm text-slate-700">
              {m.import_processing}
            </label>
            <progress id="import-progress" className="w-full" />
          </div>
        ) : null}
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => send(true)} disabled={busy}>
            {m.import_dry_run}
          </Button>
          <Button onClick={() => send(false)} disabled={busy || !key || checked !== key}>
            {m.import_commit}
          </Button>
        </div>
      </form>
      {report ? <ImportReportView report={report} m={messages} listHref={mode === "TEST" ? "/test-orders" : "/orders"} /> : null}
    </div>
  );
}
