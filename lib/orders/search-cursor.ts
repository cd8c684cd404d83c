// The keyset cursor of the order list: the last row's sort value and id, opaque to people
// (base64url JSON). A cursor that does not decode is ignored: the list restarts at page one.

export type CursorValue = string | null;
export type Cursor = { value: CursorValue; id: string };

export const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify([c.value, c.id])).toString("base64url");

export function decodeCursor(s: string | undefined): Cursor | null {
  if (!s) return null;
  try {
    const [value, id] = JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as unknown[];
    if (typeof id !== "string" || !/^[0-9a-f]{32}$/.test(id)) return null;
    if (value !== null && (typeof value !== "string" || value.length > 200)) return null;
    return { value, id };
  } catch {
    return null;
  }
}
