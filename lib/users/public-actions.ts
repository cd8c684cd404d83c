"use server";
// The actions of the pages reached without a session: forgot password, a reset link, an
// invitation link. Each reads its form, calls one use case, and answers the form's next state.
import { headers } from "next/headers";
import { clientAddress } from "../server/client-address";
import { getDb } from "../server/db";
import { isAppError } from "../server/errors";
import { acceptInvitation, requestPasswordReset, resetPassword } from "./password-links";

export type ForgotState = { sent?: boolean; retryAfterSeconds?: number; email?: string };
export type LinkFormState = { fields?: Record<string, string>; error?: string; done?: { email: string }; name?: string };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "").slice(0, 1000);

export async function forgotPasswordAction(_prev: ForgotState, formData: FormData): Promise<ForgotState> {
  const email = text(formData, "email");
  const r = await requestPasswordReset(getDb(), { email, clientAddress: clientAddress(await headers()) });
  return r.ok ? { sent: true } : { retryAfterSeconds: r.retryAfterSeconds, email };
}

/** A use case's refusal as the link form shows it: a field's, or the link's own (expired, used…). */
function refusal(e: unknown): LinkFormState {
  if (!isAppError(e)) throw e;
  if (e.fields) return { fields: e.fields };
  return { error: e.publicMessage.startsWith("err_") ? e.publicMessage : "err_generic" };
}

function mismatch(formData: FormData): LinkFormState | null {
  return text(formData, "password") !== text(formData, "confirm") ? { fields: { confirm: "err_password_mismatch" } } : null;
}

export async function acceptInvitationAction(_prev: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const name = text(formData, "name");
  const wrong = mismatch(formData);
  if (wrong) return { ...wrong, name };
  try {
    const r = await acceptInvitation(getDb(), { token: text(formData, "token"), name, password: text(formData, "password") });
    return { done: { email: r.email } };
  } catch (e) {
    return { ...refusal(e), name };
  }
}

export async function resetPasswordAction(_prev: LinkFormState, formData: FormData): Promise<LinkFormState> {
  const wrong = mismatch(formData);
  if (wrong) return wrong;
  try {
    const r = await resetPassword(getDb(), { token: text(formData, "token"), password: text(formData, "password") });
    return { done: { email: r.email } };
  } catch (e) {
    return refusal(e);
  }
}
