import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { encryptSecret } from "../server/secrets";
import { parseOrThrow } from "../server/validation";
import { COMPANY_SETTINGS_SELECT } from "./get-company-settings";
import { type CompanySettingsInput, companySettingsSchema } from "./schemas";

type Stored = { [K in keyof typeof COMPANY_SETTINGS_SELECT]: string | number | null };

/**
 * Settings › Company (F-SET-2), administrators of the company only. The SMS password is write-only:
 * a new one is stored encrypted (APP_SECRET), an empty one keeps the stored one; emptying the
 * provider address removes the company's own account (login and password too), and its SMS go
 * through the platform's account or the sandbox again. Audited with before/after of the changed
 * fields, the password only as "set"/"changed"/"removed".
 */
export async function updateCompanySettings(db: Db, input: { actor: Actor; settings: CompanySettingsInput }) {
  if (input.actor.type !== "USER")
    throw new AppError("FORBIDDEN", "company settings are for back-office users", { publicMessage: "forbidden" });
  assertRole(input.actor, "ADMIN");
  const companyId = input.actor.companyId;
  const next = parseOrThrow(companySettingsSchema, input.settings);
  return db.$transaction(async (tx) => {
    // Locked, so that the audited "before" is what this update replaced.
    await tx.$queryRaw`SELECT id FROM "Company" WHERE id = ${companyId}::uuid FOR UPDATE`;
    const current = await tx.company.findUnique({
      where: { id: companyId },
      select: { ...COMPANY_SETTINGS_SELECT, smsPasswordEnc: true },
    });
    if (!current) throw new AppError("NOT_FOUND", `company ${companyId} not found`, { publicMessage: "Not found" });
    const ownAccount = Boolean(next.smsProviderUrl);
    if (ownAccount && !next.smsPassword && !current.smsPasswordEnc) {
      throw new AppError("VALIDATION", "SMS account without a password", {
        fields: { smsPassword: "err_sms_password" },
        publicMessage: "invalid_input",
      });
    }
    const wanted: Stored = {
      name: next.name,
      managerEmail: next.managerEmail,
      smsProviderUrl: next.smsProviderUrl,
      smsLogin: ownAccount ? next.smsLogin : null,
      smsSender: next.smsSender,
      smsNotifyPhone: next.smsNotifyPhone,
      smsLowCreditThreshold: next.smsLowCreditThreshold,
    };
    const keys = Object.keys(wanted) as (keyof Stored)[];
    const changed: string[] = keys.filter((k) => current[k] !== wanted[k]);
    const password = ownAccount ? (next.smsPassword ? "changed" : null) : current.smsPasswordEnc ? "removed" : null;
    if (password) changed.push("smsPassword");
    if (!changed.length) return { changed };
    const data = Object.fromEntries(keys.filter((k) => changed.includes(k)).map((k) => [k, wanted[k]]));
    await tx.company.update({
      where: { id: companyId },
      data: {
        ...data,
        ...(password === "changed" ? { smsPasswordEnc: encryptSecret(next.smsPassword!) } : {}),
        ...(password === "removed" ? { smsPasswordEnc: null } : {}),
      },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "company.settings.update",
      companyId,
      before: {
        ...Object.fromEntries(keys.filter((k) => changed.includes(k)).map((k) => [k, current[k]])),
        ...(password ? { smsPassword: current.smsPasswordEnc ? "set" : "none" } : {}),
      },
      after: { ...data, ...(password ? { smsPassword: password } : {}) },
    });
    return { changed };
  });
}
