// /mailbox — mail caught by the built-in SMTP catcher (only when SMTP_URL is not set).
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/components/ui/data-table";
import { PageTitle } from "@/components/ui/page-title";
import { requireSession } from "@/lib/auth/session";
import { findCaughtMail } from "@/lib/channels/find-caught-mail";
import { isMailCatcherMode } from "@/lib/channels/mail-catcher-mode";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { formatDateTime } from "@/lib/time/shop-time";

export const metadata = { title: "Mailbox" };

export default async function MailboxPage() {
  if (!isMailCatcherMode()) notFound();
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const rows = await findCaughtMail(getDb(), { actor });
  return (
    <section aria-labelledby="title">
      <PageTitle margin="mb-2">{t("mailbox_title")}</PageTitle>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("mailbox_intro")}</p>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("mailbox_empty")}</p>
      ) : (
        <DataTable
          caption={<caption className="sr-only">{t("mailbox_title")}</caption>}
          columns={[t("mailbox_received"), t("mailbox_to"), t("mailbox_subject")]}
        >
          {rows.map((m) => (
            <tr key={m.id} className="border-t border-slate-100">
              <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.receivedAt, "UTC", lang)} UTC</td>
              <td className="px-3 py-2 break-all">{m.envelopeTo.join(", ")}</td>
              <td className="px-3 py-2">
                <Link href={`/mailbox/${m.id}`} className="text-brand-700 underline">
                  {m.subject || t("mailbox_no_subject")}
                </Link>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
