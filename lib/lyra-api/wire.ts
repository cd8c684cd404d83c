import { randomBytesPooled } from "../server/secrets";

/** Dates as the API answers them: UTC, seconds, explicit offset ("2025-01-15T09:00:00+00:00"). */
export const wireDate = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 19)}+00:00` : null);

export const newTicket = () => randomBytesPooled(16).toString("hex");

/** Canonical JSON (sorted keys) for comparing request bodies. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The value at a dotted path, for error details. */
export function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = body;
  for (const k of path) v = v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}
