// The invitation and password-reset e-mails (job users.token-mail): the platform's notice layout
// (renderNoticeMail) with a button to the one-time link, in the recipient's language (their own
// choice, else their company's: its first administrator's, else French). Sent from MAIL_FROM under
// the company's name, through the same mailer as every message (the local catcher without
// SMTP_URL). A link revoked, used or expired before the worker got to it is not sent.
import { alertLanguage, sendAlertMail } from "../channels/send-alert-mail";
import { translator } from "../i18n";
import type { Db } from "../server/db";
import { appUrl } from "../server/env";
import { decryptSecret } from "../server/secrets";

/** The page a link opens. */
export const userTokenUrl = (kind: "INVITE" | "RESET", token: string) => `${appUrl()}/${kind === "INVITE" ? "invite" : "reset"}/${token}`;

export async function sendUserTokenMail(db: Db, input: { tokenId: string; sealedToken: string }): Promise<{ sent: boolean }> {
  const row = await db.userToken.findUnique({
    where: { id: input.tokenId },
    select: {
      kind: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      createdById: true,
      user: {
        select: {
          email: true,
          name: true,
          locale: true,
          company: {
            select: {
              name: true,
              users: {
                where: { role: "ADMIN", disabledAt: null, locale: { not: null } },
                select: { locale: true },
                orderBy: { createdAt: "asc" },
                take: 1,
              },
            },
          },
        },
      },
    },
  });
  if (!row || row.usedAt || row.revokedAt || row.expiresAt <= new Date()) return { sent: false };
  const { user } = row;
  const lang = user.locale === "en" || user.locale === "fr" ? user.locale : alertLanguage(user.company.users[0]?.locale);
  const t = translator(lang);
  const inviter = row.createdById ? await db.user.findUnique({ where: { id: row.createdById }, select: { name: true } }) : null;
  const url = userTokenUrl(row.kind, decryptSecret(input.sealedToken));
  const prefix = row.kind === "INVITE" ? "users_mail_invite" : "users_mail_reset";
  const fill = (s: string) =>
    s
      .replaceAll("{name}", user.name || user.email)
      .replaceAll("{company}", user.company.name)
      .replaceAll("{inviter}", inviter?.name ?? user.company.name)
      .replaceAll("{email}", user.email)
      .replaceAll("{url}", url);
  await sendAlertMail({
    fromName: user.company.name,
    to: user.email,
    lang,
    subject: fill(t(`${prefix}_subject`)),
    text: fill(t(`${prefix}_body`)),
    messageKey: `user-token-${input.tokenId}`,
    action: { label: t(`${prefix}_action`), href: url },
    // No X-Shop-Id: without SMTP_URL the catcher would show it in the shop's Test mailbox, which
    // every user of the shop reads — and the link sets the password of the account it names.
  });
  return { sent: true };
}
