"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** F-LC-4: statuses refresh on their own (server components re-render), while the tab is visible. */
export function AutoRefresh({ seconds, label }: { seconds: number; label: string }) {
  const router = useRouter();
  useEffect(() => {
    const id = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, seconds * 1000);
    return () => clearInterval(id);
  }, [router, seconds]);
  return <p className="mb-2 text-xs text-slate-600">{label}</p>;
}
