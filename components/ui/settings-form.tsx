import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { ErrorSummary } from "./form-alert";

/**
 * A settings page's form on its server action (`form`, from useFormAnswer): the error summary
 * (each refused field linked to its `target`), hidden keys, every field in one fieldset disabled
 * at once (and shaded so it reads as such) for operators and viewers, the saved status and the
 * save button (none when read-only). `after` stays outside the fieldset (viewers may use it).
 */
export function SettingsForm({
  form: { state, action, pending, text },
  target,
  readOnly,
  before,
  hidden = {},
  after,
  status,
  submit,
  testId,
  children,
}: {
  form: {
    state: { fields?: Record<string, string>; error?: string };
    action: (data: FormData) => void;
    pending: boolean;
    text: (key: string) => string;
  };
  target: (field: string) => { id: string; label: string };
  readOnly: boolean;
  before?: ReactNode;
  hidden?: Record<string, string>;
  after?: ReactNode;
  /** The line that says what the last save did; none: no such line. */
  status?: string;
  submit: { label: string; testId?: string };
  testId?: string;
  children: ReactNode;
}) {
  return (
    <form action={action} noValidate className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6" data-testid={testId}>
      <ErrorSummary state={state} text={text} target={target} fallback={text("form_has_errors")} />
      {before}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset
        disabled={readOnly}
        className="flex min-w-0 flex-col gap-8 [&_input:disabled]:cursor-not-allowed [&_input:disabled]:bg-slate-100 [&_select:disabled]:cursor-not-allowed [&_select:disabled]:bg-slate-100"
      >
        {children}
      </fieldset>
      {after}
      {status === undefined ? null : (
        <p role="status" className="text-sm font-medium text-green-800">
          {status}
        </p>
      )}
      {readOnly ? null : (
        <div>
          <button type="submit" className={buttonClass()} disabled={pending} data-testid={submit.testId}>
            {submit.label}
          </button>
        </div>
      )}
    </form>
  );
}

/** One titled part of a settings form (its heading names it for screen readers). */
export function SettingsSection({
  id,
  title,
  gap = "gap-4",
  children,
}: {
  id: string;
  title: ReactNode;
  gap?: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`sec-${id}`} className={`flex flex-col ${gap}`}>
      <h2 id={`sec-${id}`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
