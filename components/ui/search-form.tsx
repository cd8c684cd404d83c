import Link from "next/link";
import type { InputHTMLAttributes, ReactNode } from "react";
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

/** What ties a search criterion's control to its row (the query parameter is its name and id). */
type CriterionWiring = {
  id: string;
  name: string;
  className: string;
  "aria-invalid"?: true;
  "aria-describedby"?: string;
};

/**
 * One criterion of a search form, compact: its label, the control (given its wiring), a help text
 * (`help-<name>`) and the reason the server refused it (`err-<name>`).
 */
function Criterion({
  name,
  label,
  help,
  error,
  children,
}: {
  name: string;
  label: string;
  help?: string;
  error?: string;
  children: (wiring: CriterionWiring) => ReactNode;
}) {
  const describedBy = [help ? `help-${name}` : null, error ? `err-${name}` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1 text-xs font-medium">
      <label htmlFor={name}>{label}</label>
      {children({
        id: name,
        name,
        className: "rounded-md border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-700",
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
      })}
      {help ? (
        <span id={`help-${name}`} className="max-w-56 font-normal text-slate-600">
          {help}
        </span>
      ) : null}
      {error ? (
        <span id={`err-${name}`} className="text-xs font-normal text-red-800">
          {error}
        </span>
      ) : null}
    </div>
  );
}

type CriterionProps = { name: string; label: string; error?: string; value?: string };

/** A text (date, number...) criterion, showing the value searched. */
export function CriterionInput({
  name,
  label,
  help,
  error,
  value = "",
  className = "",
  ...input
}: CriterionProps & { help?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "value">) {
  return (
    <Criterion name={name} label={label} help={help} error={error}>
      {(w) => <input {...w} defaultValue={value} {...input} className={`${w.className} ${className}`.trim()} />}
    </Criterion>
  );
}

/** A criterion chosen in a list, "any" first (empty: not searched); `children` instead of `options` for groups. */
export function CriterionSelect({
  name,
  label,
  error,
  value = "",
  any,
  options = [],
  children,
}: CriterionProps & { any: string; options?: { value: string; label: string }[]; children?: ReactNode }) {
  return (
    <Criterion name={name} label={label} error={error}>
      {(w) => (
        <select {...w} defaultValue={value}>
          <option value="">{any}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
          {children}
        </select>
      )}
    </Criterion>
  );
}
