import type { Db } from "../server/db";
import { lowSmsCreditAlertQueue } from "./queues";

/**
 * The low-credit alert, once per crossing: a company whose credits are below its threshold and
 * that was not alerted yet is marked alerted and gets one alert job, in one transaction; a company
 * back at or above its threshold (credits added, threshold lowered or removed) is re-armed.
 * Runs after each SMS batch (for its companies) and every minute for all. Returns the companies
 * alerted.
 */
export async function checkLowSmsCredits(db: Db, input: { companyIds?: string[] } = {}): Promise<string[]> {
  const { companyIds } = input;
  return db.$transaction(async (tx) => {
    const scope = companyIds ? `AND id = ANY($1::uuid[])` : "";
    const params = companyIds ? [companyIds] : [];
    await tx.sql(
      `UPDATE "Company" SET "smsLowCreditAlertedAt" = NULL
       WHERE "smsLowCreditAlertedAt" IS NOT NULL AND ("smsLowCreditThreshold" IS NULL OR "smsCredits" >= "smsLowCreditThreshold") ${scope}`,
      params,
    );
    const { rows } = await tx.sql<{ id: string }>(
      `UPDATE "Company" SET "smsLowCreditAlertedAt" = now()
       WHERE "smsLowCreditAlertedAt" IS NULL AND "smsLowCreditThreshold" IS NOT NULL AND "smsCredits" < "smsLowCreditThreshold" ${scope}
       RETURNING id`,
      params,
    );
    if (rows.length) {
      await tx.enqueue(
        lowSmsCreditAlertQueue,
        rows.map((r) => ({ companyId: r.id })),
      );
    }
    return rows.map((r) => r.id);
  });
}
