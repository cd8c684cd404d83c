"use client";
import { useEffect, useRef } from "react";
import type { OrderAction } from "@/lib/orders/order-actions";
import { runOrderAction } from "@/lib/orders/run-order-action";

const POSTED = new Set<OrderAction>(["cancel", "reactivate", "resend", "markSent"]);

/** Where each navigating action leads. */
export const actionHref = (a: OrderAction, id: string, mode: string) =>
  ({
    details: `/orders/${id}`,
    message: `/orders/${id}?tab=message`,
    modifyResend: `/orders/${id}/edit`,
    changeValidity: `/orders/${id}#change-validity`,
    createFrom: `/orders/new?mode=${mode}&from=${id}`,
    viewTransaction: `/orders/${id}#transactions`,
    delete: `/orders/${id}?confirm=delete`,
  })[a as string] ?? `/orders/${id}`;

type Props = {
  orderId: string;
  mode: string;
  actions: OrderAction[];
  labels: Record<string, string>;
  at: { x: number; y: number };
  onClose(): void;
};

/** The right-click menu of a row: the order's available actions, keyboard-navigable. */
export function OrderRowMenu({ orderId, mode, actions, labels, at, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const items = () => [...(ref.current?.querySelectorAll<HTMLElement>("[role=menuitem]") ?? [])];
    items()[0]?.focus();
    const onKey = (e: KeyboardEvent) => {
      const list = items();
      const i = list.indexOf(document.activeElement as HTMLElement);
      if (e.key === "Escape") onClose();
      else if (e.key === "ArrowDown") list[(i + 1) % list.length]?.focus();
      else if (e.key === "ArrowUp") list[(i - 1 + list.length) % list.length]?.focus();
      else return;
      e.preventDefault();
    };
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("mousedown", onDown);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("mousedown", onDown);
    };
  }, [onClose]);
  const item = "block w-full px-4 py-2 text-left text-sm hover:bg-brand-50 focus:bg-brand-50";
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={labels.actions}
      className="fixed z-50 min-w-56 rounded-md border border-slate-200 bg-white py-1 shadow-lg"
      style={{ left: at.x, top: at.y }}
      data-testid="row-menu"
    >
      {actions.map((a) => (
        <div key={a} role="none">
          {POSTED.has(a) ? (
            <form action={runOrderAction}>
              <input type="hidden" name="orderId" value={orderId} />
              <button type="submit" name="action" value={a} role="menuitem" className={item} data-action={a}>
                {labels[a]}
              </button>
            </form>
          ) : (
            <a href={actionHref(a, orderId, mode)} role="menuitem" className={item} data-action={a}>
              {labels[a]}
            </a>
          )}
        </div>
      ))}
    </div>
  );
}
