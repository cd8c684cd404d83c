import { buttonClass } from "@/components/ui/button";
import type { T } from "@/lib/i18n";
import type { TRANSACTION_STATUSES } from "@/lib/payments/schemas";
import { runTransactionAction } from "@/lib/payments/transaction-actions";
import { canTransitionTransaction } from "@/lib/payments/transaction-status";

type Props = { t: T; transactionId: string; status: (typeof TRANSACTION_STATUSES)[number]; returnTo: "transaction" | "order" };

/** "Validate" (manual mode) and "Cancel transaction" (before capture), as the transition table allows them. */
export function TransactionActions({ t, transactionId, status, returnTo }: Props) {
  const actions = (["validate", "cancel"] as const).filter((a) => canTransitionTransaction(status, a));
  if (actions.length === 0) return null;
  return (
    <form action={runTransactionAction} className="flex flex-wrap gap-2" aria-label={t("txd_actions")}>
      <input type="hidden" name="transactionId" value={transactionId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {actions.map((a) => (
        <button
          key={a}
          type="submit"
          name="action"
          value={a}
          className={buttonClass(a === "validate" ? "primary" : "danger")}
          data-tx-action={a}
        >
          {t(a === "validate" ? "txd_validate" : "txd_cancel")}
        </button>
      ))}
    </form>
  );
}
