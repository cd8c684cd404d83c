// The audit log's compact "before → after": the fields that changed, values shortened.

export type ChangeLine = { key: string; from?: string; to?: string };

const VALUE_MAX = 60;

function short(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > VALUE_MAX ? `${s.slice(0, VALUE_MAX - 1)}…` : s;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Field by field, in the order they appear (before's, then after's new ones): the changed fields
 * with their old and new values, a field only on one side with that side. Fields equal on both
 * sides (an id repeated for context) are left out. At most `max` lines; `more` counts the rest.
 */
export function summarizeChange(before: unknown, after: unknown, max = 4): { lines: ChangeLine[]; more: number } {
  const has = (v: unknown) => v !== null && v !== undefined;
  if (!isObject(before) && !isObject(after)) {
    if (!has(before) && !has(after)) return { lines: [], more: 0 };
    return { lines: [{ key: "", from: has(before) ? short(before) : undefined, to: has(after) ? short(after) : undefined }], more: 0 };
  }
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const lines: ChangeLine[] = [];
  for (const key of keys) {
    const inB = key in b;
    const inA = key in a;
    if (inB && inA && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    lines.push({ key, from: inB ? short(b[key]) : undefined, to: inA ? short(a[key]) : undefined });
  }
  return { lines: lines.slice(0, max), more: Math.max(0, lines.length - max) };
}
