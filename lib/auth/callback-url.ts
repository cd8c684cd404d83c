// Where a signed-in user is sent: a path on this site, never another host. Browsers read
// "/\evil.example", "/%09/evil.example" (tab, newline and other control characters are dropped)
// and "//evil.example" as other hosts, so a prefix check on "/" is not enough: the target is
// resolved as the browser would and kept only if its origin is ours.
// Resolved against both schemes: "http:evil.example" is a path under an http base but another
// host under https (the scheme differs), and the browser's scheme is not known here.
const LOCAL = ["http://callback.invalid", "https://callback.invalid"];

/** A same-origin path (with query and fragment) from a requested callback URL, else `fallback`. */
export function safeCallbackPath(requested: unknown, fallback = "/orders"): string {
  if (typeof requested !== "string" || requested === "") return fallback;
  let path = fallback;
  for (const base of LOCAL) {
    let u: URL;
    try {
      u = new URL(requested, base);
    } catch {
      return fallback;
    }
    if (u.origin !== base) return fallback;
    path = `${u.pathname}${u.search}${u.hash}`;
  }
  // "/.//evil.example" resolves to the path "//evil.example", which would read as a host again.
  return path.startsWith("//") ? fallback : path;
}

/** next-auth's redirect callback: an absolute URL on `baseUrl`'s origin, else `baseUrl`. */
export function sameOriginUrl(url: string, baseUrl: string): string {
  try {
    const base = new URL(baseUrl);
    const u = new URL(url, base);
    return u.origin === base.origin ? u.href : baseUrl;
  } catch {
    return baseUrl;
  }
}
