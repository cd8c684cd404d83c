"use client";
import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { waitText } from "@/lib/auth/sign-in-error";
import { type ForgotState, forgotPasswordAction } from "@/lib/users/public-actions";

type Labels = { email: string; submit: string; sent: string; rateLimited: string };

/** /forgot: one e-mail field; the same answer whether the address has an account or not. */
export function ForgotForm({ labels }: { labels: Labels }) {
  const [state, action, pending] = useActionState<ForgotState, FormData>(forgotPasswordAction, {});
  if (state.sent) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-3 text-sm font-medium text-green-900" data-testid="forgot-sent">
        {labels.sent}
      </p>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4">
      {state.retryAfterSeconds ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm font-medium text-red-800">
          {labels.rateLimited.replace("{wait}", waitText(state.retryAfterSeconds))}
        </p>
      ) : null}
      <Field id="email" label={labels.email} type="email" autoComplete="username" required maxLength={254} defaultValue={state.email} />
      <button type="submit" className={buttonClass()} disabled={pending}>
        {labels.submit}
      </button>
    </form>
  );
}
