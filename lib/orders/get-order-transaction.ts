import type { Actor } from "../auth/actor";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { getOrderOrThrow } from "./get-order";

/** F-ACT "view transaction": the order's latest payment attempt. */
export async function getOrderTransaction(db: Db, input: { actor: Actor; orderId: string }) {
  const order = await getOrderOrThrow(db, input);
  const tx = order.transactions.find((t) => t.operationType === "DEBIT");
  if (!tx) throw new AppError("NOT_FOUND", `order ${order.id} has no transaction`, { publicMessage: "err_no_transaction" });
  return tx;
}
