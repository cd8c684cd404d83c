"use client";
import { useState } from "react";

export type CopyLabels = { copy: string; copied: string; fallback: string };

/** Copies `value`; where the Clipboard API is missing or refused, selects the element `targetId` and says how. */
export function CopyButton({ value, targetId, labels, name }: { value: string; targetId: string; labels: CopyLabels; name?: string }) {
  const [note, setNote] = useState("");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setNote(labels.copied);
    } catch {
      const el = document.getElementById(targetId);
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
        el.focus();
        el.select();
      } else if (el) {
        window.getSelection()?.selectAllChildren(el);
      }
      setNote(labels.fallback);
    }
  }
  return (
    <>
      <button
        type="button"
        onClick={copy}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-semibold hover:bg-slate-100"
      >
        {labels.copy}
        {name ? <span className="sr-only"> {name}</span> : null}
      </button>
      <span aria-live="polite" className="text-xs text-green-800">
        {note}
      </span>
    </>
  );
}
