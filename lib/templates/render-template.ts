export const TEMPLATE_VARIABLES = [
  "reference",
  "amount",
  "start_date",
  "end_date",
  "shop_name",
  "url",
  "shop_contact",
  "shop_url",
  // Receipts only (empty elsewhere).
  "payment_date",
  "transaction_number",
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateVars = Partial<Record<TemplateVariable, string>>;

const isKnown = (name: string): name is TemplateVariable => (TEMPLATE_VARIABLES as readonly string[]).includes(name);

/** The %xyz% placeholders of a text that are not variables (shown to the author, left as typed). */
export function findUnknownVariables(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/%([A-Za-z0-9_]+)%/g)) if (!isKnown(m[1]!)) out.add(m[0]);
  return [...out];
}

/**
 * Replaces %variable% placeholders (F-TPL-3). Unknown %xyz% stay visible; when the text has no
 * %url%, the link is appended so a message can never go out without it. `escape` is applied to
 * each value (HTML bodies escape, plain texts do not).
 */
export function renderTemplate(
  text: string,
  vars: TemplateVars,
  options: { escape?: (v: string) => string; appendUrl?: false | ((url: string) => string) } = {},
): string {
  const esc = options.escape ?? ((v: string) => v);
  const hasUrl = text.includes("%url%");
  const out = text.replace(/%([a-z_]+)%/g, (m, name: string) => (isKnown(name) ? esc(vars[name] ?? "") : m));
  if (hasUrl || !vars.url || options.appendUrl === false) return out;
  return `${out}${options.appendUrl ? options.appendUrl(vars.url) : `\n${vars.url}`}`;
}

/** A plain-text message (SMS, WhatsApp, URL text): variables replaced, nothing else. */
export function renderText(template: string, vars: TemplateVars): string {
  return renderTemplate(template, vars).trim();
}
