// Two-factor sign-in with an authenticator app: enrolment (a pending secret confirmed by a first
// code), the check of a code or a recovery code, and turning it off. Secrets are sealed with
// APP_SECRET (lib/server/secrets.ts); recovery codes are kept as keyed digests, each usable once.
import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { decryptSecret, encryptSecret } from "../server/secrets";
import type { UserActor } from "./actor";
import { confirmOwnPassword } from "./confirm-password";
import { newRecoveryCodes, newTotpSecret, recoveryCodeDigest, totpStep, totpUri } from "./totp";

export const ISSUER = "Payment orders";

const codeField = z.string().trim().min(6, { error: "err_two_factor_code" }).max(20, { error: "err_two_factor_code" });
export const twoFactorCodeSchema = z.object({ code: codeField });
export const disableTwoFactorSchema = twoFactorCodeSchema.extend({ password: z.string().min(1, { error: "err_password_wrong" }).max(200) });

// A field's refusal: the form shows the key under that field (a public message of its own would replace it).
const refused = (field: string, key: string) => new AppError("VALIDATION", `refused ${field}`, { fields: { [field]: key } });

/** Starts (or restarts) an enrolment: a new pending secret, its otpauth:// URI for the QR code and the key to type. */
export async function startTwoFactorEnrolment(db: Db, input: { actor: UserActor }) {
  const user = await db.user.findUniqueOrThrow({ where: { id: input.actor.userId }, select: { email: true, totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new AppError("CONFLICT", "two-factor already on", { publicMessage: "err_two_factor_already_on" });
  const secret = newTotpSecret();
  await db.user.update({ where: { id: input.actor.userId }, data: { totpPendingSecretEnc: encryptSecret(secret) } });
  return { secret, uri: totpUri(secret, user.email, ISSUER) };
}

/** The pending enrolment's secret and URI (the page shown again), or null if none. */
export async function pendingTwoFactorEnrolment(db: Db, input: { actor: UserActor }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.actor.userId },
    select: { email: true, totpPendingSecretEnc: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt || !user.totpPendingSecretEnc) return null;
  const secret = decryptSecret(user.totpPendingSecretEnc);
  return { secret, uri: totpUri(secret, user.email, ISSUER) };
}

/** The first code proves the app holds the secret: two-factor on, ten new recovery codes (shown once). */
export async function confirmTwoFactorEnrolment(db: Db, input: { actor: UserActor; code: string }) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: input.actor.userId },
      select: { totpPendingSecretEnc: true, totpEnabledAt: true },
    });
    if (user.totpEnabledAt) throw new AppError("CONFLICT", "two-factor already on", { publicMessage: "err_two_factor_already_on" });
    if (!user.totpPendingSecretEnc) throw refused("code", "err_two_factor_no_enrolment");
    const step = totpStep(decryptSecret(user.totpPendingSecretEnc), input.code.replace(/\s/g, ""));
    if (step === null) throw refused("code", "err_two_factor_code");
    await tx.user.update({
      where: { id: input.actor.userId },
      data: { totpSecretEnc: user.totpPendingSecretEnc, totpPendingSecretEnc: null, totpEnabledAt: new Date(), totpLastStep: step },
    });
    const recoveryCodes = await replaceRecoveryCodes(tx, input.actor.userId);
    await recordAuditEvent(tx, { actor: input.actor, action: "user.two_factor_enabled", after: { userId: input.actor.userId } });
    return { recoveryCodes };
  });
}

async function replaceRecoveryCodes(db: Db, userId: string) {
  const codes = newRecoveryCodes();
  await db.userRecoveryCode.deleteMany({ where: { userId } });
  await db.userRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: recoveryCodeDigest(c) })) });
  return codes;
}

export type SecondFactorMethod = "totp" | "recovery";

/**
 * Checks a second factor of a user with two-factor on: a 6-digit code from the app (its time step
 * later than the last accepted, so a code is good once), or one of the recovery codes (spent by a
 * conditional update: two requests cannot both use it). Audits a recovery code's use.
 */
export async function checkSecondFactor(db: Db, input: { userId: string; code: string }): Promise<SecondFactorMethod | null> {
  const code = input.code.trim();
  const user = await db.user.findUnique({
    where: { id: input.userId },
    select: { id: true, companyId: true, role: true, totpSecretEnc: true, totpEnabledAt: true },
  });
  if (!user?.totpEnabledAt || !user.totpSecretEnc) return null;
  if (/^\d{6}$/.test(code.replace(/\s/g, ""))) {
    const step = totpStep(decryptSecret(user.totpSecretEnc), code.replace(/\s/g, ""));
    if (step === null) return null;
    const taken = await db.user.updateMany({
      where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
      data: { totpLastStep: step },
    });
    return taken.count === 1 ? "totp" : null;
  }
  return db.$transaction(async (tx) => {
    const spent = await tx.userRecoveryCode.updateMany({
      where: { userId: user.id, codeHash: recoveryCodeDigest(code), usedAt: null },
      data: { usedAt: new Date() },
    });
    if (spent.count !== 1) return null;
    const left = await tx.userRecoveryCode.count({ where: { userId: user.id, usedAt: null } });
    const actor: UserActor = { type: "USER", userId: user.id, companyId: user.companyId, role: user.role, shopIds: [] };
    await recordAuditEvent(tx, { actor, action: "user.recovery_code_used", after: { userId: user.id, recoveryCodesLeft: left } });
    return "recovery" as const;
  });
}

/** How many recovery codes are left unused. */
export const recoveryCodesLeft = (db: Db, userId: string) => db.userRecoveryCode.count({ where: { userId, usedAt: null } });

/** Turning two-factor off takes the password and a code (or a recovery code); not while the company requires it. */
export async function disableTwoFactor(db: Db, input: { actor: UserActor; password: string; code: string }) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: input.actor.userId },
    select: { totpEnabledAt: true, company: { select: { twoFactorRequired: true } } },
  });
  if (!user.totpEnabledAt) return;
  if (user.company.twoFactorRequired)
    throw new AppError("FORBIDDEN", "required by the company", { publicMessage: "err_two_factor_required" });
  await confirmOwnPassword(db, { userId: input.actor.userId, password: input.password, field: "password" });
  if (!(await checkSecondFactor(db, { userId: input.actor.userId, code: input.code }))) throw refused("code", "err_two_factor_code");
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: input.actor.userId },
      data: { totpSecretEnc: null, totpPendingSecretEnc: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.userRecoveryCode.deleteMany({ where: { userId: input.actor.userId } });
    await recordAuditEvent(tx, { actor: input.actor, action: "user.two_factor_disabled", after: { userId: input.actor.userId } });
  });
}
