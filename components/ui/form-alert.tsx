import type { ReactNode } from "react";

const alertClass = "rounded-md bg-red-50 p-3 text-sm font-medium text-red-800";

/** The line at the top of a dialog the server refused. */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className={alertClass}>
      {children}
    </p>
  );
}

/**
 * The top of a settings form the server refused: its message (or "the form has errors"), then
 * each refused field as a link to its input, with the reason. Nothing when all went well.
 */
export function ErrorSummary({
  state,
  text,
  target,
  fallback,
}: {
  state: { fields?: Record<string, string>; error?: string };
  /** The message of a catalogue key. */
  text: (key: string) => string;
  /** The input a field's link goes to, and the name it is shown under. */
  target: (field: string) => { id: string; label: string };
  fallback: string;
}) {
  if (!state.fields && !state.error) return null;
  return (
    <div role="alert" className={alertClass}>
      <p>{state.error ? text(state.error) : fallback}</p>
      {state.fields ? (
        <ul className="mt-2 list-disc pl-5">
          {Object.entries(state.fields).map(([field, key]) => (
            <li key={field}>
              <a href={`#${target(field).id}`} className="underline">
                {target(field).label}
              </a>
              {` — ${text(key)}`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * Above a list's results, the search criteria the server refused: each named (and linked to its
 * input, unless it has none on the page) with the reason. Nothing when all were understood.
 */
export function SearchErrors({
  title,
  errors,
  label,
  text,
  linked = () => true,
  testId = "search-errors",
}: {
  title: string;
  errors: Record<string, string>;
  label: (field: string) => string;
  text: (key: string) => string;
  linked?: (field: string) => boolean;
  testId?: string;
}) {
  const entries = Object.entries(errors);
  if (!entries.length) return null;
  return (
    <div role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900" data-testid={testId}>
      <p className="font-medium">{title}</p>
      <ul className="list-disc pl-5">
        {entries.map(([field, key]) => (
          <li key={field}>
            {linked(field) ? (
              <a href={`#${field}`} className="underline">
                {label(field)}
              </a>
            ) : (
              label(field)
            )}
            {` : ${text(key)}`}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the last action on a page did (a status) or why it failed (an alert); its key in data-notice. */
export function ActionOutcome({ notice, text }: { notice: { ok: boolean; key: string }; text: (key: string) => string }) {
  return (
    <p
      role={notice.ok ? "status" : "alert"}
      className={`rounded-md p-3 text-sm font-medium ${notice.ok ? "bg-green-50 text-green-900" : "bg-red-50 text-red-900"}`}
      data-notice={notice.key}
    >
      {text(notice.key)}
    </p>
  );
}
