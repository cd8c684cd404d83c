// /settings/collect-form?shop= — a shop's data collection form (F-SET-4): administrators edit and publish it, other roles read it.
import type { Metadata } from "next";
import { loadForShop } from "@/app/(backoffice)/or-not-found";
import { CollectFormPublication } from "@/components/settings/collect-form-publication";
import { CollectFormSettingsForm } from "@/components/settings/collect-form-settings-form";
import { RoleNote, SettingsPage, ShopHeading } from "@/components/settings/settings-page";
import { ShopPicker } from "@/components/settings/shop-picker";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { getCollectFormSettings } from "@/lib/collect-form/get-collect-form-settings";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";
import { formatDateTime } from "@/lib/time/shop-time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("collectset_title") };
}

export default async function CollectFormSettingsPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const { actor, shops } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const requested = (await searchParams).shop;
  const view = await loadForShop(shops, requested, (shopId) => getCollectFormSettings(getDb(), { actor, shopId }));
  const readOnly = !hasRole(actor, "ADMIN");
  const messages = lang === "en" ? en : fr;
  const publishedAt = view?.form?.publishedAt;
  return (
    <SettingsPage title={t("collectset_title")} intro={t("collectset_intro")}>
      {view ? (
        <>
          <ShopPicker shops={shops} current={view.shopId} labels={{ shop: t("collectset_shop"), show: t("collectset_shop_show") }} />
          {readOnly ? <RoleNote>{t("collectset_read_only")}</RoleNote> : null}
          <ShopHeading name={view.shopName} id={view.shopId} />
          <CollectFormPublication
            key={`${view.shopId}-publication`}
            shopId={view.shopId}
            saved={view.form !== null}
            publishedOn={publishedAt ? formatDateTime(publishedAt, view.timeZone, lang) : null}
            readOnly={readOnly}
            messages={messages}
          />
          <CollectFormSettingsForm
            key={view.shopId}
            view={view}
            readOnly={readOnly}
            publicUrl={`${appUrl()}/collect/${view.shopId}`}
            messages={messages}
          />
        </>
      ) : (
        <p className="text-slate-600">{t("collectset_none")}</p>
      )}
    </SettingsPage>
  );
}
