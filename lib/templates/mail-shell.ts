// The layout around every message's body (emails/layout.tsx), rendered with React Email once per
// language and shape, variables left as %name%, then cached: a fan-out of 10,000 e-mails renders
// React once, and each message only substitutes its values (as the body does).
import { render } from "@react-email/render";
import { createElement } from "react";
import { defaultTexts } from "../../emails";
import { BODY_SLOT, MailShell, type MailShellProps } from "../../emails/layout";
import type { TemplateKind } from "../../emails/types";
import { appUrl } from "../server/env";

/** What the layout shows around the body; depends only on the message's kind and what it has. */
export type ShellShape = {
  kind: TemplateKind;
  lang: string;
  hasReference: boolean;
  hasContact: boolean;
  hasShopUrl: boolean;
  /** A merchant's message links to the order in the back office (`ORDER_URL_SLOT`). */
  hasOrderUrl: boolean;
  /** The shop's logo (https), else the platform's. */
  logoUrl: string | null;
};

/** Filled per message with the back-office URL of the order (escaped like any value). */
export const ORDER_URL_SLOT = "%%order_url%%";
export { BODY_SLOT };

/** The platform's mark, served from public/ (PNG: most mail clients do not show SVG). */
export const platformLogoUrl = () => `${appUrl()}/logo.png`;

const cache = new Map<string, Promise<string>>();

export function mailShell(shape: ShellShape): Promise<string> {
  const key = JSON.stringify(shape);
  let html = cache.get(key);
  if (!html) {
    html = render(createElement(MailShell, shellProps(shape)));
    html.catch(() => cache.delete(key));
    if (cache.size > 200) cache.clear();
    cache.set(key, html);
  }
  return html;
}

/** The layout's words around a plain-text body: the same information as the HTML, in order. */
export function textShell(shape: ShellShape, body: string): string {
  const p = shellProps(shape);
  const lines = [body.trim(), ""];
  if (p.button) lines.push(`${p.button.label}: ${p.button.href}`);
  if (p.note) lines.push(p.note);
  lines.push("", "--", ...p.footer);
  return lines.join("\n").replace(/\n{3,}/g, "\n\n");
}

function shellProps(s: ShellShape): MailShellProps {
  const t = defaultTexts(s.lang).layout;
  const receipt = s.kind === "RECEIPT_BUYER" || s.kind === "RECEIPT_MERCHANT";
  const kicker = { ORDER: t.payRequest, REMINDER: t.reminder, RECEIPT_BUYER: t.receipt, RECEIPT_MERCHANT: t.merchantReceipt }[s.kind];
  const card: MailShellProps["card"] = [{ label: t.amount, value: "%amount%", strong: true }];
  if (s.hasReference) card.push({ label: t.reference, value: "%reference%" });
  if (receipt) card.push({ label: t.paidOn, value: "%payment_date%" }, { label: t.transaction, value: "%transaction_number%" });
  const footer = ["%shop_name%"];
  if (s.hasShopUrl) footer.push("%shop_url%");
  if (s.hasContact) footer.push(t.contact);
  const button = !receipt
    ? { label: t.pay, href: "%url%" }
    : s.kind === "RECEIPT_MERCHANT" && s.hasOrderUrl
      ? { label: t.openOrder, href: ORDER_URL_SLOT }
      : undefined;
  return {
    lang: s.lang,
    title: `${kicker} · %shop_name%`,
    preview: `${kicker} · %amount%${s.hasReference ? " · %reference%" : ""}`,
    shopName: "%shop_name%",
    logo: { src: s.logoUrl ?? platformLogoUrl(), alt: s.logoUrl ? "%shop_name%" : "Payment orders" },
    kicker,
    card,
    button,
    fallback: receipt ? undefined : { label: t.fallback, href: "%url%" },
    note: receipt ? undefined : t.validUntil,
    withBody: true,
    footer,
    trust: s.kind === "RECEIPT_MERCHANT" ? undefined : t.trust,
  };
}

/**
 * The platform's own notices to a merchant (alerts, invitations, password links): the same
 * layout without an amount card; paragraphs of plain text (escaped), an optional button.
 */
export async function renderNoticeMail(input: {
  lang: string;
  /** Whose name heads the message (a shop, a company, the platform). */
  fromName: string;
  subject: string;
  text: string;
  action?: { label: string; href: string };
}): Promise<{ html: string; text: string }> {
  const esc = (v: string) => v.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const paragraphs = input.text
    .split(/\n{2,}/)
    .map((p) => `<p>${esc(p).replace(/\n/g, "<br>")}</p>`)
    .join("");
  const shell = await render(
    createElement(MailShell, {
      lang: input.lang,
      title: input.subject,
      preview: input.subject,
      shopName: input.fromName,
      logo: { src: platformLogoUrl(), alt: input.fromName },
      kicker: input.subject,
      card: [],
      button: input.action,
      fallback: input.action ? { label: `${input.action.label}:`, href: input.action.href } : undefined,
      withBody: true,
      footer: [input.fromName],
    }),
  );
  const text = input.action ? `${input.text.trim()}\n\n${input.action.label}: ${input.action.href}\n` : input.text;
  return { html: shell.replace(BODY_SLOT, () => paragraphs), text };
}
