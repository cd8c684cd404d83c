import { CircleCheck, CircleMinus, CircleX, Clock, type LucideIcon } from "lucide-react";

const TONES: Record<string, string> = {
  RUNNING: "bg-sky-100 text-sky-900",
  PAID: "bg-green-100 text-green-900",
  REFUSED: "bg-red-100 text-red-900",
  EXPIRED: "bg-slate-200 text-slate-800",
  CANCELLED: "bg-amber-100 text-amber-900",
  SENT: "bg-green-100 text-green-900",
  FAILED: "bg-red-100 text-red-900",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  MANUAL: "bg-slate-100 text-slate-800",
  // Transactions
  AUTHORISED: "bg-sky-100 text-sky-900",
  AUTHORISED_TO_VALIDATE: "bg-amber-100 text-amber-900",
  CAPTURED: "bg-green-100 text-green-900",
  // Notification rules and deliveries
  ENABLED: "bg-green-100 text-green-900",
  DISABLED: "bg-slate-200 text-slate-800",
  PENDING: "bg-sky-100 text-sky-900",
  DELIVERED: "bg-green-100 text-green-900",
  // Users
  ACTIVE: "bg-green-100 text-green-900",
  INVITED: "bg-sky-100 text-sky-900",
};

// A shape beside the colour, so a status never depends on colour alone (decorative: the label names it).
const SHAPES: Record<string, LucideIcon> = {
  PAID: CircleCheck,
  SENT: CircleCheck,
  CAPTURED: CircleCheck,
  DELIVERED: CircleCheck,
  ENABLED: CircleCheck,
  ACTIVE: CircleCheck,
  INVITED: Clock,
  REFUSED: CircleX,
  FAILED: CircleX,
  RUNNING: Clock,
  IN_PROGRESS: Clock,
  PENDING: Clock,
  AUTHORISED: Clock,
  AUTHORISED_TO_VALIDATE: Clock,
  EXPIRED: CircleMinus,
  CANCELLED: CircleMinus,
  DISABLED: CircleMinus,
};

export function StatusBadge({ value, label }: { value: string; label: string }) {
  const Shape = SHAPES[value];
  return (
    <span
      data-status={value}
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ${TONES[value] ?? "bg-slate-100"}`}
    >
      {Shape ? <Shape aria-hidden size={12} strokeWidth={2.5} /> : null}
      {label}
    </span>
  );
}
