// /settings/users/<id> — one user (administrators): role and shops, disable / enable, resend or revoke an invitation.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionNotices, SettingsSubPage } from "@/components/settings/settings-page";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import { confirmLabels } from "@/components/ui/confirm-labels";
import { StatusBadge } from "@/components/ui/status-badge";
import { UserAccessForm } from "@/components/users/invite-user-form";
import { hasRole } from "@/lib/auth/actor";
import { requireSession } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { en } from "@/lib/i18n/messages/en";
import { fr } from "@/lib/i18n/messages/fr";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { resendInvitationAction, revokeInvitationAction, setUserDisabledAction } from "@/lib/users/actions";
import { listUsers } from "@/lib/users/manage-users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("users_edit_title") };
}

const NOTICES = ["saved", "unchanged", "disabled", "enabled", "resent"];

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
}) {
  const { actor, shops: myShops } = await requireSession();
  if (!hasRole(actor, "ADMIN")) notFound();
  const { id } = await params;
  const sp = await searchParams;
  const lang = await getUiLanguage();
  const t = translator(lang);
  const { users, timeZone } = await listUsers(getDb(), { actor });
  const user = users.find((u) => u.id === id);
  if (!user) notFound();
  const format = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short", timeZone });
  // The shops this administrator can grant, and those the user has already.
  const shops = [...myShops, ...user.shops.filter((s) => !myShops.some((m) => m.id === s.id))];
  return (
    <SettingsSubPage
      back={{ href: "/settings/users", label: t("users_back") }}
      title={user.name || user.email}
      subtitle={
        <>
          {user.email} · <StatusBadge value={user.status} label={t(`users_status_${user.status}`)} /> · {t("users_col_last_sign_in")}:{" "}
          {user.lastSignInAt ? format.format(user.lastSignInAt) : t("users_never")}
        </>
      }
    >
      <ActionNotices
        done={sp.done && NOTICES.includes(sp.done) ? { key: sp.done, text: t(`users_done_${sp.done}`) } : undefined}
        error={sp.error?.startsWith("err_") ? t(sp.error) : undefined}
      />
      <UserAccessForm
        user={{ id: user.id, role: user.role, allShops: user.allShops, shopIds: user.shops.map((s) => s.id) }}
        shops={shops}
        messages={lang === "en" ? en : fr}
      />
      <div className="mt-6 flex max-w-xl flex-col gap-3 rounded-lg border border-slate-200 bg-white p-6">
        {user.status === "INVITED" ? (
          <>
            <p className="text-sm text-slate-700">
              {user.invitationExpiresAt
                ? t("users_invitation_until").replace("{date}", format.format(user.invitationExpiresAt))
                : t("users_invitation_expired")}
            </p>
            <div className="flex flex-wrap gap-3">
              <form action={resendInvitationAction}>
                <input type="hidden" name="userId" value={user.id} />
                <button type="submit" className={buttonClass("secondary")}>
                  {t("users_resend")}
                </button>
              </form>
              <ConfirmDeleteButton
                action={revokeInvitationAction}
                shopId=""
                targetId={user.id}
                name={user.email}
                labels={confirmLabels(t, "users", "revoke")}
              />
            </div>
          </>
        ) : null}
        {user.id !== actor.userId ? (
          <form action={setUserDisabledAction} className="flex flex-col gap-2">
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="disabled" value={String(user.status !== "DISABLED")} />
            <p className="text-sm text-slate-700">{t("users_disable_help")}</p>
            <p>
              <button type="submit" className={buttonClass(user.status === "DISABLED" ? "secondary" : "danger")}>
                {t(user.status === "DISABLED" ? "users_enable" : "users_disable")}
              </button>
            </p>
          </form>
        ) : null}
      </div>
    </SettingsSubPage>
  );
}
