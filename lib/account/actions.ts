"use server";
import { revalidatePath } from "next/cache";
// Server actions of My account and of the two-factor enrolment: read the form, call one use case.
import { cookies } from "next/headers";
import { authedAction } from "../auth/authed-action";
import { getSessionContext, keepThisSession } from "../auth/session";
import { confirmTwoFactorEnrolment, disableTwoFactor, disableTwoFactorSchema, twoFactorCodeSchema } from "../auth/two-factor";
import { UI_LANGUAGES } from "../i18n/locales";
import { LANG_COOKIE } from "../i18n/server";
import { changePassword } from "./change-password";
import { changePasswordSchema, profileSchema } from "./schemas";
import { updateProfile } from "./update-profile";

export type AccountFormState = { fields?: Record<string, string>; error?: string; values?: Record<string, string>; saved?: boolean };

const text = (formData: FormData, name: string) => String(formData.get(name) ?? "");
const LANG_COOKIE_OPTIONS = { path: "/", sameSite: "lax" as const, maxAge: 365 * 24 * 3600 };

export const updateProfileAction = authedAction({
  schema: profileSchema,
  read: (_prev: AccountFormState, formData: FormData) => ({ name: text(formData, "name"), locale: text(formData, "locale") }),
  run: (db, input) => updateProfile(db, input),
  done: async (_r, values): Promise<AccountFormState> => {
    // The interface follows the account's language from now on (and at each sign-in: adoptAccountLanguage).
    (await cookies()).set(LANG_COOKIE, values.locale, LANG_COOKIE_OPTIONS);
    revalidatePath("/", "layout");
    return { values, saved: true };
  },
  refused: ({ fields, error }, values): AccountFormState => ({ fields, error, values }),
});

export const changePasswordAction = authedAction({
  schema: changePasswordSchema,
  read: (_prev: AccountFormState, formData: FormData) => ({
    currentPassword: text(formData, "currentPassword"),
    newPassword: text(formData, "newPassword"),
    confirmPassword: text(formData, "confirmPassword"),
  }),
  run: (db, input) => changePassword(db, input),
  done: async ({ sessionVersion }): Promise<AccountFormState> => {
    await keepThisSession(sessionVersion);
    return { saved: true };
  },
  refused: ({ fields, error }): AccountFormState => ({ fields, error }),
});

export type EnrolmentState = { fields?: Record<string, string>; error?: string; recoveryCodes?: string[] };

export const confirmTwoFactorAction = authedAction({
  enrolment: true,
  schema: twoFactorCodeSchema,
  read: (_prev: EnrolmentState, formData: FormData) => ({ code: text(formData, "code") }),
  run: (db, input) => confirmTwoFactorEnrolment(db, input),
  done: ({ recoveryCodes }): EnrolmentState => ({ recoveryCodes }),
  refused: ({ fields, error }): EnrolmentState => ({ fields, error }),
});

export const disableTwoFactorAction = authedAction({
  schema: disableTwoFactorSchema,
  read: (_prev: AccountFormState, formData: FormData) => ({ password: text(formData, "password"), code: text(formData, "code") }),
  run: (db, input) => disableTwoFactor(db, input),
  done: (): AccountFormState => {
    revalidatePath("/account");
    return { saved: true };
  },
  refused: ({ fields, error }): AccountFormState => ({ fields, error }),
});

/** Right after sign-in: the interface takes the account's language, when one was chosen on My account. */
export async function adoptAccountLanguage(): Promise<void> {
  const ctx = await getSessionContext({ enrolment: true });
  const locale = ctx?.user.locale;
  if (locale && (UI_LANGUAGES as readonly string[]).includes(locale)) (await cookies()).set(LANG_COOKIE, locale, LANG_COOKIE_OPTIONS);
}
