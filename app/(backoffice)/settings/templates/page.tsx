// /settings/templates?shop= — a shop's message templates per channel and kind, with the built-in ones (F-TPL-1, F-TPL-2).
import type { Metadata } from "next";
import Link from "next/link";
import { loadForShop } from "@/app/(backoffice)/or-not-found";
import { ActionNotices, RoleNote, SettingsPage, ShopHeading } from "@/components/settings/settings-page";
import { ShopPicker } from "@/components/settings/shop-picker";
import { TemplateGroup } from "@/components/templates/template-group";
import { buttonClass } from "@/components/ui/button";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { findTemplates } from "@/lib/templates/find-templates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("tpl_title") };
}

const NOTICES = ["duplicate", "default", "delete"];
const ERRORS = ["err_forbidden", "err_tpl_admin_only"];

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ shop?: string; done?: string; error?: string }> }) {
  const { actor, shops } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  const sp = await searchParams;
  const list = await loadForShop(shops, sp.shop, (shopId) => findTemplates(getDb(), { actor, shopId }));
  const canEdit = hasRole(actor, "OPERATOR");
  const isAdmin = hasRole(actor, "ADMIN");
  const languageName = new Intl.DisplayNames([lang], { type: "language" });
  return (
    <SettingsPage title={t("tpl_title")} intro={t("tpl_intro")} width="max-w-5xl">
      {list ? (
        <>
          <ShopPicker shops={shops} current={list.shopId} labels={{ shop: t("tpl_shop"), show: t("tpl_shop_show") }} />
          <ActionNotices
            done={sp.done && NOTICES.includes(sp.done) ? { key: sp.done, text: t(`tpl_done_${sp.done}`) } : undefined}
            error={sp.error ? t(ERRORS.includes(sp.error) ? sp.error : "err_generic") : undefined}
          />
          {canEdit && !isAdmin ? <RoleNote testId="admin-only-note">{t("tpl_admin_only_note")}</RoleNote> : null}
          {canEdit ? (
            <p className="mb-6">
              <Link href={`/settings/templates/new?shop=${list.shopId}`} className={buttonClass()}>
                {t("tpl_new")}
              </Link>
            </p>
          ) : (
            <RoleNote>{t("tpl_read_only")}</RoleNote>
          )}
          <ShopHeading name={list.shopName} id={list.shopId} />
          {list.groups.map((g) => (
            <TemplateGroup
              key={`${g.channel}-${g.kind}`}
              shopId={list.shopId}
              group={g}
              actor={actor}
              t={t}
              languageName={(l) => languageName.of(l) ?? l}
            />
          ))}
        </>
      ) : (
        <p className="text-slate-600">{t("tpl_none")}</p>
      )}
    </SettingsPage>
  );
}
