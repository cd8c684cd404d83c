import type { Db } from "../server/db";
import { dueDates, type InstalmentPlan, readInstalmentPlan } from "./plan";

/** The amount of the first instalment when the order is paid in instalments, else null. */
export function firstInstalmentAmount(order: { installmentPlan: unknown }): number | null {
  return readInstalmentPlan(order.installmentPlan)?.amounts[0] ?? null;
}

/**
 * Writes the schedule once the first instalment is accepted (in the payment's transaction): index
 * 0 PAID with its transaction, the others PENDING on their due dates with the card alias kept for
 * them. The order is PAID from now on (the whole amount is committed); the charge sweep takes the
 * later ones.
 */
export async function scheduleInstalments(
  tx: Db,
  input: { orderId: string; plan: InstalmentPlan; paidAt: Date; timeZone: string; transactionId: string; aliasId: string | null },
) {
  const dates = dueDates(input.plan, input.paidAt, input.timeZone);
  await tx.instalmentCharge.createMany({
    data: input.plan.amounts.map((amount, index) => ({
      orderId: input.orderId,
      index,
      amount: BigInt(amount),
      dueDate: dates[index] as Date,
      nextAttemptAt: dates[index] as Date,
      status: index === 0 ? ("PAID" as const) : ("PENDING" as const),
      attempts: index === 0 ? 1 : 0,
      transactionId: index === 0 ? input.transactionId : null,
      aliasId: input.aliasId,
    })),
  });
}
