"use client";
import { useRef } from "react";
import { deleteRuleAction } from "@/app/(backoffice)/settings/notification-rules/actions";
import { buttonClass } from "@/components/ui/button";

export type DeleteRuleLabels = { delete: string; title: string; body: string; confirm: string; cancel: string };

/** Delete, after a confirmation in a native modal dialog (focus kept inside, Escape cancels). */
export function DeleteRuleButton({
  shopId,
  ruleId,
  label,
  labels,
}: {
  shopId: string;
  ruleId: string;
  label: string;
  labels: DeleteRuleLabels;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = `delete-${ruleId}`;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
      >
        {labels.delete}
        <span className="sr-only"> {label}</span>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        className="m-auto max-w-md rounded-lg border border-slate-200 p-6 shadow-xl backdrop:bg-slate-900/40"
      >
        <h2 id={`${id}-title`} className="mb-1 text-lg font-semibold">
          {labels.title}
        </h2>
        <p className="mb-2 font-medium">{label}</p>
        <p id={`${id}-body`} className="mb-4 text-sm text-slate-700">
          {labels.body}
        </p>
        <form action={deleteRuleAction} onSubmit={() => dialog.current?.close()} className="flex justify-end gap-3">
          <input type="hidden" name="shopId" value={shopId} />
          <input type="hidden" name="id" value={ruleId} />
          <button type="button" className={buttonClass("secondary")} onClick={() => dialog.current?.close()}>
            {labels.cancel}
          </button>
          <button type="submit" className={buttonClass("danger")}>
            {labels.confirm}
          </button>
        </form>
      </dialog>
    </>
  );
}
