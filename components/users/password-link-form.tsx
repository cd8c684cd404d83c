"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useActionState, useEffect, useRef, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { acceptInvitationAction, type LinkFormState, resetPasswordAction } from "@/lib/users/public-actions";

type Labels = {
  name?: string;
  password: string;
  confirm: string;
  help: string;
  submit: string;
  done: string;
  signIn: string;
  /** Catalogue texts of the refusals (err_…). */
  errors: Record<string, string>;
};

/**
 * The form of a one-time link: an invitation (name + password, then signed in at once) or a reset
 * (new password, then to the sign-in page: every session of the account was ended).
 */
export function PasswordLinkForm({
  kind,
  token,
  defaultName,
  labels,
}: {
  kind: "INVITE" | "RESET";
  token: string;
  defaultName?: string;
  labels: Labels;
}) {
  const [state, action, pending] = useActionState<LinkFormState, FormData>(
    kind === "INVITE" ? acceptInvitationAction : resetPasswordAction,
    {},
  );
  const password = useRef("");
  const [signingIn, setSigningIn] = useState(false);
  const text = (key: string | undefined) => (key ? (labels.errors[key] ?? key) : undefined);

  useEffect(() => {
    if (kind !== "INVITE" || !state.done) return;
    // The invitation is accepted: sign in with what was just typed; if that is refused (a second
    // factor required…), the sign-in page takes over.
    setSigningIn(true);
    void signIn("credentials", { email: state.done.email, password: password.current, redirect: false }).then((res) => {
      password.current = "";
      window.location.assign(res?.ok && !res.error ? "/" : "/signin");
    });
  }, [kind, state.done]);

  if (state.done) {
    return (
      <div
        role="status"
        className="flex flex-col gap-3 rounded-md bg-green-50 p-3 text-sm font-medium text-green-900"
        data-testid="link-done"
      >
        <p>{labels.done}</p>
        {signingIn ? null : (
          <p>
            <Link href="/signin" className="text-brand-700 underline">
              {labels.signIn}
            </Link>
          </p>
        )}
      </div>
    );
  }
  return (
    <form
      action={action}
      onSubmit={(e) => {
        password.current = String(new FormData(e.currentTarget).get("password") ?? "");
      }}
      className="flex flex-col gap-4"
      noValidate
    >
      {state.error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          {text(state.error)}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      {kind === "INVITE" ? (
        <Field
          id="name"
          label={labels.name}
          autoComplete="name"
          required
          maxLength={120}
          defaultValue={state.name ?? defaultName}
          error={text(state.fields?.name)}
        />
      ) : null}
      <Field
        id="password"
        label={labels.password}
        type="password"
        autoComplete="new-password"
        required
        help={labels.help}
        error={text(state.fields?.password)}
      />
      <Field id="confirm" label={labels.confirm} type="password" autoComplete="new-password" required error={text(state.fields?.confirm)} />
      <button type="submit" className={buttonClass()} disabled={pending || signingIn}>
        {labels.submit}
      </button>
    </form>
  );
}
