"use client";
import { useId, useState } from "react";
import { copyText, selectedMessage } from "@/components/ui/copy-text";
import { QR_SIZES } from "@/lib/orders/schemas";

type Labels = {
  link: string;
  copy: string;
  copied: string;
  fallback: string;
  fallbackMac: string;
  text: string;
  qr: string;
  qrSize: string;
  qrSizeOption: string;
  downloadPng: string;
  downloadSvg: string;
};

/** Copies a field's text; without the Clipboard API, the older copy command, else the text selected and the keys to press. */
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
  const [note, setNote] = useState("");
  async function copy() {
    const outcome = await copyText(value, document.getElementById(id));
    setNote(outcome === "copied" ? labels.copied : selectedMessage(labels));
  }
  const cls = "w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <div className="flex items-start gap-2">
        {multiline ? (
          <textarea id={id} readOnly rows={6} value={value} className={cls} />
        ) : (
          <input id={id} readOnly value={value} className={cls} data-testid="payment-url" />
        )}
        <button
          type="button"
          onClick={copy}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100"
        >
          {labels.copy}
          <span className="sr-only"> {label}</span>
        </button>
      </div>
      <p aria-live="polite" className="text-xs text-green-800" data-testid={`${id}-note`}>
        {note}
      </p>
    </div>
  );
}

/**
 * The URL channel's panel (F-CH-URL): the link and the ready-to-paste text with copy buttons, and
 * the QR code, to download as PNG or SVG at a chosen size (`qrBase` + ".png" / ".svg").
 */
export function PaymentLinkPanel({
  url,
  text,
  qr,
  qrBase,
  labels,
}: {
  url: string;
  text: string;
  qr: string;
  qrBase: string;
  labels: Labels;
}) {
  const [size, setSize] = useState<number>(512);
  const sizeId = useId();
  const link = "text-sm text-brand-700 underline";
  return (
    <div className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-[1fr_auto]">
      <div className="flex flex-col gap-4">
        <CopyField id="payment-url" label={labels.link} value={url} labels={labels} />
        <CopyField id="payment-text" label={labels.text} value={text} multiline labels={labels} />
      </div>
      <figure className="flex flex-col items-center gap-2">
        {/* biome-ignore lint/performance/noImgElement: a data: URL, nothing for next/image to optimise */}
        <img src={qr} alt={`${labels.qr}: ${url}`} width={192} height={192} />
        <figcaption className="flex flex-col items-center gap-2">
          <label htmlFor={sizeId} className="text-sm font-medium">
            {labels.qrSize}
          </label>
          <select
            id={sizeId}
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
            className="rounded-md border border-slate-400 bg-white px-2 py-1 text-sm"
            data-testid="qr-size"
          >
            {QR_SIZES.map((s) => (
              <option key={s} value={s}>
                {labels.qrSizeOption.replaceAll("{size}", String(s))}
              </option>
            ))}
          </select>
          <a href={`${qrBase}.png?size=${size}`} download className={link} data-testid="qr-png">
            {labels.downloadPng}
          </a>
          <a href={`${qrBase}.svg?size=${size}`} download className={link} data-testid="qr-svg">
            {labels.downloadSvg}
          </a>
        </figcaption>
      </figure>
    </div>
  );
}
