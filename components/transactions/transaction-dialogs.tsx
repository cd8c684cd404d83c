"use client";
// The transaction's operations that need a confirmation (refunds20): Refund (amount prefilled with
// the refundable rest, checked here and by the server), Cancel before capture, Change the capture
// date. Native modal dialogs (focus kept inside, Escape closes); `#refund`, `#cancel` and
// `#capture-date` in the address open them, so the list's right-click menu can lead straight here.
import { type ReactNode, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { runTransactionAction } from "@/lib/payments/transaction-actions";

export type DialogKind = "refund" | "cancel" | "captureDate";

export type TransactionDialogsProps = {
  transactionId: string;
  returnTo: "transaction" | "order";
  can: DialogKind[];
  /** Refund: the rest in major units for the input ("49.90"), its display ("49,90 €"), in minor units, and the currency's decimals. */
  refundable?: { input: string; display: string; minor: number; decimals: number };
  /** Capture date: the shop's days allowed and the current one. */
  captureWindow?: { min: string; max: string; current: string };
  labels: Record<LabelKey, string>;
};

type LabelKey =
  | "back"
  | `open_${DialogKind}`
  | "refund_title"
  | "refund_body"
  | "amount"
  | "amount_help"
  | "comment"
  | "refund_confirm"
  | "err_amount"
  | "err_exceeds"
  | "cancel_title"
  | "cancel_body"
  | "cancel_confirm"
  | "capture_title"
  | "capture_body"
  | "capture_day"
  | "capture_confirm";

const HASH: Record<string, DialogKind> = { "#refund": "refund", "#cancel": "cancel", "#capture-date": "captureDate" };

/** Minor units of a typed amount ("12,5" → 1250 with 2 decimals), or null when it is not one. */
function toMinor(typed: string, decimals: number): number | null {
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(typed.trim().replace(/[\s\u00a0\u202f]/g, ""));
  if (!m) return null;
  const frac = (m[2] ?? "").replace(/0+$/, "");
  if (frac.length > decimals) return null;
  return Number((m[1] ?? "0") + frac.padEnd(decimals, "0"));
}

export function TransactionDialogs({ transactionId, returnTo, can, refundable, captureWindow, labels }: TransactionDialogsProps) {
  // A capture date already past proposes the first day allowed.
  // biome-ignore lint/complexity/useMathMinMax: ISO days are strings (Math.max would make them NaN)
  const captureDefault = captureWindow && (captureWindow.current < captureWindow.min ? captureWindow.min : captureWindow.current);
  const refs = {
    refund: useRef<HTMLDialogElement>(null),
    cancel: useRef<HTMLDialogElement>(null),
    captureDate: useRef<HTMLDialogElement>(null),
  };
  const [amountError, setAmountError] = useState<string | undefined>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on arrival: the hash names the dialog the menu asked for.
  useEffect(() => {
    const kind = HASH[window.location.hash];
    if (kind && can.includes(kind)) refs[kind].current?.showModal();
  }, []);
  const open = (k: DialogKind) => refs[k].current?.showModal();
  const close = (k: DialogKind) => refs[k].current?.close();
  const idp = `txd-${transactionId}`;
  const hidden = (action: DialogKind) => (
    <>
      <input type="hidden" name="transactionId" value={transactionId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <input type="hidden" name="action" value={action} />
    </>
  );
  // A modal dialog named by its title and described by its body (ids `${idp}-<code>-title` and `-body`).
  const dialog = ({ kind: k, code, title, body }: { kind: DialogKind; code: string; title: string; body: string }, form: ReactNode) => (
    <dialog
      ref={refs[k]}
      aria-labelledby={`${idp}-${code}-title`}
      aria-describedby={`${idp}-${code}-body`}
      className="m-auto w-full max-w-md rounded-lg border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
      data-dialog={k}
    >
      <h2 id={`${idp}-${code}-title`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      <p id={`${idp}-${code}-body`} className="mb-4 text-sm text-slate-700">
        {body}
      </p>
      {form}
    </dialog>
  );
  const buttons = (k: DialogKind, confirm: string, variant: "primary" | "danger") => (
    <div className="mt-4 flex justify-end gap-3">
      <button type="button" className={buttonClass("secondary")} onClick={() => close(k)}>
        {labels.back}
      </button>
      <button type="submit" className={buttonClass(variant)} data-tx-confirm={k}>
        {confirm}
      </button>
    </div>
  );
  return (
    <>
      {can.map((k) => (
        <button
          key={k}
          type="button"
          className={buttonClass(k === "cancel" ? "danger" : "secondary")}
          onClick={() => open(k)}
          data-tx-open={k}
        >
          {labels[`open_${k}`]}
        </button>
      ))}
      {can.includes("refund") && refundable
        ? dialog(
            { kind: "refund", code: "rf", title: labels.refund_title, body: labels.refund_body },
            <form
              action={runTransactionAction}
              noValidate
              className="flex flex-col gap-3"
              onSubmit={(e) => {
                const typed = String(new FormData(e.currentTarget).get("amount") ?? "");
                const minor = toMinor(typed, refundable.decimals);
                const error = minor === null || minor <= 0 ? labels.err_amount : minor > refundable.minor ? labels.err_exceeds : undefined;
                setAmountError(error);
                if (error) e.preventDefault();
                else close("refund");
              }}
            >
              {hidden("refund")}
              <Field
                id={`${idp}-amount`}
                name="amount"
                label={labels.amount}
                help={labels.amount_help}
                error={amountError}
                defaultValue={refundable.input}
                inputMode="decimal"
                autoComplete="off"
                required
              />
              <Field id={`${idp}-rf-comment`} name="comment" label={labels.comment} maxLength={255} autoComplete="off" />
              {buttons("refund", labels.refund_confirm, "primary")}
            </form>,
          )
        : null}
      {can.includes("cancel")
        ? dialog(
            { kind: "cancel", code: "cx", title: labels.cancel_title, body: labels.cancel_body },
            <form action={runTransactionAction} onSubmit={() => close("cancel")}>
              {hidden("cancel")}
              {buttons("cancel", labels.cancel_confirm, "danger")}
            </form>,
          )
        : null}
      {can.includes("captureDate") && captureWindow
        ? dialog(
            { kind: "captureDate", code: "cd", title: labels.capture_title, body: labels.capture_body },
            <form action={runTransactionAction} onSubmit={() => close("captureDate")} className="flex flex-col gap-3">
              {hidden("captureDate")}
              <Field
                id={`${idp}-day`}
                name="day"
                type="date"
                label={labels.capture_day}
                min={captureWindow.min}
                max={captureWindow.max}
                defaultValue={captureDefault}
                required
              />
              {buttons("captureDate", labels.capture_confirm, "primary")}
            </form>,
          )
        : null}
    </>
  );
}
