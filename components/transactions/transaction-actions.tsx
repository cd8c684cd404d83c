import { buttonClass } from "@/components/ui/button";
import type { T } from "@/lib/i18n";
import { currencyExponent } from "@/lib/money/currencies";
import { formatMoney, minorToDecimalString } from "@/lib/money/format-money";
import type { TRANSACTION_STATUSES } from "@/lib/payments/schemas";
import { runTransactionAction } from "@/lib/payments/transaction-actions";
import { canTransitionTransaction } from "@/lib/payments/transaction-status";
import { type DialogKind, TransactionDialogs } from "./transaction-dialogs";

type Props = {
  t: T;
  lang: string;
  /** The transaction (its order's line or its own page's). */
  tx: {
    id: string;
    number: string;
    status: (typeof TRANSACTION_STATUSES)[number];
    operationType?: "DEBIT" | "CREDIT";
    amount: number;
    currency: string;
  };
  returnTo: "transaction" | "order";
  /** Minor units still refundable (captured debits); absent: no refund offered here. */
  refundable?: number;
  /** The capture days allowed (before capture); absent: no capture date change offered here. */
  captureWindow?: { min: string; max: string; current: string };
};

/**
 * What an operator may do to a transaction now, as its table allows: "Validate" (manual mode), and
 * behind a confirmation "Cancel" (before capture), "Change the capture date" (before capture) and
 * "Refund" (captured, something left to refund).
 */
export function TransactionActions({ t, lang, tx, returnTo, refundable, captureWindow }: Props) {
  const { id: transactionId, number, status, operationType = "DEBIT", amount, currency } = tx;
  if (operationType !== "DEBIT") return null;
  const validate = canTransitionTransaction(status, "validate");
  const can: DialogKind[] = [];
  if (refundable && refundable > 0) can.push("refund");
  if (captureWindow && canTransitionTransaction(status, "cancel")) can.push("captureDate");
  if (canTransitionTransaction(status, "cancel")) can.push("cancel");
  if (!validate && can.length === 0) return null;
  const fill = (key: string) =>
    t(key)
      .replace("{number}", number)
      .replace("{amount}", formatMoney(refundable ?? amount, currency, lang))
      .replace("{min}", captureWindow?.min ?? "")
      .replace("{max}", captureWindow?.max ?? "");
  const labels = {
    back: t("rf_back"),
    open_refund: t("rf_action_refund"),
    open_cancel: t("txd_cancel"),
    open_captureDate: t("rf_capture_action"),
    refund_title: fill("rf_refund_title"),
    refund_body: fill("rf_refund_body"),
    amount: t("rf_amount"),
    amount_help: fill("rf_amount_help"),
    comment: t("rf_comment"),
    refund_confirm: t("rf_refund_confirm"),
    err_amount: t("err_refund_amount"),
    err_exceeds: t("err_refund_exceeds"),
    cancel_title: fill("rf_cancel_title"),
    cancel_body: fill("rf_cancel_body"),
    cancel_confirm: t("rf_cancel_confirm"),
    capture_title: fill("rf_capture_title"),
    capture_body: fill("rf_capture_body"),
    capture_day: t("rf_capture_day"),
    capture_confirm: t("rf_capture_confirm"),
  };
  const decimals = currencyExponent(currency);
  return (
    <div className="flex flex-wrap gap-2" data-testid="tx-actions">
      {validate ? (
        <form action={runTransactionAction}>
          <input type="hidden" name="transactionId" value={transactionId} />
          <input type="hidden" name="returnTo" value={returnTo} />
          <button type="submit" name="action" value="validate" className={buttonClass("primary")} data-tx-action="validate">
            {t("txd_validate")}
          </button>
        </form>
      ) : null}
      {can.length ? (
        <TransactionDialogs
          transactionId={transactionId}
          returnTo={returnTo}
          can={can}
          refundable={
            refundable
              ? {
                  input: minorToDecimalString(refundable, decimals),
                  display: formatMoney(refundable, currency, lang),
                  minor: refundable,
                  decimals,
                }
              : undefined
          }
          captureWindow={captureWindow}
          labels={labels}
        />
      ) : null}
    </div>
  );
}
