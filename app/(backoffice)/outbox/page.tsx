// /outbox — SMS and WhatsApp messages received by the built-in sandbox gateways (only while the company uses one).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageTitle } from "@/components/ui/page-title";
import { requireSession } from "@/lib/auth/session";
import { findSandboxMessages, usesSandboxGateways } from "@/lib/channels/find-sandbox-messages";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { formatDateTime } from "@/lib/time/shop-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("outbox_title") };
}

export default async function SandboxOutboxPage() {
  const { actor } = await requireSession();
  const db = getDb();
  if (!(await usesSandboxGateways(db, { actor }))) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const rows = await findSandboxMessages(db, { actor });
  const status = (s: string) => {
    const label = t(`outbox_status_${s}`);
    return label === `outbox_status_${s}` ? s : label;
  };
  return (
    <section aria-labelledby="title">
      <PageTitle margin="mb-2">{t("outbox_title")}</PageTitle>
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t("outbox_intro")}</p>
      {rows.length === 0 ? (
        <p className="text-slate-600">{t("outbox_empty")}</p>
      ) : (
        // Focusable, so that keyboard users can scroll a wide table (WCAG 2.1.1).
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("outbox_title")}</caption>
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                {["outbox_received", "outbox_channel", "outbox_from", "outbox_to", "outbox_body", "outbox_status"].map((k) => (
                  <th key={k} scope="col" className="px-3 py-2">
                    {t(k)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-t border-slate-100 align-top" data-testid="outbox-row">
                  <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(m.receivedAt, "UTC", lang)} UTC</td>
                  <td className="px-3 py-2">{t(`outbox_channel_${m.channel}`)}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{m.from ?? ""}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{m.to}</td>
                  <td className="max-w-md px-3 py-2 break-words whitespace-pre-wrap">{m.body}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{status(m.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </section>
  );
}
