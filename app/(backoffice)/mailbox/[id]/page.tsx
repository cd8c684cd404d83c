// /mailbox/[id] — one caught message: envelope, headers, HTML (sandboxed) and text parts.
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui/page-title";
import { requireSession } from "@/lib/auth/session";
import { getCaughtMail } from "@/lib/channels/find-caught-mail";
import { isMailCatcherMode } from "@/lib/channels/mail-catcher-mode";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { formatDateTime } from "@/lib/time/shop-time";

export const metadata = { title: "Mailbox" };

export default async function CaughtMailPage({ params }: { params: Promise<{ id: string }> }) {
  if (!isMailCatcherMode()) notFound();
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const m = await getCaughtMail(getDb(), { actor, id: (await params).id });
  if (!m) notFound();
  const rows: [string, string][] = [
    [t("mailbox_received"), `${formatDateTime(m.receivedAt, "UTC", lang)} UTC`],
    [t("mailbox_from"), m.from ?? ""],
    [t("mailbox_to"), m.to ?? ""],
    [t("mailbox_envelope"), m.envelopeTo.join(", ")],
    ["Message-ID", m.messageId ?? ""],
  ];
  return (
    <section aria-labelledby="title" className="flex max-w-4xl flex-col gap-4">
      <p>
        <Link href="/mailbox" className="text-sm text-brand-700 underline">
          ← {t("mailbox_title")}
        </Link>
      </p>
      <PageTitle>{m.subject || t("mailbox_no_subject")}</PageTitle>
      <dl className="grid grid-cols-[10rem_1fr] gap-x-4 gap-y-1 rounded-lg border border-slate-200 bg-white p-4 text-sm">
        {rows.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-slate-700">{k}</dt>
            <dd className="break-all">{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="text-lg font-semibold">{t("mailbox_html")}</h2>
      {m.html ? (
        <iframe
          title={t("mailbox_html")}
          sandbox=""
          srcDoc={m.html}
          className="h-[28rem] w-full rounded-lg border border-slate-200 bg-white"
        />
      ) : (
        <p className="text-slate-600">—</p>
      )}
      <h2 className="text-lg font-semibold">{t("mailbox_text")}</h2>
      <pre className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-white p-4 text-sm">{m.text ?? ""}</pre>
    </section>
  );
}
