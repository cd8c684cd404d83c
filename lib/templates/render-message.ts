import { convert } from "html-to-text";
import type { TemplateKind } from "../../emails/types";
import { BODY_SLOT, mailShell, ORDER_URL_SLOT, type ShellShape, textShell } from "./mail-shell";
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

function compileMail(template: { subject: string | null; body: string }): CompiledMail {
  const key = `${template.subject ?? ""}\u0000${template.body}`;
  let c = compiled.get(key);
  if (!c) {
    const html = sanitizeTemplateHtml(template.body);
    c = { subject: template.subject ?? "", html, text: convert(html, TEXT_OPTIONS) };
    if (compiled.size > 500) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

export type MailOptions = {
  /** What the message is (default ORDER): a payment request and a reminder carry the "Pay" button. */
  kind?: TemplateKind;
  /** A merchant's receipt links to the order in the back office. */
  orderUrl?: string;
  /** The shop's logo (https), else the platform's. */
  logoUrl?: string | null;
};

/**
 * An e-mail from its template: the body sanitized, its plain-text part derived, the variables
 * replaced (values escaped in the HTML), inside the one layout of every e-mail (lib/templates/
 * mail-shell.ts: header, amount card, "Pay" button with the plain link as fallback, validity,
 * footer with the shop's contact). The payment link is in the layout, so a body without %url%
 * still leads to the payment page.
 */
export async function renderMail(
  template: { subject: string | null; body: string },
  vars: TemplateVars,
  lang: string,
  options: MailOptions = {},
): Promise<RenderedMail> {
  const c = compileMail(template);
  const shape: ShellShape = {
    kind: options.kind ?? "ORDER",
    lang,
    hasReference: Boolean(vars.reference),
    hasContact: Boolean(vars.shop_contact),
    hasShopUrl: Boolean(vars.shop_url),
    hasOrderUrl: Boolean(options.orderUrl),
    logoUrl: options.logoUrl ?? null,
  };
  const subject = renderTemplate(c.subject, vars, { appendUrl: false }).replace(/\s+/g, " ").trim();
  // The body goes into the layout first, then both are filled in one pass (values escaped): a value
  // can never reach a slot.
  const shell = (await mailShell(shape)).replaceAll(ORDER_URL_SLOT, () => escapeHtml(options.orderUrl ?? ""));
  const html = renderTemplate(
    shell.replace(BODY_SLOT, () => c.html),
    vars,
    { escape: escapeHtml, appendUrl: false },
  );
  const text = renderTemplate(
    textShell(shape, c.text).replaceAll(ORDER_URL_SLOT, () => options.orderUrl ?? ""),
    vars,
    { appendUrl: false },
  );
  return { subject, html, text };
}

// Plain texts render without the HTML machinery above, so the browser can render them too.
export { renderText } from "./render-template";
