// /invite/<token> — accept an invitation: choose a name and a password, then signed in.
import type { Metadata } from "next";
import { LinkForm, LinkPage, LinkRefused } from "@/components/users/link-page";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { describeUserLink } from "@/lib/users/password-links";

// The token is in the address: never sent on to another site, nor indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("link_invite_page_title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await describeUserLink(getDb(), { token, kind: "INVITE" }).catch((e) => {
    if (isAppError(e)) return { error: e.publicMessage.startsWith("err_") ? e.publicMessage : "err_token_unknown" };
    throw e;
  });
  const lang = "email" in link && (link.locale === "en" || link.locale === "fr") ? link.locale : await getUiLanguage();
  const t = translator(lang);
  if ("error" in link) return <LinkRefused t={t} error={link.error} next={{ text: t("invite_ask_again") }} />;
  return (
    <LinkPage title={t("invite_title").replace("{company}", link.companyName)} intro={t("invite_intro").replace("{email}", link.email)}>
      <LinkForm t={t} kind="INVITE" token={token} defaultName={link.name} />
    </LinkPage>
  );
}
