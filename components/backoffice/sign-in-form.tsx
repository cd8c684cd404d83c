"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { rateLimitedSeconds, waitText } from "@/lib/auth/sign-in-error";

type Labels = { email: string; password: string; submit: string; invalid: string; rateLimited: string };

export function SignInForm({ callbackUrl, initialError, labels }: { callbackUrl: string; initialError?: string; labels: Labels }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

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
    if (res?.ok && !res.error) {
      // Checked again here: this is where the browser leaves, whatever the page was given.
      window.location.assign(safeCallbackPath(callbackUrl));
      return;
    }
    const wait = rateLimitedSeconds(res?.error);
    setError(wait !== null ? labels.rateLimited.replace("{wait}", waitText(wait)) : labels.invalid);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <Field id="email" label={labels.email} type="email" autoComplete="username" required />
      <Field id="password" label={labels.password} type="password" autoComplete="current-password" required />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
