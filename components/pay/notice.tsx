import type { ReactNode } from "react";

const TONES = {
  success: "border-green-700 bg-green-50 text-green-950",
  error: "border-red-700 bg-red-50 text-red-950",
  neutral: "border-slate-400 bg-white text-slate-900",
} as const;

export function Notice({ tone, title, body, children }: { tone: keyof typeof TONES; title: string; body: string; children?: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`rounded-lg border-l-4 p-4 ${TONES[tone]}`} data-outcome={tone}>
      <h2 className="text-lg font-semibold">{title}</h2>
      <p className="mt-1 text-sm">{body}</p>
      {children ? <div className="mt-2 text-sm">{children}</div> : null}
    </div>
  );
}
