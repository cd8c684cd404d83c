// Uploaded files for route handlers: the body read up to a limit (so a huge upload is refused
// without being buffered whole), then the file itself from a multipart form or the raw body.

/** The request's body, or null as soon as it passes `max` bytes (answer 413). */
export async function readBodyLimited(req: Request, max: number): Promise<Uint8Array | null> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > max) return null;
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// Room for the multipart envelope around a file of the maximum size.
const ENVELOPE = 64 * 1024;

export type Upload = { ok: true; bytes: Uint8Array; name: string | null } | { ok: false; status: 400 | 413; message: string };

/**
 * The uploaded file: the `file` part of a multipart/form-data body, else the body itself (e.g.
 * text/csv). At most `max` bytes.
 */
export async function readUploadedFile(req: Request, max: number): Promise<Upload> {
  const tooLarge = { ok: false, status: 413, message: `The file is larger than ${max} bytes` } as const;
  const body = await readBodyLimited(req, max + ENVELOPE);
  if (!body) return tooLarge;
  const type = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data/i.test(type)) return body.length > max ? tooLarge : { ok: true, bytes: body, name: null };
  let form: FormData;
  try {
    form = await new Response(body as BodyInit, { headers: { "content-type": type } }).formData();
  } catch {
    return { ok: false, status: 400, message: "Malformed multipart/form-data body" };
  }
  const file = form.get("file");
  if (!file || typeof file === "string") return { ok: false, status: 400, message: "The multipart body has no `file` part" };
  if (file.size > max) return tooLarge;
  return { ok: true, bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || null };
}
