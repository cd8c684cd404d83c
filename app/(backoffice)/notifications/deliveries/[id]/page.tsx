// /notifications/deliveries/[id] — one notification delivery: its facts, the payload decoded, every attempt; Replay for operators.
import type { Metadata } from "next";
import Link from "next/link";
import { orNotFound } from "@/app/(backoffice)/or-not-found";
import { DeliveryAttempts, DeliveryFacts, DeliveryPayload } from "@/components/notifications/delivery-detail";
import { ReplayNotice } from "@/components/notifications/replay-notice";
import { buttonClass } from "@/components/ui/button";
import { PageTitle } from "@/components/ui/page-title";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { replayDeliveriesAction } from "@/lib/notifications/delivery-actions";
import { getDeliveryOrThrow } from "@/lib/notifications/get-delivery";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("ndlv_detail_title") };
}

export default async function DeliveryPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; n?: string; error?: string }>;
}) {
  const { actor } = await requireSession();
  const d = await orNotFound(getDeliveryOrThrow(getDb(), { actor, deliveryId: (await params).id }));
  const lang = await getUiLanguage();
  const t = translator(lang);
  const sp = await searchParams;
  return (
    <section aria-labelledby="title" className="flex max-w-5xl flex-col gap-4" data-delivery-id={d.id}>
      <p>
        <Link href={`/notifications/deliveries?shop=${d.shopId}`} className="text-sm text-brand-700 underline">
          {t("ndlv_back")}
        </Link>
      </p>
      <PageTitle>
        {t("ndlv_detail_title")} · {t(`ntf_event_${d.event}`)}
      </PageTitle>
      <ReplayNotice t={t} done={sp.done} count={sp.n} error={sp.error} />
      {hasRole(actor, "OPERATOR") ? (
        <form action={replayDeliveriesAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="returnTo" value={`/notifications/deliveries/${d.id}`} />
          <input type="hidden" name="id" value={d.id} />
          <button type="submit" className={buttonClass()} aria-describedby="replay-help" data-testid="replay">
            {t("ndlv_replay")}
          </button>
          <p id="replay-help" className="text-xs text-slate-600">
            {t("ndlv_replay_help")}
          </p>
        </form>
      ) : null}
      <DeliveryFacts d={d} t={t} lang={lang} />
      <DeliveryPayload d={d} t={t} />
      <DeliveryAttempts d={d} t={t} lang={lang} />
    </section>
  );
}
