"use server";
// Back-office wide actions: language choice.
import { cookies } from "next/headers";
import { UI_LANGUAGES } from "./locales";
import { LANG_COOKIE } from "./server";

export async function setLanguage(formData: FormData) {
  const lang = String(formData.get("lang") ?? "");
  if (!(UI_LANGUAGES as readonly string[]).includes(lang)) return;
  (await cookies()).set(LANG_COOKIE, lang, { path: "/", sameSite: "lax", maxAge: 365 * 24 * 3600 });
}
