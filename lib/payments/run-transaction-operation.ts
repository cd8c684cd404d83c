// The back office's operations on one transaction (the detail's buttons and dialogs, the list's
// right-click menu), from one parsed form: validate, cancel, refund, change the capture date.
import type { UserActor } from "../auth/actor";
import { parseMajorAmount } from "../money/parse-amount";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";
import { cancelTransaction } from "./cancel-transaction";
import { getTransactionOrThrow } from "./get-transaction";
import { refundTransaction } from "./refund-transaction";
import type { TransactionActionInput } from "./schemas";
import { updateTransaction } from "./update-transaction";
import { validateTransaction } from "./validate-transaction";

export async function runTransactionOperation(db: Db, input: TransactionActionInput & { actor: UserActor }) {
  const { actor, transactionId, comment } = input;
  switch (input.action) {
    case "validate":
      return validateTransaction(db, { actor, transactionId });
    case "cancel":
      return cancelTransaction(db, { actor, transactionId, comment });
    case "captureDate": {
      if (!input.day) throw new AppError("VALIDATION", "capture day missing", { fields: { day: "err_capture_day_range" } });
      return updateTransaction(db, { actor, transactionId, captureDay: input.day, comment });
    }
    case "refund": {
      let amount: number | undefined;
      if (input.amount) {
        const t = await getTransactionOrThrow(db, { actor, transactionId });
        const parsed = parseMajorAmount(input.amount, t.currency);
        if (!parsed.ok)
          throw new AppError("VALIDATION", `refund amount ${parsed.reason}`, { fields: { amount: `err_amount_${parsed.reason}` } });
        amount = parsed.minor;
      }
      const r = await refundTransaction(db, { actor, transactionId, amount, comment });
      if (r.status === "REFUSED")
        throw new AppError("CONFLICT", `refund refused: ${r.errorMessage}`, {
          publicMessage: "err_refund_refused",
          reason: "processor_refused",
        });
      return r;
    }
  }
}
