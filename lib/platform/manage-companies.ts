// The platform console's companies (issue 19): create, rename, suspend and unsuspend. Platform
// operators only; nothing is ever deleted; every change audited before → after, in the company's log.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { assertPlatformOperator } from "./platform-operator";
import { createCompanySchema, renameCompanySchema, suspendCompanySchema } from "./schemas";

/** A merchant company (never a second platform company), empty: shops and users come next. */
export async function createPlatformCompany(db: Db, input: { actor: UserActor; name: string }) {
  await assertPlatformOperator(db, input.actor);
  const { name } = parseOrThrow(createCompanySchema, input);
  return db.$transaction(async (tx) => {
    const company = await tx.company.create({ data: { name }, select: { id: true, name: true } });
    await recordAuditEvent(tx, { actor: input.actor, action: "platform.company.create", companyId: company.id, after: { name } });
    return company;
  });
}

/** A merchant company, locked for the change (NOT_FOUND for the platform's own or an unknown id). */
async function lockMerchantCompany(tx: Db, companyId: string) {
  const rows = await tx.$queryRaw<{ id: string; name: string; suspendedAt: Date | null }[]>`
    SELECT id, name, "suspendedAt" FROM "Company" WHERE id = ${companyId}::uuid AND NOT "isPlatform" FOR UPDATE`;
  const company = rows[0];
  if (!company) throw new AppError("NOT_FOUND", `company ${companyId} not found`, { publicMessage: "err_platform_company" });
  return company;
}

export async function renamePlatformCompany(db: Db, input: { actor: UserActor; companyId: string; name: string }) {
  await assertPlatformOperator(db, input.actor);
  const { companyId, name } = parseOrThrow(renameCompanySchema, input);
  return db.$transaction(async (tx) => {
    const company = await lockMerchantCompany(tx, companyId);
    if (company.name === name) return { changed: false };
    await tx.company.update({ where: { id: companyId }, data: { name } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "platform.company.rename",
      companyId,
      before: { name: company.name },
      after: { name },
    });
    return { changed: true };
  });
}

/**
 * Suspends (or lifts the suspension of) a company: while suspended its users cannot sign in and
 * are out at their next request, its API keys answer INT_905 and its links show "unavailable"
 * (lib/auth, lib/lyra-api/authenticate.ts, lib/payments). Its data stays as it is.
 */
export async function setCompanySuspended(db: Db, input: { actor: UserActor; companyId: string; suspended: boolean }, now = new Date()) {
  await assertPlatformOperator(db, input.actor);
  const { companyId, suspended } = parseOrThrow(suspendCompanySchema, input);
  return db.$transaction(async (tx) => {
    const company = await lockMerchantCompany(tx, companyId);
    if (Boolean(company.suspendedAt) === suspended) return { changed: false };
    await tx.company.update({ where: { id: companyId }, data: { suspendedAt: suspended ? now : null } });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: suspended ? "platform.company.suspend" : "platform.company.unsuspend",
      companyId,
      before: { suspendedAt: company.suspendedAt?.toISOString() ?? null },
      after: { suspendedAt: suspended ? now.toISOString() : null },
    });
    return { changed: true };
  });
}
