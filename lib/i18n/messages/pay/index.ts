// Buyer-facing texts of the payment page, one catalogue per page language (typed: none may miss a key).
import type { PageLanguage } from "../../locales";
import { de } from "./de";
import { en } from "./en";
import { es } from "./es";
import { fr } from "./fr";
import { it } from "./it";
import { nl } from "./nl";
import { pt } from "./pt";
import type { PayMessages } from "./types";

export type { PayMessages };

export const PAY_MESSAGES: Record<PageLanguage, PayMessages> = { fr, en, de, es, it, pt, nl };

export const payMessages = (lang: PageLanguage): PayMessages => PAY_MESSAGES[lang];

/** "{amount}" placeholders. */
export const fill = (text: string, vars: Record<string, string>) => text.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
