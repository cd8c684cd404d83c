"use client";
import { useEffect, useRef } from "react";
import { buttonClass } from "@/components/ui/button";

export type ConfirmDeleteLabels = { delete: string; title: string; body: string; confirm: string; cancel: string };

/**
 * Delete, after a confirmation in a native modal dialog (focus kept inside, Escape cancels). The
 * server action receives the form's `shopId` and `id` (a template, a notification rule, …).
 */
export function ConfirmDeleteButton({
  action,
  shopId,
  targetId,
  name,
  labels,
  openAtStart = false,
}: {
  action: (formData: FormData) => void | Promise<void>;
  shopId: string;
  targetId: string;
  name: string;
  labels: ConfirmDeleteLabels;
  /** Opened on arrival (the list's row menu leads to the order with its confirmation open). */
  openAtStart?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (openAtStart && !dialog.current?.open) dialog.current?.showModal();
  }, [openAtStart]);
  const id = `delete-${targetId}`;
  return (
    <>
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="rounded-md border border-red-300 bg-white px-2 py-1 text-sm font-semibold text-red-800 hover:bg-red-50"
        data-action="delete"
      >
        {labels.delete}
        <span className="sr-only"> {name}</span>
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
        <p className="mb-2 font-medium">{name}</p>
        <p id={`${id}-body`} className="mb-4 text-sm text-slate-700">
          {labels.body}
        </p>
        <form action={action} onSubmit={() => dialog.current?.close()} className="flex justify-end gap-3">
          <input type="hidden" name="shopId" value={shopId} />
          <input type="hidden" name="id" value={targetId} />
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
