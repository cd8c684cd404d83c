import { recordAuditEvent } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { operatorSchema } from "./schemas";

export const PLATFORM_COMPANY_NAME = "Platform";

/**
 * A platform operator from the command line (`npm run admin:create`, scripted installs): the
 * platform's company is created with the first one. Any pending first-run link stops working.
 * Refuses an e-mail in use and a weak password. Audited as the system's act.
 */
export async function createPlatformOperator(db: Db, input: { email: string; name?: string; password: string }) {
  const data = parseOrThrow(operatorSchema, { ...input, name: input.name || input.email.split("@")[0] });
  const problem = passwordProblem(data.password, { email: data.email, name: data.name });
  if (problem) throw new AppError("VALIDATION", "weak password", { fields: { password: problem } });
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
      throw new AppError("CONFLICT", "e-mail already in use", { fields: { email: "err_user_exists" } });
    }
    const platform =
      (await tx.company.findFirst({ where: { isPlatform: true }, select: { id: true }, orderBy: { createdAt: "asc" } })) ??
      (await tx.company.create({ data: { name: PLATFORM_COMPANY_NAME, isPlatform: true }, select: { id: true } }));
    const user = await tx.user.create({
      data: { companyId: platform.id, email: data.email, name: data.name, role: "ADMIN", passwordHash },
      select: { id: true },
    });
    await tx.setupToken.deleteMany({ where: { usedAt: null } });
    await recordAuditEvent(tx, {
      actor: { type: "SYSTEM" },
      action: "platform.operator.create",
      companyId: platform.id,
      after: { userId: user.id, email: data.email },
    });
    return { userId: user.id, companyId: platform.id };
  });
}
