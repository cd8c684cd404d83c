"use client";
import { useRouter } from "next/navigation";
import { type ReactNode, useCallback, useState } from "react";
import type { OrderAction } from "@/lib/orders/order-actions";
import { runOrderAction } from "@/lib/orders/run-order-action";
import { actionHref, OrderRowMenu } from "./order-row-menu";

export type OrderTableRow = { id: string; mode: string; actions: OrderAction[]; cells: ReactNode[] };
/** A column header; `sort` is set on the column the list is sorted by (aria-sort). */
export type OrderTableHeader = { key: string; label: ReactNode; sort?: "ascending" | "descending" };

const POSTED = new Set<OrderAction>(["cancel", "reactivate", "resend", "markSent"]);

/**
 * The order list's rows: click selects (toolbar acts on the selection), double-click or Enter opens
 * the detail, right-click or Shift+F10 / the context-menu key opens the row's action menu.
 */
export function OrderTable({
  headers,
  rows,
  labels,
}: {
  headers: OrderTableHeader[];
  rows: OrderTableRow[];
  labels: Record<string, string>;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ id: string; x: number; y: number } | null>(null);
  const close = useCallback(() => setMenu(null), []);
  const current = rows.find((r) => r.id === selected);
  const menuRow = rows.find((r) => r.id === menu?.id);
  return (
    <>
      <div role="toolbar" aria-label={labels.actions} className="mb-2 flex min-h-10 flex-wrap gap-2" data-testid="list-toolbar">
        {current ? (
          current.actions.map((a) =>
            POSTED.has(a) ? (
              <form key={a} action={runOrderAction}>
                <input type="hidden" name="orderId" value={current.id} />
                <button
                  type="submit"
                  name="action"
                  value={a}
                  className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
                  data-action={a}
                >
                  {labels[a]}
                </button>
              </form>
            ) : (
              <a
                key={a}
                href={actionHref(a, current.id, current.mode)}
                className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100"
                data-action={a}
              >
                {labels[a]}
              </a>
            ),
          )
        ) : (
          <p className="text-sm text-slate-600">{labels.select_hint}</p>
        )}
      </div>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="order-list">
          <thead className="bg-slate-100 text-xs uppercase text-slate-700">
            <tr>
              {headers.map((h) => (
                <th key={h.key} scope="col" className="px-3 py-2" aria-sort={h.sort} data-column={h.key}>
                  {h.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.id}
                data-order-id={r.id}
                tabIndex={0}
                aria-selected={selected === r.id}
                className={`cursor-default border-t border-slate-100 ${selected === r.id ? "bg-brand-50" : "hover:bg-slate-50"}`}
                onClick={() => setSelected(r.id)}
                onDoubleClick={() => router.push(`/orders/${r.id}`)}
                onContextMenu={(e) => {
                  e.preventDefault();
                  setSelected(r.id);
                  setMenu({ id: r.id, x: e.clientX, y: e.clientY });
                }}
                onKeyDown={(e) => {
                  if (e.key === "Enter") router.push(`/orders/${r.id}`);
                  else if (e.key === " ") setSelected(r.id);
                  else if (e.key === "ContextMenu" || (e.shiftKey && e.key === "F10")) {
                    const box = e.currentTarget.getBoundingClientRect();
                    setSelected(r.id);
                    setMenu({ id: r.id, x: box.left + 24, y: box.bottom });
                  } else return;
                  e.preventDefault();
                }}
              >
                {r.cells.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <td key={i} className="px-3 py-2 whitespace-nowrap">
                    {c}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {menu && menuRow ? (
        <OrderRowMenu orderId={menuRow.id} mode={menuRow.mode} actions={menuRow.actions} labels={labels} at={menu} onClose={close} />
      ) : null}
    </>
  );
}
