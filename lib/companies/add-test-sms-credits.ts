import { recordAuditEvent } from "../audit/record-audit-event";
import { type Actor, assertRole } from "../auth/actor";
import { smsGatewaySource } from "../channels/sms-account";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

export const TEST_CREDITS = 100;

/**
 * Free credits to try the SMS channel, only while the company's SMS go to the sandbox gateway
 * (nothing is delivered, nobody bills): administrators, audited.
 */
export async function addTestSmsCredits(db: Db, input: { actor: Actor }) {
  if (input.actor.type !== "USER") throw new AppError("FORBIDDEN", "back-office users only", { publicMessage: "forbidden" });
  assertRole(input.actor, "ADMIN");
  const companyId = input.actor.companyId;
  return db.$transaction(async (tx) => {
    const c = await tx.company.findUniqueOrThrow({
      where: { id: companyId },
      select: { smsProviderUrl: true, smsLogin: true, smsPasswordEnc: true, smsSender: true, smsCredits: true },
    });
    if (smsGatewaySource(c) !== "sandbox") {
      throw new AppError("CONFLICT", "test credits need the sandbox gateway", { publicMessage: "err_sms_not_sandbox" });
    }
    const after = await tx.company.update({
      where: { id: companyId },
      data: { smsCredits: { increment: TEST_CREDITS } },
      select: { smsCredits: true },
    });
    await recordAuditEvent(tx, {
      actor: input.actor,
      action: "company.sms.credits.add",
      companyId,
      before: { smsCredits: c.smsCredits },
      after: { smsCredits: after.smsCredits, added: TEST_CREDITS, reason: "sandbox test credits" },
    });
    return { credits: after.smsCredits };
  });
}
