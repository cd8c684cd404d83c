import { convert } from "html-to-text";
import { renderTemplate, type TemplateVars } from "./render-template";
import { sanitizeTemplateHtml } from "./sanitize-template-html";

const escapeHtml = (v: string) =>
  v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export type RenderedMail = { subject: string; html: string; text: string };

/**
 * An e-mail from its template: subject and HTML body with variables replaced (values escaped; the
 * payment link appended to a body without %url% unless `withLink` is false, as for receipts),
 * sanitized, wrapped in a minimal document, and the plain-text part derived from it.
 */
export function renderMail(
  template: { subject: string | null; body: string },
  vars: TemplateVars,
  lang: string,
  options: { withLink?: boolean } = {},
): RenderedMail {
  const subject = renderTemplate(template.subject ?? "", vars, { appendUrl: false })
    .replace(/\s+/g, " ")
    .trim();
  const body = sanitizeTemplateHtml(
    renderTemplate(template.body, vars, {
      escape: escapeHtml,
      appendUrl: options.withLink === false ? false : (url) => `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`,
    }),
  );
  const html = `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1e293b">${body}</body></html>`;
  const text = convert(body, { wordwrap: 78, selectors: [{ selector: "a", options: { hideLinkHrefIfSameAsText: true } }] });
  return { subject, html, text };
}

/** A plain-text message (SMS, WhatsApp, URL text): variables replaced, nothing else. */
export function renderText(template: string, vars: TemplateVars): string {
  return renderTemplate(template, vars).trim();
}
