"use client";
import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { type ReactNode, useEffect, useState } from "react";

/**
 * The side menu on a phone: below 768 px it folds behind a button (closed by default, closed again
 * after each navigation); from 768 px it is always shown and the button is gone.
 */
export function FoldingMenu({ labels, children }: { labels: { menu: string; open: string; close: string }; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className="md:contents">
      <button
        type="button"
        className="flex w-full items-center gap-2 border-b border-slate-200 bg-white px-4 py-2 text-sm font-medium text-slate-800 md:hidden"
        aria-expanded={open}
        aria-controls="side-menu"
        aria-label={open ? labels.close : labels.open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? <X aria-hidden size={18} /> : <Menu aria-hidden size={18} />}
        {labels.menu}
      </button>
      <div id="side-menu" className={`${open ? "block" : "hidden"} md:block`}>
        {children}
      </div>
    </div>
  );
}
