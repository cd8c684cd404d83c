// /settings/users — the company's users (issue 19): administrators list, invite and manage them.
import type { Metadata } from "next";
import Link from "next/link";
import { ActionNotices, RoleNote, SettingsPage } from "@/components/settings/settings-page";
import { buttonClass } from "@/components/ui/button";
import { UserTable } from "@/components/users/user-table";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { listUsers } from "@/lib/users/manage-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("users_title") };
}

const NOTICES = ["invited", "revoked"];

export default async function UsersPage({ searchParams }: { searchParams: Promise<{ done?: string; error?: string }> }) {
  const { actor } = await requireSession();
  const lang = await getUiLanguage();
  const t = translator(lang);
  if (!hasRole(actor, "ADMIN")) {
    return (
      <SettingsPage title={t("users_title")} intro={t("users_intro")}>
        <RoleNote>{t("users_read_only")}</RoleNote>
      </SettingsPage>
    );
  }
  const sp = await searchParams;
  const { users, timeZone } = await listUsers(getDb(), { actor });
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (
    <SettingsPage title={t("users_title")} intro={t("users_intro")} width="max-w-6xl">
      <ActionNotices
        done={sp.done && NOTICES.includes(sp.done) ? { key: sp.done, text: t(`users_done_${sp.done}`) } : undefined}
        error={sp.error?.startsWith("err_") ? t(sp.error) : undefined}
      />
      <p className="mb-6">
        <Link href="/settings/users/new" className={buttonClass()}>
          {t("users_invite")}
        </Link>
      </p>
      <UserTable users={users} meId={actor.userId} t={t} formatTime={(d) => format.format(d)} />
    </SettingsPage>
  );
}
