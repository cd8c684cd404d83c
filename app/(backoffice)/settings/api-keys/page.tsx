// /settings/api-keys?shop= — a shop's REST user name and keys: reveal, copy, rotate (administrators only).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SettingsPage } from "@/components/settings/settings-page";
import { ShopKeyRow } from "@/components/settings/shop-key-row";
import { ShopPicker } from "@/components/settings/shop-picker";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { getShopKeys } from "@/lib/shops/get-shop-keys";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("apikeys_title") };
}

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<{ shop?: string }> }) {
  const { actor, shops } = await requireSession();
  if (!hasRole(actor, "ADMIN")) notFound();
  const t = translator(await getUiLanguage());
  const requested = (await searchParams).shop;
  const shop = shops.find((s) => s.id === requested) ?? shops[0];
  const view = shop
    ? await getShopKeys(getDb(), { actor, shopId: shop.id }).catch((e) => {
        if (isAppError(e) && (e.code === "NOT_FOUND" || e.code === "FORBIDDEN")) notFound();
        throw e;
      })
    : null;
  const labels = {
    copy: t("apikeys_copy"),
    copied: t("apikeys_copied"),
    fallback: t("apikeys_copy_fallback"),
    reveal: t("apikeys_reveal"),
    rotate: t("apikeys_rotate"),
    rotateTitle: t("apikeys_rotate_title"),
    rotateBody: t("apikeys_rotate_body"),
    rotateConfirm: t("apikeys_rotate_confirm"),
    cancel: t("apikeys_cancel"),
    rotated: t("apikeys_rotated"),
    errors: { err_forbidden: t("err_forbidden"), err_shop: t("err_shop"), err_key_name: t("err_key_name"), err_generic: t("err_generic") },
  };
  return (
    <SettingsPage title={t("apikeys_title")} intro={t("apikeys_intro")} note={t("apikeys_audit_note")}>
      {view ? (
        <>
          <ShopPicker shops={shops} current={view.shopId} labels={{ shop: t("apikeys_shop"), show: t("apikeys_shop_show") }} />
          <div className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 className="mb-4 text-lg font-semibold">
              {view.shopName} ({view.shopId})
            </h2>
            <dl className="mb-4 grid grid-cols-[16rem_1fr] gap-x-4 text-sm">
              <dt className="text-slate-600">{t("apikeys_user")}</dt>
              <dd className="font-mono" data-testid="rest-user">
                {view.shopId}
              </dd>
            </dl>
            <h3 className="font-semibold">{t("apikeys_keys")}</h3>
            <ul>
              {view.keys.map((k) => (
                <ShopKeyRow
                  key={`${view.shopId}-${k.name}`}
                  shopId={view.shopId}
                  name={k.name}
                  label={t(`apikeys_${k.name}`)}
                  help={t(k.name.endsWith("PASSWORD") ? "apikeys_password_help" : "apikeys_hmac_help")}
                  masked={k.masked}
                  labels={labels}
                />
              ))}
            </ul>
          </div>
        </>
      ) : (
        <p className="text-slate-600">{t("apikeys_none")}</p>
      )}
    </SettingsPage>
  );
}
