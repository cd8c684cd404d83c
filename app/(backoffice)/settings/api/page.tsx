// /settings/api?shop= — how to call the REST API, with an example for the current shop (every role).
import type { Metadata } from "next";
import { ApiGuide } from "@/components/settings/api-guide";
import { SettingsPage } from "@/components/settings/settings-page";
import { ShopPicker } from "@/components/settings/shop-picker";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { appUrl } from "@/lib/server/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("api_title") };
}

export default async function ApiPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const { actor, shops } = await requireSession();
  const t = translator(await getUiLanguage());
  const requested = (await searchParams).shop;
  const shopId = (shops.find((s) => s.id === requested) ?? shops[0])?.id ?? "<shopId>";
  return (
    <SettingsPage title={t("api_title")} intro={t("api_intro")} width="max-w-4xl">
      <ShopPicker shops={shops} current={shopId} labels={{ shop: t("apikeys_shop"), show: t("apikeys_shop_show") }} />
      <ApiGuide t={t} baseUrl={`${appUrl()}/api-payment/V4/`} shopId={shopId} isAdmin={hasRole(actor, "ADMIN")} />
    </SettingsPage>
  );
}
