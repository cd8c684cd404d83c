import { builtInTemplate } from "../../emails";
import type { UserActor } from "../auth/actor";
import { MAX_VALIDITY_DAYS } from "../orders/validity";
import type { Db } from "../server/db";
import { addCalendarDays, dayInZone } from "../time/shop-time";

/** The user's shops with what the creation forms need as defaults and bounds. */
export async function findShopDefaults(db: Db, input: { actor: UserActor }, now = new Date()) {
  const shops = await db.shop.findMany({
    where: { id: { in: input.actor.shopIds } },
    orderBy: { id: "asc" },
    select: {
      id: true,
      name: true,
      timeZone: true,
      defaultValidityDays: true,
      currencies: true,
      languages: true,
      defaultLanguage: true,
      referenceMandatory: true,
      defaultValidationMode: true,
      defaultCaptureDelay: true,
      threeDsPreferences: true,
      managerEmail: true,
      company: { select: { managerEmail: true } },
      templates: { where: { channel: "URL", kind: "ORDER", isDefault: true }, select: { language: true, body: true } },
    },
  });
  return shops.map(({ company, managerEmail, templates, ...s }) => {
    const today = dayInZone(now, s.timeZone);
    return {
      ...s,
      /** Where the e-mail form's "copy to the shop manager" goes (the shop's, else the company's). */
      managerEmail: managerEmail ?? company.managerEmail,
      today,
      defaultValidUntil: addCalendarDays(today, s.defaultValidityDays),
      maxValidUntil: addCalendarDays(today, MAX_VALIDITY_DAYS),
      /** The URL dialog's "link text" per language (issue 21): the shop's default URL template, else ours. */
      urlTexts: Object.fromEntries(
        s.languages.map((l) => [l, templates.find((t) => t.language === l)?.body ?? builtInTemplate("URL", "ORDER", l).body]),
      ) as Record<string, string>,
    };
  });
}

export type ShopDefaults = Awaited<ReturnType<typeof findShopDefaults>>[number];
