// /settings/payment-processor?shop= — the shop's payment processor per mode (issue 20): choose the
// connector, its credentials (secrets never shown again), "Test the connection" (administrators only).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PaymentProcessorPanel } from "@/components/settings/payment-processor-panel";
import { SettingsPage } from "@/components/settings/settings-page";
import { ShopPicker } from "@/components/settings/shop-picker";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { connectorFormKinds } from "@/lib/payments/connectors/connector-fields";
import { getConnectorSettings } from "@/lib/payments/connectors/save-shop-connector";
import { connectorNotifyUrl } from "@/lib/payments/start-connector-payment";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("pp_title") };
}

export default async function PaymentProcessorPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const { actor, shops } = await requireSession();
  if (!hasRole(actor, "ADMIN")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const requested = (await searchParams).shop;
  const shop = shops.find((s) => s.id === requested) ?? shops[0];
  const settings = shop ? await getConnectorSettings(getDb(), { actor, shopId: shop.id }) : [];
  const kinds = connectorFormKinds();
  const date = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
  return (
    <SettingsPage title={t("pp_title")} intro={t("pp_intro")}>
      {shop ? (
        <>
          <ShopPicker shops={shops} current={shop.id} labels={{ shop: t("pp_shop"), show: t("pp_shop_show") }} />
          {(["PRODUCTION", "TEST"] as const).map((mode) => {
            const s = settings.find((c) => c.mode === mode);
            return (
              <PaymentProcessorPanel
                key={`${shop.id}-${mode}`}
                shopId={shop.id}
                mode={mode}
                kinds={kinds}
                current={
                  s
                    ? {
                        kind: s.kind,
                        publicConfig: s.publicConfig,
                        verifiedOn: s.verifiedAt ? `${date.format(s.verifiedAt)} UTC` : null,
                        verifyError: s.verifyError,
                        notifyUrl: connectorNotifyUrl(s.id),
                      }
                    : null
                }
                messages={lang === "en" ? en : fr}
              />
            );
          })}
        </>
      ) : (
        <p className="text-slate-600">{t("pp_none")}</p>
      )}
    </SettingsPage>
  );
}
