"use client";
// The transactions list's right-click menu (manual §10.1: "clic droit sur la transaction"): on a
// row, right-click, Shift+F10 or the context-menu key lists what the transaction allows now —
// details, refund, cancel, change the capture date — each leading to its detail's dialog. Rows are
// server-rendered; this listens on the table and reads each row's data-tx-actions and data-number.
import { useEffect, useRef, useState } from "react";

type Menu = { id: string; number: string; actions: string[]; x: number; y: number };

const HREF: Record<string, (id: string) => string> = {
  details: (id) => `/transactions/${id}`,
  validate: (id) => `/transactions/${id}`,
  refund: (id) => `/transactions/${id}#refund`,
  captureDate: (id) => `/transactions/${id}#capture-date`,
  cancel: (id) => `/transactions/${id}#cancel`,
};

export function TransactionRowMenu({ tableId, labels }: { tableId: string; labels: Record<string, string> }) {
  const [menu, setMenu] = useState<Menu | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const table = document.querySelector(`[data-testid="${tableId}"]`);
    if (!table) return;
    const open = (row: HTMLElement, x: number, y: number) =>
      setMenu({
        id: row.dataset.transactionId ?? "",
        number: row.dataset.number ?? "",
        actions: ["details", ...(row.dataset.txActions ? row.dataset.txActions.split(",") : [])],
        x,
        y,
      });
    const rowOf = (e: Event) => (e.target as HTMLElement).closest<HTMLElement>("tr[data-transaction-id]");
    const onContext = (e: Event) => {
      const row = rowOf(e);
      if (!row) return;
      e.preventDefault();
      const m = e as MouseEvent;
      open(row, m.clientX, m.clientY);
    };
    const onKey = (e: Event) => {
      const k = e as KeyboardEvent;
      const row = rowOf(e);
      if (!row || !(k.key === "ContextMenu" || (k.shiftKey && k.key === "F10"))) return;
      e.preventDefault();
      const box = row.getBoundingClientRect();
      open(row, box.left + 24, box.bottom);
    };
    table.addEventListener("contextmenu", onContext);
    table.addEventListener("keydown", onKey);
    return () => {
      table.removeEventListener("contextmenu", onContext);
      table.removeEventListener("keydown", onKey);
    };
  }, [tableId]);
  useEffect(() => {
    if (!menu) return;
    const items = () => [...(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    items()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      const list = items();
      const i = list.indexOf(document.activeElement as HTMLElement);
      if (e.key === "Escape") setMenu(null);
      else if (e.key === "ArrowDown") list[(i + 1) % list.length]?.focus();
      else if (e.key === "ArrowUp") list[(i - 1 + list.length) % list.length]?.focus();
      else return;
      e.preventDefault();
    };
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setMenu(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [menu]);
  if (!menu) return null;
  const item = "block w-full px-4 py-2 text-left text-sm hover:bg-brand-50 focus:bg-brand-50";
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={(labels.menu ?? "").replace("{number}", menu.number)}
      className="fixed z-50 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      style={{ left: menu.x, top: menu.y }}
      data-testid="tx-row-menu"
    >
      {menu.actions.map((a) => (
        <div key={a} role="none">
          <a href={HREF[a]?.(menu.id) ?? `/transactions/${menu.id}`} role="menuitem" className={item} data-action={a}>
            {labels[a]}
          </a>
        </div>
      ))}
    </div>
  );
}
