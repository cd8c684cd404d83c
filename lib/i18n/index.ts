import type { UiLanguage } from "./locales";
import { en } from "./messages/en";
import { fr } from "./messages/fr";
import type { MessageKey, Messages } from "./messages/types";

const CATALOGUES: Record<UiLanguage, Messages> = { fr, en };

export type T = (key: MessageKey | string) => string;

/** Translator for the back office. Unknown keys come back as themselves (visible, never blank). */
export function translator(lang: UiLanguage): T {
  const m = CATALOGUES[lang];
  return (key) => (m as Record<string, string>)[key] ?? key;
}

export type { MessageKey };
