"use client";
import { useRef, useState } from "react";

type Labels = { link: string; copy: string; copied: string; fallback: string; text: string; qr: string; download: string };

/** Copies a field's text; where the Clipboard API is missing or refused, selects it and says how. */
function CopyField({
  id,
  label,
  value,
  multiline,
  labels,
}: {
  id: string;
  label: string;
  value: string;
  multiline?: boolean;
  labels: Labels;
}) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [note, setNote] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setNote(labels.copied);
    } catch {
      ref.current?.focus();
      ref.current?.select();
      setNote(labels.fallback);
    }
  }
  const cls = "w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-start gap-2">
        {multiline ? (
          <textarea id={id} ref={ref} readOnly rows={6} value={value} className={cls} />
        ) : (
          <input id={id} ref={ref} readOnly value={value} className={cls} data-testid="payment-url" />
        )}
        <button
          type="button"
          onClick={copy}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100"
        >
          {labels.copy}
        </button>
      </div>
      <p aria-live="polite" className="text-xs text-green-800">
        {note}
      </p>
    </div>
  );
}

export function PaymentLinkPanel({
  url,
  text,
  qr,
  qrHref,
  labels,
}: {
  url: string;
  text: string;
  qr: string;
  qrHref: string;
  labels: Labels;
}) {
  return (
    <div className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-[1fr_auto]">
      <div className="flex flex-col gap-4">
        <CopyField id="payment-url" label={labels.link} value={url} labels={labels} />
        <CopyField id="payment-text" label={labels.text} value={text} multiline labels={labels} />
      </div>
      <figure className="flex flex-col items-center gap-2">
        {/* biome-ignore lint/performance/noImgElement: a data: URL, nothing for next/image to optimise */}
        <img src={qr} alt={`${labels.qr}: ${url}`} width={192} height={192} />
        <a href={qrHref} download className="text-sm text-brand-700 underline">
          {labels.download}
        </a>
      </figure>
    </div>
  );
}
