import { convert } from "html-to-text";
import { renderTemplate, type TemplateVars } from "./render-template";
import { sanitizeTemplateHtml } from "./sanitize-template-html";

const escapeHtml = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export type RenderedMail = { subject: string; html: string; text: string };

type CompiledMail = { subject: string; html: string; text: string };

// A template is sanitized and its text part derived once, placeholders intact; each message then
// only substitutes values (escaped in the HTML). Cached by content: the same template serves a
// whole fan-out.
const compiled = new Map<string, CompiledMail>();
const TEXT_OPTIONS = {
  wordwrap: 78,
  selectors: [
    { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
    ...["h1", "h2", "h3", "h4"].map((selector) => ({ selector, options: { uppercase: false } })),
  ],
};

function compileMail(template: { subject: string | null; body: string }, withLink: boolean): CompiledMail {
  const key = `${withLink ? 1 : 0}\u0000${template.subject ?? ""}\u0000${template.body}`;
  let c = compiled.get(key);
  if (!c) {
    const body = withLink && !template.body.includes("%url%") ? `${template.body}<p><a href="%url%">%url%</a></p>` : template.body;
    const html = sanitizeTemplateHtml(body);
    c = { subject: template.subject ?? "", html, text: convert(html, TEXT_OPTIONS) };
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

/**
 * An e-mail from its template: the body sanitized (the payment link appended when it has no
 * %url%, unless `withLink` is false, as for receipts), its plain-text part derived, then the
 * variables replaced in subject, HTML (values escaped) and text, in a minimal HTML document.
 */
export function renderMail(
  template: { subject: string | null; body: string },
  vars: TemplateVars,
  lang: string,
  options: { withLink?: boolean } = {},
): RenderedMail {
  const c = compileMail(template, options.withLink !== false);
  const subject = renderTemplate(c.subject, vars, { appendUrl: false }).replace(/\s+/g, " ").trim();
  const body = renderTemplate(c.html, vars, { escape: escapeHtml, appendUrl: false });
  const text = renderTemplate(c.text, vars, { appendUrl: false });
  const html = `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1e293b">${body}</body></html>`;
  return { subject, html, text };
}

// Plain texts render without the HTML machinery above, so the browser can render them too.
export { renderText } from "./render-template";
