/**
 * Whether a browser request comes from our own pages: its Origin (sent with every cross-site
 * POST) names the host it was sent to. No Origin: not a cross-site browser request.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return true;
  const host = req.headers.get("x-forwarded-host") ?? req.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
