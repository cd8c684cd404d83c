import { FieldError } from "@/components/ui/field";

/** A group of checkboxes under one legend (`label`), with its help text and error, wired for screen readers. */
export function CheckboxGroup({
  name,
  label,
  help,
  error,
  options,
  checked,
  columns = "grid-cols-2 sm:grid-cols-4",
}: {
  name: string;
  label: string;
  help?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: string[];
  columns?: string;
}) {
  const describedBy = [help ? `${name}-help` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset aria-describedby={describedBy} className="flex min-w-0 flex-col gap-1">
      <legend className="mb-1 text-sm font-medium text-slate-800">{label}</legend>
      <div className={`grid gap-x-4 gap-y-1 ${columns}`}>
        {options.map((o) => (
          // Keyed by the default too: a form reset after saving must show the saved state.
          <div key={`${o.value}-${checked.includes(o.value)}`} className="flex items-center gap-2">
            <input
              type="checkbox"
              id={`${name}-${o.value}`}
              name={name}
              value={o.value}
              defaultChecked={checked.includes(o.value)}
              className="size-4"
            />
            <label htmlFor={`${name}-${o.value}`} className="text-sm">
              {o.label}
            </label>
          </div>
        ))}
      </div>
      {help ? (
        <p id={`${name}-help`} className="text-xs text-slate-600">
          {help}
        </p>
      ) : null}
      <FieldError id={name} error={error} />
    </fieldset>
  );
}
