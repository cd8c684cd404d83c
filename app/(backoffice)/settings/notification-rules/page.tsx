// /settings/notification-rules?shop= — a shop's notification rules (F-SET-3): administrators create, edit, enable/disable and delete them, other roles read them.
import type { Metadata } from "next";
import Link from "next/link";
import { loadForShop } from "@/app/(backoffice)/or-not-found";
import { RuleTable } from "@/components/notifications/rule-table";
import { ActionNotices, RoleNote, SettingsPage, ShopHeading } from "@/components/settings/settings-page";
import { ShopPicker } from "@/components/settings/shop-picker";
import { buttonClass } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { findRules } from "@/lib/notifications/rules/find-rules";
import { getDb } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("nrule_title") };
}

const NOTICES = ["created", "deleted", "enabled", "disabled", "unchanged"];

export default async function NotificationRulesPage({
  searchParams,
}: {
  searchParams: Promise<{ shop?: string; done?: string; error?: string }>;
}) {
  const { actor, shops } = await requireSession();
  const t = translator(await getUiLanguage());
  const sp = await searchParams;
  const list = await loadForShop(shops, sp.shop, (shopId) => findRules(getDb(), { actor, shopId }));
  const canEdit = hasRole(actor, "ADMIN");
  return (
    <SettingsPage title={t("nrule_title")} intro={t("nrule_intro")} width="max-w-6xl">
      {list ? (
        <>
          <ShopPicker shops={shops} current={list.shopId} labels={{ shop: t("nrule_shop"), show: t("nrule_shop_show") }} />
          <ActionNotices
            done={sp.done && NOTICES.includes(sp.done) ? { key: sp.done, text: t(`nrule_done_${sp.done}`) } : undefined}
            error={sp.error ? t(sp.error === "err_forbidden" ? "err_forbidden" : "err_generic") : undefined}
          />
          {canEdit ? (
            <p className="mb-6 flex flex-wrap gap-3">
              <Link href={`/settings/notification-rules/new?shop=${list.shopId}&kind=URL_CALL`} className={buttonClass()}>
                {t("nrule_new_url")}
              </Link>
              <Link href={`/settings/notification-rules/new?shop=${list.shopId}&kind=SMS`} className={buttonClass("secondary")}>
                {t("nrule_new_SMS")}
              </Link>
              <Link href={`/settings/notification-rules/new?shop=${list.shopId}&kind=EMAIL`} className={buttonClass("secondary")}>
                {t("nrule_new_email")}
              </Link>
            </p>
          ) : (
            <RoleNote>{t("nrule_read_only")}</RoleNote>
          )}
          <ShopHeading name={list.shopName} id={list.shopId} />
          {list.rules.length ? (
            <RuleTable shopId={list.shopId} rules={list.rules} canEdit={canEdit} t={t} />
          ) : (
            <p className="text-slate-600">{t("nrule_empty")}</p>
          )}
          <p className="mt-6">
            <Link href={`/notifications/deliveries?shop=${list.shopId}`} className="text-sm text-brand-700 underline">
              {t("nrule_deliveries_link")}
            </Link>
          </p>
        </>
      ) : (
        <p className="text-slate-600">{t("nrule_none")}</p>
      )}
    </SettingsPage>
  );
}
