import type { Actor } from "../auth/actor";
import { getOrderOrThrow } from "../orders/get-order";
import type { Db } from "../server/db";
import { readInstalmentPlan } from "./plan";

export type OrderInstalments = NonNullable<Awaited<ReturnType<typeof findOrderInstalments>>>;

/**
 * An order's schedule for its detail page (issue 12): the plan's amounts, and once the first is
 * paid each instalment's due date, status, attempts and last transaction. Null: not in instalments.
 */
export async function findOrderInstalments(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  const plan = readInstalmentPlan(order.installmentPlan);
  if (!plan) return null;
  const rows = await db.instalmentCharge.findMany({
    where: { orderId: order.id },
    orderBy: { index: "asc" },
    select: { index: true, dueDate: true, amount: true, status: true, attempts: true, nextAttemptAt: true, transactionId: true },
  });
  return {
    plan,
    rows: rows.map((r) => ({ ...r, amount: Number(r.amount) })),
    paid: rows.filter((r) => r.status === "PAID").length,
    canCancel: rows.some((r) => r.status === "PENDING"),
  };
}
