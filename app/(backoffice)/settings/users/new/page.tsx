// /settings/users/new — invite a user by e-mail (administrators).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SettingsSubPage } from "@/components/settings/settings-page";
import { InviteUserForm } from "@/components/users/invite-user-form";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("users_invite_title") };
}

export default async function InviteUserPage() {
  const { actor, shops } = await requireSession();
  if (!hasRole(actor, "ADMIN")) notFound();
  const lang = await getUiLanguage();
  const t = translator(lang);
  return (
    <SettingsSubPage
      back={{ href: "/settings/users", label: t("users_back") }}
      title={t("users_invite_title")}
      subtitle={t("users_invite_intro")}
    >
      <InviteUserForm shops={shops} lang={lang} messages={lang === "en" ? en : fr} />
    </SettingsSubPage>
  );
}
