"use client";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { copyText, selectedMessage } from "./copy-text";

export type CopyLabels = { copy: string; copied: string; fallback: string; fallbackMac?: string };

/**
 * Copies `value`; without the Clipboard API (or when refused), tries the older copy command on
 * the element `targetId`, else leaves it selected and says which keys copy it.
 */
export function CopyButton({ value, targetId, labels, name }: { value: string; targetId: string; labels: CopyLabels; name?: string }) {
  const [note, setNote] = useState("");
  async function copy() {
    const outcome = await copyText(value, document.getElementById(targetId));
    setNote(outcome === "copied" ? labels.copied : selectedMessage(labels));
  }
  return (
    <>
      <button
        type="button"
        onClick={copy}
        className="inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100"
      >
        {note === labels.copied ? <Check aria-hidden size={16} /> : <Copy aria-hidden size={16} />}
        {labels.copy}
        {name ? <span className="sr-only"> {name}</span> : null}
      </button>
      <span aria-live="polite" className="text-xs text-green-800">
        {note}
      </span>
    </>
  );
}
