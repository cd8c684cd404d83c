import type { UserActor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { parseOrThrow } from "../server/validation";
import { createInvitation } from "../users/invite-user";
import { assertPlatformOperator } from "./platform-operator";
import { inviteCompanyAdminSchema } from "./schemas";

/**
 * The platform invites a company's administrator by e-mail (issue 19): an administrator with
 * access to every shop of the company, through users19's invitation (72 h one-time link to set a
 * password, e-mail job and `user.invite` audit event in one transaction).
 */
export async function inviteCompanyAdmin(
  db: Db,
  input: { actor: UserActor; companyId: string; email: string; name: string; locale?: "fr" | "en" },
) {
  await assertPlatformOperator(db, input.actor);
  const data = parseOrThrow(inviteCompanyAdminSchema, input);
  const company = await db.company.findFirst({ where: { id: data.companyId, isPlatform: false }, select: { id: true } });
  if (!company) throw new AppError("NOT_FOUND", "company not found", { fields: { companyId: "err_platform_company" } });
  // Said on the form's field (createInvitation refuses it too, under its transaction).
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new AppError("VALIDATION", "e-mail already in use", { fields: { email: "err_user_exists" } });
  }
  return createInvitation(db, {
    actor: input.actor,
    companyId: data.companyId,
    email: data.email,
    name: data.name,
    role: "ADMIN",
    allShops: true,
    locale: data.locale,
  });
}
