import type { Db } from "../server/db";
import { AppError } from "../server/errors";

// One conditional statement: two creations racing for the last credits cannot both pass, and the
// balance never goes below zero.
const DEBIT_SQL = `UPDATE "Company" c SET "smsCredits" = c."smsCredits" - $2
  FROM "Shop" s WHERE s.id = $1 AND c.id = s."companyId" AND c."smsCredits" >= $2
  RETURNING c."smsCredits"`;

/** The reason (AppError.reason) of a refusal for want of credits. */
export const SMS_CREDITS_SHORT = "SMS_CREDITS_SHORT";

/**
 * Takes `credits` SMS credits from the shop's company, on the caller's transaction (the order and
 * its message are created, and the credits taken, together or not at all). Not enough credits →
 * VALIDATION on the message (what costs them); nothing is taken. Returns the balance left (null
 * when there was nothing to take).
 */
export async function debitSmsCredits(db: Db, input: { shopId: string; credits: number }): Promise<number | null> {
  if (input.credits <= 0) return null;
  const { rows } = await db.sql<{ smsCredits: number }>(DEBIT_SQL, [input.shopId, input.credits]);
  if (!rows[0]) {
    throw new AppError("VALIDATION", `not enough SMS credits for ${input.credits} SMS (shop ${input.shopId})`, {
      fields: { message: "smsd_err_credits" },
      publicMessage: "invalid_input",
      details: { credits: input.credits },
      reason: SMS_CREDITS_SHORT,
    });
  }
  return rows[0].smsCredits;
}
