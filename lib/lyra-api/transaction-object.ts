import { TRANSACTION_RESULT_COLUMNS } from "../payments/transaction-columns";
import type { Prisma } from "../server/generated/prisma/client";
import { wireDate } from "./wire";

export const TRANSACTION_SELECT = {
  id: true,
  shopId: true,
  mode: true,
  amount: true,
  currency: true,
  status: true,
  ...TRANSACTION_RESULT_COLUMNS,
  captureDate: true,
  createdAt: true,
  threeDs: true,
  operationType: true,
  parentId: true,
  alias: { select: { token: true } },
  order: { select: { id: true, metadata: true, validationMode: true, reference: true } },
} satisfies Prisma.TransactionSelect;

export type TransactionRow = Prisma.TransactionGetPayload<{ select: typeof TRANSACTION_SELECT }>;

/** Lyra's transaction status from ours: accepted → PAID, awaiting validation → RUNNING, else UNPAID. */
const STATUS: Record<string, "PAID" | "RUNNING" | "UNPAID"> = {
  AUTHORISED: "PAID",
  CAPTURED: "PAID",
  AUTHORISED_TO_VALIDATE: "RUNNING",
  REFUSED: "UNPAID",
  CANCELLED: "UNPAID",
  EXPIRED: "UNPAID",
  PENDING: "RUNNING",
};

/** Lyra's detailed status; a refund still asked of the processor waits for its authorisation. */
const DETAILED: Record<string, string> = { PENDING: "WAITING_AUTHORISATION" };

/** A transaction as V4/PaymentTransaction (Order/Get, and the IPN's transactions[]). */
export function toPaymentTransaction(t: TransactionRow) {
  const refused = t.status === "REFUSED";
  const threeDs = (t.threeDs ?? {}) as { flow?: string; status?: string };
  const authenticated = threeDs.status === "AUTHENTICATED";
  return {
    shopId: t.shopId,
    uuid: t.id,
    amount: Number(t.amount),
    currency: t.currency,
    paymentMethodType: "CARD",
    paymentMethodToken: t.alias?.token ?? null,
    status: STATUS[t.status] ?? "UNPAID",
    detailedStatus: DETAILED[t.status] ?? t.status,
    operationType: t.operationType,
    // A challenge is strong authentication; frictionless is the issuer's exemption.
    effectiveStrongAuthentication: threeDs.flow === "CHALLENGE" && authenticated ? "ENABLED" : "DISABLED",
    creationDate: wireDate(t.createdAt),
    errorCode: refused ? "ACQ_001" : null,
    errorMessage: refused ? "payment refused" : null,
    detailedErrorCode: refused ? t.errorCode : null,
    detailedErrorMessage: refused ? t.errorMessage : null,
    metadata: t.order.metadata ?? {},
    paymentOrderId: t.order.id,
    transactionDetails: {
      liabilityShift: authenticated ? "YES" : "NO",
      effectiveAmount: Number(t.amount),
      effectiveCurrency: t.currency,
      creationContext: t.operationType === "CREDIT" ? "REFUND" : "CHARGE",
      parentTransactionUuid: t.parentId,
      cardDetails: {
        paymentSource: "EC",
        manualValidation: t.order.validationMode === "MANUAL" ? "YES" : "NO",
        expectedCaptureDate: wireDate(t.captureDate),
        effectiveBrand: t.brand,
        pan: t.last4 ? `XXXXXX${t.last4}` : null,
        expiryMonth: t.expiryMonth,
        expiryYear: t.expiryYear,
        threeDSResponse: threeDs.flow
          ? { authenticationResultData: { transactionCondition: threeDs.flow === "NONE" ? "COND_NOT_ENROLLED" : `COND_${threeDs.status}` } }
          : null,
        _type: "V4/CardDetails",
      },
      _type: "V4/TransactionDetails",
    },
    _type: "V4/PaymentTransaction",
  };
}
