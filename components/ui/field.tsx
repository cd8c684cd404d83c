import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

/** What ties a control to its row: its id and name, and the texts a screen reader reads with it. */
export type Wiring = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

type RowProps = {
  id: string;
  /** The control's name in the form; its id by default. */
  name?: string;
  label: ReactNode;
  /** The word for "optional", shown after the label of a field that may stay empty. */
  optional?: string;
  help?: ReactNode;
  error?: string;
  /** More about the error, inside its element (e.g. the exact addresses the server refused). */
  errorDetail?: ReactNode;
  /** A line of the caller's between the help text and the error, read after the help (its id in `noteId`). */
  note?: ReactNode;
  noteId?: string;
};

/** The ids a control is described by: its help text, the caller's note, then its error. */
export const describedBy = (id: string, r: { help?: unknown; error?: unknown; noteId?: string }) =>
  [r.help ? `${id}-help` : null, r.noteId, r.error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

/** The border of a text box or select: red while its value is refused. */
export const controlClass = (error: string | undefined, size = "px-3 py-2 text-base") =>
  `rounded-md border ${size} ${error ? "border-red-700" : "border-slate-400"}`;

/** A field's refusal under it, as `${id}-error` (which its control's aria-describedby names); nothing when accepted. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p id={`${id}-error`} className="text-sm font-medium text-red-700">
      {error}
    </p>
  ) : null;
}

/**
 * One form row: the label, the control (given its wiring), the help text and the error, with the
 * ids `${id}-help` and `${id}-error` the control points at. `inline` puts a checkbox before its
 * label. A control a <label> cannot name (a rich text editor) gets a paragraph (`textLabel`) and
 * points at its `labelId` with aria-labelledby.
 */
export function FieldRow({
  id,
  name = id,
  label,
  optional,
  help,
  error,
  errorDetail,
  note,
  noteId,
  inline = false,
  labelId,
  textLabel = false,
  children,
}: RowProps & { inline?: boolean; labelId?: string; textLabel?: boolean; children: (wiring: Wiring) => ReactNode }) {
  const control = children({
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(id, { help, error, noteId }),
  });
  const labelClass = "text-sm font-medium text-slate-800";
  const text = optional ? (
    <>
      {label} ({optional})
    </>
  ) : (
    label
  );
  const caption = textLabel ? (
    <p id={labelId} className={labelClass}>
      {text}
    </p>
  ) : (
    <label id={labelId} htmlFor={id} className={labelClass}>
      {text}
    </label>
  );
  const errorClass = "text-sm font-medium text-red-700";
  return (
    <div className="flex flex-col gap-1">
      {inline ? (
        <div className="flex items-center gap-2">
          {control}
          {caption}
        </div>
      ) : (
        <>
          {caption}
          {control}
        </>
      )}
      {help ? (
        <p id={`${id}-help`} className="text-xs text-slate-600">
          {help}
        </p>
      ) : null}
      {note}
      {error && errorDetail ? (
        <div id={`${id}-error`} className={errorClass}>
          <p>{error}</p>
          {errorDetail}
        </div>
      ) : (
        <FieldError id={id} error={error} />
      )}
    </div>
  );
}

const pick = <T extends RowProps>({ id, name, label, optional, help, error, errorDetail, note, noteId, ...rest }: T) => ({
  row: { id, name, label, optional, help, error, errorDetail, note, noteId },
  rest,
});

/** A labelled text input (or date, number, e-mail...) with its help text and error. */
export function Field(props: RowProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name">) {
  const { row, rest } = pick(props);
  const { className, ...input } = rest;
  return <FieldRow {...row}>{(w) => <input {...w} className={controlClass(row.error, className)} {...input} />}</FieldRow>;
}

export type Option = { value: string; label: string };

/** A labelled select; `placeholder` is a first option with an empty value ("any", "none"...). */
export function SelectField(
  props: RowProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, "name"> & { options: Option[]; placeholder?: string },
) {
  const { row, rest } = pick(props);
  const { options, placeholder, className = "px-3 py-2 text-base", ...select } = rest;
  return (
    <FieldRow {...row}>
      {(w) => (
        <select {...w} className={`${controlClass(row.error, className)} bg-white`} {...select}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldRow>
  );
}

/** A labelled multi-line text box. */
export function TextAreaField(props: RowProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name">) {
  const { row, rest } = pick(props);
  const { className, ...textarea } = rest;
  return <FieldRow {...row}>{(w) => <textarea {...w} className={controlClass(row.error, className)} {...textarea} />}</FieldRow>;
}

/** A ticked-or-not option: the box, then its label, its help text and error underneath. */
export function CheckboxField(props: RowProps & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "type">) {
  const { row, rest } = pick(props);
  return (
    <FieldRow {...row} inline>
      {(w) => <input type="checkbox" {...w} className="size-4" {...rest} />}
    </FieldRow>
  );
}
