// Drives a payment on a processor's hosted form over real HTTP (issue 20): our pay page's button,
// the hop page's signed form posted to the fake processor, its card page submitted, and the
// browser's return to our return URL — as a browser without script would.
import type { FakeLyraForm } from "./fake-lyra-form";

const hidden = (html: string) =>
  Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], decode(m[2] ?? "")]));
const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&#(\d+);/g, (_m, d) => String.fromCharCode(Number(d)));
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

/** Our pay page's "pay" button: the hop page with the signed form to the processor. */
export async function leaveForProcessor(base: string, token: string, extra: Record<string, string> = {}) {
  const res = await fetch(`${base}/pay/${token}`, form({ hosted: "1", ...extra }));
  const html = await res.text();
  const tag = /<form[^>]*data-autosubmit[^>]*>/.exec(html)?.[0] ?? "";
  const action = /action="([^"]+)"/.exec(tag)?.[1];
  return { res, html, action: action ? decode(action) : undefined, fields: hidden(html) };
}

/**
 * A whole payment: leave, pay (or cancel) on the fake's card page, come back. `back` is our
 * answer to the return (303 to the result, or the waiting page).
 */
export async function payOnFake(
  base: string,
  fake: FakeLyraForm,
  token: string,
  opts: { pan?: string; cancel?: boolean; extra?: Record<string, string> } = {},
) {
  const hop = await leaveForProcessor(base, token, opts.extra);
  if (!hop.action) throw new Error(`no hop form (HTTP ${hop.res.status}): ${hop.html.slice(-1500)}`);
  const cardPage = await fetch(hop.action, form(hop.fields));
  const html = await cardPage.text();
  const payPath = /action="(\/vads-payment\/pay\/[0-9a-f]+)"/.exec(html)?.[1];
  if (!payPath) throw new Error(`no card page (HTTP ${cardPage.status})`);
  const submitted = await fetch(
    `${fake.base}${payPath}`,
    form({ pan: opts.pan ?? "4970100000000055", expiry: "12/30", cvv: "123", action: opts.cancel ? "cancel" : "pay" }),
  );
  const returnUrl = submitted.headers.get("location") ?? "";
  const back = await fetch(returnUrl.replace(/^https?:\/\/[^/]+/, base), { redirect: "manual" });
  return { hop, returnUrl, back, backHtml: await back.text(), attemptId: hop.fields.vads_ext_info_attempt ?? "" };
}
