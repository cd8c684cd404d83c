"use server";
// Server actions of Settings › Users (administrators): read the form, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { UserActor } from "../auth/actor";
import { authedAction } from "../auth/authed-action";
import type { Db } from "../server/db";
import { inviteUser } from "./invite-user";
import { resendInvitation, revokeInvitation, setUserDisabled, updateUserAccess } from "./manage-users";

export type UserFormValues = { email: string; name: string; role: string; access: string; shopIds: string[]; locale: string };
export type UserFormState = { fields?: Record<string, string>; error?: string; values?: UserFormValues };

const LIST = "/settings/users";
const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");

function valuesOf(formData: FormData): UserFormValues {
  return {
    email: text(formData, "email"),
    name: text(formData, "name"),
    role: text(formData, "role"),
    access: text(formData, "access"),
    shopIds: formData.getAll("shopIds").map(String),
    locale: text(formData, "locale"),
  };
}

function back(query: string, userId?: string): never {
  revalidatePath(LIST);
  redirect(userId ? `${LIST}/${userId}?${query}` : `${LIST}?${query}`);
}

/** The invitation form: on success back to the list. */
export const inviteUserAction = authedAction({
  role: "ADMIN",
  read: (_prev: UserFormState, formData: FormData) => valuesOf(formData),
  run: (db, { actor, ...v }) =>
    inviteUser(db, actor, {
      email: v.email,
      name: v.name,
      role: v.role as "ADMIN",
      allShops: v.access === "all",
      shopIds: v.access === "all" ? [] : v.shopIds,
      locale: v.locale === "en" || v.locale === "fr" ? v.locale : undefined,
    }),
  done: () => back("done=invited"),
  refused: ({ fields, error }, values): UserFormState => (fields ? { fields, values } : { error, values }),
});

/** A user's role and shops (the edit page's form). */
export const updateUserAccessAction = authedAction({
  role: "ADMIN",
  read: (_prev: UserFormState, formData: FormData) => ({ userId: text(formData, "userId"), values: valuesOf(formData) }),
  run: (db, { actor, userId, values: v }) =>
    updateUserAccess(db, {
      actor,
      userId,
      role: v.role as "ADMIN",
      allShops: v.access === "all",
      shopIds: v.access === "all" ? [] : v.shopIds,
    }),
  done: (_r, { userId }) => back("done=saved", userId),
  refused: ({ fields, error }, { values }): UserFormState => (fields ? { fields, values } : { error, values }),
});

/** The buttons of a user's page: back to it (or to the list) with what happened. */
const userAction = (
  run: (db: Db, input: { actor: UserActor; userId: string; disabled: boolean }) => Promise<unknown>,
  done: (disabled: boolean) => string,
  toList = false,
) =>
  authedAction({
    role: "ADMIN",
    read: (formData: FormData) => ({
      userId: text(formData, "userId") || text(formData, "id"),
      disabled: text(formData, "disabled") === "true",
    }),
    run,
    done: (_r, { userId, disabled }) => back(`done=${done(disabled)}`, toList ? undefined : userId),
    refused: ({ error, fields }, { userId }) => back(`error=${error ?? Object.values(fields ?? {})[0] ?? "err_generic"}`, userId),
  });

export const setUserDisabledAction = userAction(setUserDisabled, (disabled) => (disabled ? "disabled" : "enabled"));
export const resendInvitationAction = userAction(resendInvitation, () => "resent");
export const revokeInvitationAction = userAction(revokeInvitation, () => "revoked", true);
