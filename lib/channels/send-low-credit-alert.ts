import { recordAuditEvent } from "../audit/record-audit-event";
import { translator } from "../i18n";
import type { Db } from "../server/db";
import { backOfficeUrl } from "../shared/links";
import { alertLanguage, sendAlertMail } from "./send-alert-mail";

/**
 * The low SMS credit alert (job of checkLowSmsCredits): one e-mail to the company manager, in the
 * language of the company's first administrator who chose one (else French). No Message row: it
 * belongs to no order. Skipped (but audited) when the company has no manager e-mail. A failure to
 * send throws, and pg-boss retries the job.
 */
export async function sendLowCreditAlert(db: Db, input: { companyId: string }) {
  const company = await db.company.findUnique({
    where: { id: input.companyId },
    select: {
      name: true,
      managerEmail: true,
      smsCredits: true,
      smsLowCreditThreshold: true,
      shops: { select: { id: true }, orderBy: { id: "asc" }, take: 1 },
      users: {
        where: { role: "ADMIN", disabledAt: null, locale: { not: null } },
        select: { locale: true },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  if (!company) return { sent: false };
  const lang = alertLanguage(company.users[0]?.locale);
  const t = translator(lang);
  const fill = (s: string) =>
    s
      .replaceAll("{company}", company.name)
      .replaceAll("{credits}", String(company.smsCredits))
      .replaceAll("{threshold}", String(company.smsLowCreditThreshold ?? 0))
      .replaceAll("{url}", backOfficeUrl.companySettings());
  let sent = false;
  if (company.managerEmail) {
    await sendAlertMail({
      fromName: company.name,
      to: company.managerEmail,
      lang,
      subject: fill(t("lowcredit_subject")),
      text: fill(t("lowcredit_body")),
      messageKey: `low-credit-${input.companyId}-${Date.now()}`,
      action: { label: t("mail_action_company"), href: backOfficeUrl.companySettings() },
      // The catcher files it under the company's first shop, so its tenant sees it in the test mailbox.
      headers: company.shops[0] ? { "X-Shop-Id": company.shops[0].id } : {},
    });
    sent = true;
  }
  await recordAuditEvent(db, {
    actor: { type: "SYSTEM" },
    action: "company.sms.low_credit_alert",
    companyId: input.companyId,
    after: { credits: company.smsCredits, threshold: company.smsLowCreditThreshold, to: company.managerEmail, sent },
  });
  return { sent };
}
