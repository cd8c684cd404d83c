// /settings/shop?shop= — a shop's settings (F-SET-1): administrators edit them, other roles read them.
import type { Metadata } from "next";
import Link from "next/link";
import { loadForShop } from "@/app/(backoffice)/or-not-found";
import { RoleNote, SettingsPage, ShopHeading } from "@/components/settings/settings-page";
import { ShopPicker } from "@/components/settings/shop-picker";
import { ShopSettingsForm } from "@/components/settings/shop-settings-form";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { PAGE_LANGUAGES } from "@/lib/i18n/locales";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { defaultApiQuotas } from "@/lib/lyra-api/quotas";
import { CURRENCIES } from "@/lib/money/currencies";
import { MAX_VALIDITY_DAYS } from "@/lib/orders/validity";
import { CARD_BRANDS } from "@/lib/payments/card";
import { hasVerifiedConnector } from "@/lib/payments/connectors/shop-connector";
import { getDb } from "@/lib/server/db";
import { getShopSettings } from "@/lib/shops/get-shop-settings";
import { MAX_API_REQUESTS_PER_MINUTE, MAX_API_TEST_RECIPIENTS_PER_HOUR, MAX_CAPTURE_DELAY_DAYS } from "@/lib/shops/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("shopset_title") };
}

export default async function ShopSettingsPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const { actor, shops } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const requested = (await searchParams).shop;
  const view = await loadForShop(shops, requested, (shopId) => getShopSettings(getDb(), { actor, shopId }));
  const readOnly = !hasRole(actor, "ADMIN");
  const takesPayments = view ? await hasVerifiedConnector(getDb(), { shopId: view.shopId, mode: "PRODUCTION" }) : true;
  const languageName = new Intl.DisplayNames([lang], { type: "language" });
  const currencyName = new Intl.DisplayNames([lang], { type: "currency" });
  const choices = {
    timeZones: Intl.supportedValuesOf("timeZone"),
    languages: PAGE_LANGUAGES.map((l) => ({ value: l, label: languageName.of(l) ?? l })),
    currencies: CURRENCIES.map((c) => ({ value: c, label: `${c} — ${currencyName.of(c) ?? c}` })),
    cardBrands: CARD_BRANDS.map((b) => ({ value: b, label: t(`shopset_brand_${b}`) })),
    maxValidityDays: MAX_VALIDITY_DAYS,
    maxCaptureDelay: MAX_CAPTURE_DELAY_DAYS,
    apiQuotaDefaults: defaultApiQuotas(),
    apiQuotaLimits: { requestsPerMinute: MAX_API_REQUESTS_PER_MINUTE, testRecipientsPerHour: MAX_API_TEST_RECIPIENTS_PER_HOUR },
  };
  return (
    <SettingsPage title={t("shopset_title")} intro={t("shopset_intro")} note={t("shopset_orders_note")}>
      {view ? (
        <>
          <ShopPicker shops={shops} current={view.shopId} labels={{ shop: t("shopset_shop"), show: t("shopset_shop_show") }} />
          {readOnly ? <RoleNote>{t("shopset_read_only")}</RoleNote> : null}
          <ShopHeading name={view.settings.name} id={view.shopId} />
          {takesPayments ? null : (
            <div
              role="status"
              className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
              data-testid="connector-warning"
            >
              <p>{t("connector_missing_warning")}</p>
              {readOnly ? null : (
                <Link href={`/settings/payment-processor?shop=${view.shopId}`} className="font-medium underline">
                  {t("connector_configure")}
                </Link>
              )}
            </div>
          )}
          <ShopSettingsForm key={view.shopId} view={view} readOnly={readOnly} choices={choices} messages={lang === "en" ? en : fr} />
        </>
      ) : (
        <p className="text-slate-600">{t("shopset_none")}</p>
      )}
    </SettingsPage>
  );
}
