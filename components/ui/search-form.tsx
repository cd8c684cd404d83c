import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "./button";

/** A list's search: a plain GET form whose criteria are query parameters (checked on the server), search and reset. */
export function SearchForm({
  action,
  legend,
  submit,
  reset,
  children,
}: {
  action: string;
  legend: string;
  submit: { label: string; testId: string };
  reset: string;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className="rounded-lg border border-slate-200 bg-white p-4">
      <fieldset className="flex flex-wrap items-start gap-3">
        <legend className="mb-2 text-sm font-semibold">{legend}</legend>
        {children}
      </fieldset>
      <div className="mt-3 flex gap-2">
        <button type="submit" className={buttonClass("primary")} data-testid={submit.testId}>
          {submit.label}
        </button>
        <Link href={action} className={buttonClass("secondary")}>
          {reset}
        </Link>
      </div>
    </form>
  );
}
