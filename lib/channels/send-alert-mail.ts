// The platform's own alerts to a merchant (low SMS credits, a notification that failed for good,
// an instalment refused on its last try): plain text in the merchant's language, the same text in
// the e-mail layout with a button to the page that deals with it, marked auto-generated, from
// MAIL_FROM under the shop's or company's name.
// No Message row: they belong to no order's messages. Throws when the server refuses (the job
// is retried by pg-boss).
import type { Db } from "../server/db";
import { getMailer, mailFrom } from "../server/mailer";
import { renderNoticeMail } from "../templates/mail-shell";

/** The language of a company's alerts: its first administrator's choice, else French. */
export const alertLanguage = (firstAdminLocale: string | null | undefined): "fr" | "en" => (firstAdminLocale === "en" ? "en" : "fr");

/** Who receives a shop's alerts (its manager, else the company's) and in which language. */
export async function shopAlertContext(db: Db, shopId: string) {
  const shop = await db.shop.findUniqueOrThrow({
    where: { id: shopId },
    select: {
      name: true,
      managerEmail: true,
      company: {
        select: {
          managerEmail: true,
          users: {
            where: { role: "ADMIN", disabledAt: null, locale: { not: null } },
            select: { locale: true },
            orderBy: { createdAt: "asc" },
            take: 1,
          },
        },
      },
    },
  });
  return {
    shopName: shop.name,
    manager: shop.managerEmail ?? shop.company.managerEmail,
    lang: alertLanguage(shop.company.users[0]?.locale),
  };
}

/** `{name}` placeholders of an alert text. */
export const fillAlert = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);

export async function sendAlertMail(input: {
  fromName: string;
  to: string;
  lang: string;
  subject: string;
  text: string;
  /** Left of the "@" of the Message-ID: stable for one alert, so a retried job is recognisable. */
  messageKey: string;
  headers?: Record<string, string>;
  /** The page that deals with it (a button in the HTML part, a line in the text part). */
  action?: { label: string; href: string };
}) {
  const mailer = await getMailer();
  const { html, text } = await renderNoticeMail({ ...input, fromName: input.fromName });
  await mailer.send({
    from: { name: input.fromName, address: mailFrom() },
    to: [input.to],
    bcc: [],
    subject: input.subject,
    text,
    html,
    messageId: `<${input.messageKey}@${mailFrom().split("@")[1] || "payment-orders.localhost"}>`,
    headers: { "Auto-Submitted": "auto-generated", ...input.headers },
  });
}
