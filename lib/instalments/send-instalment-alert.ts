// The merchant's e-mail when an instalment is refused on its last try (issue 12): to the shop's
// manager, else the company's; in the language of the company's first administrator who chose
// one (else French). A failure to send throws and pg-boss retries it; sent once (audited).
import { sendOrderAlertOnce } from "../channels/send-order-alert";
import type { Db } from "../server/db";

export async function sendInstalmentFailedAlert(db: Db, input: { chargeId: string }) {
  const c = await db.instalmentCharge.findUnique({
    where: { id: input.chargeId },
    select: {
      id: true,
      index: true,
      amount: true,
      attempts: true,
      status: true,
      transactionId: true,
      order: {
        select: {
          id: true,
          reference: true,
          currency: true,
          shopId: true,
          _count: { select: { instalments: true } },
        },
      },
    },
  });
  if (c?.status !== "FAILED") return { sent: false };
  return sendOrderAlertOnce(db, "instalment", c.id, c.order, {
    vars: async (money) => {
      const tx = c.transactionId
        ? await db.transaction.findUnique({ where: { id: c.transactionId }, select: { errorMessage: true, errorCode: true } })
        : null;
      return {
        index: String(c.index + 1),
        count: String(c.order._count.instalments),
        amount: money(c.amount, c.order.currency),
        attempts: String(c.attempts),
        reason: tx ? `${tx.errorCode ?? ""} ${tx.errorMessage ?? ""}`.trim() : "—",
      };
    },
    audited: { index: c.index + 1 },
  });
}
