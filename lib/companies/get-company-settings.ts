import { hasRole, type UserActor } from "../auth/actor";
import { smsGatewaySource } from "../channels/sms-account";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

export const COMPANY_SETTINGS_SELECT = {
  name: true,
  managerEmail: true,
  smsProviderUrl: true,
  smsLogin: true,
  smsSender: true,
  smsNotifyPhone: true,
  smsLowCreditThreshold: true,
} as const;

/**
 * The signed-in user's company (F-SET-2), for every role. The SMS password is never returned
 * (only whether one is stored); the account login only to administrators.
 */
export async function getCompanySettings(db: Db, input: { actor: UserActor }) {
  const c = await db.company.findUnique({
    where: { id: input.actor.companyId },
    select: { id: true, ...COMPANY_SETTINGS_SELECT, smsPasswordEnc: true, smsCredits: true },
  });
  if (!c) throw new AppError("NOT_FOUND", `company ${input.actor.companyId} not found`, { publicMessage: "Not found" });
  const isAdmin = hasRole(input.actor, "ADMIN");
  const { smsPasswordEnc, smsCredits, id, ...settings } = c;
  return {
    companyId: id,
    canEdit: isAdmin,
    settings: { ...settings, smsLogin: isAdmin ? settings.smsLogin : null },
    hasLogin: Boolean(settings.smsLogin),
    hasPassword: Boolean(smsPasswordEnc),
    credits: smsCredits,
    gateway: smsGatewaySource(c),
  };
}

export type CompanySettingsView = Awaited<ReturnType<typeof getCompanySettings>>;
