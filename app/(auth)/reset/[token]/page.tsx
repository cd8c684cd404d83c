// /reset/<token> — choose a new password through a reset link (1 hour, once).
import type { Metadata } from "next";
import { LinkForm, LinkPage, LinkRefused } from "@/components/users/link-page";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { describeUserLink } from "@/lib/users/password-links";

// The token is in the address: never sent on to another site, nor indexed.
export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await getUiLanguage())("reset_title"), referrer: "no-referrer", robots: { index: false } };
}

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = translator(await getUiLanguage());
  const link = await describeUserLink(getDb(), { token, kind: "RESET" }).catch((e) => {
    if (isAppError(e)) return { error: e.publicMessage.startsWith("err_") ? e.publicMessage : "err_token_unknown" };
    throw e;
  });
  if ("error" in link) return <LinkRefused t={t} error={link.error} next={{ text: t("reset_ask_again"), href: "/forgot" }} />;
  return (
    <LinkPage title={t("reset_title")} intro={t("reset_intro").replace("{email}", link.email)}>
      <LinkForm t={t} kind="RESET" token={token} />
    </LinkPage>
  );
}
