// The frame of the one-time link pages (/invite/<token>, /reset/<token>), and their refusal.
import Link from "next/link";
import type { ReactNode } from "react";
import type { T } from "@/lib/i18n";
import { PASSWORD_LINK_ERRORS } from "@/lib/users/link-errors";
import { PasswordLinkForm } from "./password-link-form";

export function LinkPage({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <main className="mx-auto mt-24 max-w-md rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
      <h1 className="mb-2 text-xl font-semibold">{title}</h1>
      {intro ? <p className="mb-6 text-sm text-slate-700">{intro}</p> : null}
      {children}
    </main>
  );
}

/** A link that cannot be used (unknown, used, expired, revoked): why, and what to do. */
export function LinkRefused({ t, error, next }: { t: T; error: string; next: { text: string; href?: string } }) {
  return (
    <LinkPage title={t("link_invalid_title")}>
      <p role="alert" className="mb-4 rounded-md bg-red-50 p-3 text-sm font-medium text-red-800" data-testid="link-refused">
        {t(error)}
      </p>
      <p className="text-sm">
        {next.href ? (
          <Link href={next.href} className="text-brand-700 underline">
            {next.text}
          </Link>
        ) : (
          next.text
        )}
      </p>
    </LinkPage>
  );
}

export function LinkForm({ t, kind, token, defaultName }: { t: T; kind: "INVITE" | "RESET"; token: string; defaultName?: string }) {
  return (
    <PasswordLinkForm
      kind={kind}
      token={token}
      defaultName={defaultName}
      labels={{
        name: t("invite_name"),
        password: t("password_new"),
        confirm: t("password_confirm"),
        help: t("password_help"),
        submit: t(kind === "INVITE" ? "invite_submit" : "reset_submit"),
        done: t(kind === "INVITE" ? "invite_done" : "reset_done"),
        signIn: t("signin_submit"),
        errors: Object.fromEntries(PASSWORD_LINK_ERRORS.map((k) => [k, t(k)])),
      }}
    />
  );
}
