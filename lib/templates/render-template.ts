export const TEMPLATE_VARIABLES = [
  "reference",
  "amount",
  "start_date",
  "end_date",
  "shop_name",
  "url",
  "shop_contact",
  "shop_url",
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/**
 * Replaces %variable% placeholders (F-TPL-3). Unknown %xyz% stay visible; when the text has no
 * %url%, the link is appended so a message can never go out without it.
 */
export function renderTemplate(text: string, vars: Partial<Record<TemplateVariable, string>>): string {
  const hasUrl = text.includes("%url%");
  const out = text.replace(/%([a-z_]+)%/g, (m, name: string) =>
    (TEMPLATE_VARIABLES as readonly string[]).includes(name) ? (vars[name as TemplateVariable] ?? "") : m,
  );
  return hasUrl || !vars.url ? out : `${out}\n${vars.url}`;
}
