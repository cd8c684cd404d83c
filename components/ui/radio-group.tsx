import type { ReactNode } from "react";
import { FieldError } from "./field";

export type RadioOption<V extends string> = { value: V; label: ReactNode; help?: ReactNode };

/**
 * One choice among a few, as radio buttons under a legend: each button's id is `${name}-${value}`;
 * an option's help text sits under its label and describes its button; the group's error is read
 * with the fieldset (`${name}-error`).
 */
export function RadioGroup<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  error,
  gap = "gap-2",
}: {
  name: string;
  legend: ReactNode;
  options: RadioOption<V>[];
  value: V;
  onChange: (value: V) => void;
  error?: string;
  gap?: string;
}) {
  return (
    <fieldset className={`flex flex-col ${gap}`} aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-800">{legend}</legend>
      {options.map((o) => (
        <RadioItem key={o.value} name={name} option={o} checked={value === o.value} onCheck={() => onChange(o.value)} />
      ))}
      <FieldError id={name} error={error} />
    </fieldset>
  );
}

/** One button and its label (and the help under it, which describes the button). */
function RadioItem<V extends string>({
  name,
  option: o,
  checked,
  onCheck,
}: {
  name: string;
  option: RadioOption<V>;
  checked: boolean;
  onCheck: () => void;
}) {
  const id = `${name}-${o.value}`;
  const radio = (
    <input
      type="radio"
      id={id}
      name={name}
      value={o.value}
      checked={checked}
      onChange={onCheck}
      aria-describedby={o.help ? `${id}-help` : undefined}
      className={o.help ? "mt-1 size-4" : "size-4"}
    />
  );
  if (!o.help) {
    return (
      <div className="flex items-center gap-2">
        {radio}
        <label htmlFor={id} className="text-sm">
          {o.label}
        </label>
      </div>
    );
  }
  return (
    <div className="flex items-start gap-2">
      {radio}
      <div>
        <label htmlFor={id} className="text-sm font-medium">
          {o.label}
        </label>
        <p id={`${id}-help`} className="text-xs text-slate-600">
          {o.help}
        </p>
      </div>
    </div>
  );
}
