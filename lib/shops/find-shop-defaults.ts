import { builtInTemplate } from "../../emails";
import type { UserActor } from "../auth/actor";
import { MAX_VALIDITY_DAYS } from "../orders/validity";
import { connectorLimits } from "../payments/connectors/connector-limits";
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
      connectors: { where: { verifiedAt: { not: null } }, select: { mode: true, kind: true } },
      templates: { where: { channel: "URL", kind: "ORDER", isDefault: true }, select: { language: true, body: true } },
    },
  });
  return shops.map(({ company, managerEmail, connectors, templates, ...s }) => {
    const today = dayInZone(now, s.timeZone);
    return {
      ...s,
      /** Where the e-mail form's "copy to the shop manager" goes (the shop's, else the company's). */
      managerEmail: managerEmail ?? company.managerEmail,
      today,
      defaultValidUntil: addCalendarDays(today, s.defaultValidityDays),
      maxValidUntil: addCalendarDays(today, MAX_VALIDITY_DAYS),
      /** Issue 20: per mode, whether orders can be paid and which options the shop's processor cannot honour. */
      connectorLimits: {
        TEST: connectorLimits("TEST", connectors.find((c) => c.mode === "TEST")?.kind ?? null),
        PRODUCTION: connectorLimits("PRODUCTION", connectors.find((c) => c.mode === "PRODUCTION")?.kind ?? null),
      },
      /** The URL dialog's "link text" per language (issue 21): the shop's default URL template, else ours. */
      urlTexts: Object.fromEntries(
        s.languages.map((l) => [l, templates.find((t) => t.language === l)?.body ?? builtInTemplate("URL", "ORDER", l).body]),
      ) as Record<string, string>,
    };
  });
}

export type ShopDefaults = Awaited<ReturnType<typeof findShopDefaults>>[number];
