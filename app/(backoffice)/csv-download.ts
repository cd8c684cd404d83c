// The back office's CSV downloads: the file to save (never shown inline nor sniffed, never cached) and the answers instead of it.

/** Today's date (UTC) as the downloads name their files: 2026-01-31. */
export const today = () => new Date().toISOString().slice(0, 10);

/** A CSV file to save as `filename`. */
export function csvDownload(body: BodyInit, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** No session: a plain-text 401. */
export const unauthorized = () => new Response("Unauthorized\n", { status: 401, headers: { "Content-Type": "text/plain" } });

/** Search parameters that do not parse: a 400 naming each field and why. */
export const invalidSearch = (issues: { path: PropertyKey[]; message: string }[]) =>
  Response.json({ errors: issues.map((i) => ({ field: i.path.join("."), message: i.message })) }, { status: 400 });
