"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { adoptAccountLanguage } from "@/lib/account/actions";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { rateLimitedSeconds, SECOND_FACTOR_EXPIRED, secondFactorTicket, waitText } from "@/lib/auth/sign-in-error";

type Labels = {
  email: string;
  password: string;
  submit: string;
  invalid: string;
  rateLimited: string;
  codeTitle: string;
  code: string;
  codeHelp: string;
  codeSubmit: string;
  codeInvalid: string;
  codeExpired: string;
};

/**
 * E-mail and password; for an account with two-step sign-in on, the password step answers with a
 * ticket (no session) and the form asks for the app's code or a recovery code.
 */
export function SignInForm({ callbackUrl, initialError, labels }: { callbackUrl: string; initialError?: string; labels: Labels }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);
  const [ticket, setTicket] = useState<string | null>(null);

  async function signedIn() {
    await adoptAccountLanguage().catch(() => undefined);
    // Checked again here: this is where the browser leaves, whatever the page was given.
    window.location.assign(safeCallbackPath(callbackUrl));
  }

  const waitOrElse = (err: string | undefined, otherwise: string) => {
    const wait = rateLimitedSeconds(err);
    return wait !== null ? labels.rateLimited.replace("{wait}", waitText(wait)) : otherwise;
  };

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (res?.ok && !res.error) return signedIn();
    const next = secondFactorTicket(res?.error);
    if (next) {
      setTicket(next);
      setError(undefined);
      return;
    }
    setError(waitOrElse(res?.error ?? undefined, labels.invalid));
  }

  async function onCode(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    const res = await signIn("second-factor", { ticket: ticket ?? "", code: String(form.get("code") ?? ""), redirect: false });
    setPending(false);
    if (res?.ok && !res.error) return signedIn();
    if (res?.error === SECOND_FACTOR_EXPIRED) {
      setTicket(null);
      setError(labels.codeExpired);
      return;
    }
    setError(waitOrElse(res?.error ?? undefined, labels.codeInvalid));
  }

  const alert = error ? (
    <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
      {error}
    </p>
  ) : null;

  if (ticket) {
    return (
      <form onSubmit={onCode} className="flex flex-col gap-4" noValidate aria-labelledby="code-title">
        <h2 id="code-title" className="text-lg font-semibold">
          {labels.codeTitle}
        </h2>
        {alert}
        <Field
          key="code"
          id="code"
          label={labels.code}
          help={labels.codeHelp}
          autoComplete="one-time-code"
          inputMode="text"
          maxLength={20}
          required
          autoFocus
        />
        <button type="submit" className={buttonClass()} disabled={pending}>
          {labels.codeSubmit}
        </button>
      </form>
    );
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {alert}
      <Field id="email" label={labels.email} type="email" autoComplete="username" required />
      <Field id="password" label={labels.password} type="password" autoComplete="current-password" required />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
