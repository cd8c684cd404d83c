// Shorthands that tie a form's fields to its state and to the message catalogue.
import type { MessageKey, Messages } from "@/lib/i18n/messages/types";

/**
 * Ties fields to the server's last answer: `{...bind("name")}` is the field's id and name, its
 * error and the value to show again. `idPrefix` sets apart the ids of a form that shares its page
 * (`shop-name`), `errorPrefix` names the errors of a nested object (`merchant.name`).
 */
export function fieldBinder(
  error: (field: string) => string | undefined,
  values: object = {},
  { idPrefix = "", errorPrefix = "" }: { idPrefix?: string; errorPrefix?: string } = {},
) {
  return (name: string) => {
    const value = (values as Record<string, unknown>)[name];
    return {
      id: `${idPrefix}${name}`,
      name,
      error: error(`${errorPrefix}${name}`),
      defaultValue: value === undefined || value === null ? undefined : String(value),
    };
  };
}

/** Ties fields to values the form holds itself (controlled): `{...bind("name")}` is the id, the error, the value and its change. */
export function liveBinder<V extends object>(error: (field: string) => string | undefined, values: V, change: (next: Partial<V>) => void) {
  return (id: keyof V & string) => ({
    id,
    error: error(id),
    value: String(values[id] ?? ""),
    onChange: (e: { target: { value: string } }) => change({ [id]: e.target.value } as Partial<V>),
  });
}

/** The catalogue's keys that have a help text next to them (`<key>_help`). */
type HelpedKey = { [K in MessageKey]: `${K}_help` extends MessageKey ? K : never }[MessageKey];

/** A field's label and help text from the catalogue: `{...texts("key")}` is `key` and `key_help`. */
export const labelTexts = (m: Messages) => (key: HelpedKey) => ({ label: m[key], help: m[`${key}_help` as MessageKey] });

/** The attributes of a whole-number input between two bounds (a numeric keypad on phones). */
export const wholeNumber = (min: number, max: number) => ({ type: "number", inputMode: "numeric", min, max }) as const;
