"use client";
import { useActionState, useRef } from "react";
import { buttonClass } from "@/components/ui/button";
import { CopyButton, type CopyLabels } from "@/components/ui/copy-button";
import { type KeyActionState, revealShopKeyAction, rotateShopKeyAction } from "@/lib/shops/key-actions";
import type { ShopKeyName } from "@/lib/shops/shop-keys";

export type ShopKeyLabels = CopyLabels & {
  reveal: string;
  rotate: string;
  rotateTitle: string;
  rotateBody: string;
  rotateConfirm: string;
  cancel: string;
  rotated: string;
  errors: Record<string, string>;
};

// One state for both actions: the value shown is the latest one obtained, revealed or rotated.
const keyAction = (prev: KeyActionState, formData: FormData) =>
  formData.get("intent") === "rotate" ? rotateShopKeyAction(prev, formData) : revealShopKeyAction(prev, formData);

/** One key: masked until revealed, copyable once shown, rotated after a confirmation (native modal dialog). */
export function ShopKeyRow({
  shopId,
  name,
  label,
  help,
  masked,
  labels,
}: {
  shopId: string;
  name: ShopKeyName;
  label: string;
  help: string;
  masked: string;
  labels: ShopKeyLabels;
}) {
  const [state, action, pending] = useActionState<KeyActionState, FormData>(keyAction, {});
  const dialog = useRef<HTMLDialogElement>(null);
  const id = `key-${name}`;
  const hidden = (intent: string) => (
    <>
      <input type="hidden" name="shopId" value={shopId} />
      <input type="hidden" name="key" value={name} />
      <input type="hidden" name="intent" value={intent} />
    </>
  );
  return (
    <li className="flex flex-col gap-1 border-t border-slate-100 py-4 first:border-t-0" data-key={name}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <p id={`${id}-help`} className="text-xs text-slate-600">
        {help}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={state.value ?? masked}
          aria-describedby={`${id}-help`}
          data-revealed={state.value ? "true" : "false"}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
          spellCheck={false}
        />
        {state.value ? (
          <CopyButton value={state.value} targetId={id} labels={labels} name={label} />
        ) : (
          <form action={action}>
            {hidden("reveal")}
            <button type="submit" className={buttonClass("secondary")} disabled={pending}>
              {labels.reveal}
              <span className="sr-only"> {label}</span>
            </button>
          </form>
        )}
        <button type="button" className={buttonClass("secondary")} disabled={pending} onClick={() => dialog.current?.showModal()}>
          {labels.rotate}
          <span className="sr-only"> {label}</span>
        </button>
      </div>
      <p role="status" className="text-sm text-green-800">
        {state.rotated ? labels.rotated : ""}
      </p>
      {state.error ? (
        <p role="alert" className="text-sm font-medium text-red-700">
          {labels.errors[state.error] ?? labels.errors.err_generic}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-rotate-title`}
        aria-describedby={`${id}-rotate-body`}
        className="m-auto max-w-md rounded-lg border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-rotate-title`} className="mb-1 text-lg font-semibold">
          {labels.rotateTitle}
        </h2>
        <p className="mb-2 font-medium">{label}</p>
        <p id={`${id}-rotate-body`} className="mb-4 text-sm text-slate-700">
          {labels.rotateBody}
        </p>
        <form action={action} onSubmit={() => dialog.current?.close()} className="flex justify-end gap-3">
          {hidden("rotate")}
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
            {labels.cancel}
          </button>
          <button type="submit" className={buttonClass("danger")}>
            {labels.rotateConfirm}
          </button>
        </form>
      </dialog>
    </li>
  );
}
