// Columns of a transaction that several views select together, spread into their `select` where
// they stand (the rows keep their keys' order).

/** The outcome of a transaction: why it was refused, if it was, and the card it was made with. */
export const TRANSACTION_RESULT_COLUMNS = {
  errorCode: true,
  errorMessage: true,
  brand: true,
  last4: true,
  expiryMonth: true,
  expiryYear: true,
} as const;

/** A transaction as a list row shows it: its status, amount, card and date. */
export const TRANSACTION_ROW_COLUMNS = { status: true, amount: true, currency: true, brand: true, last4: true, createdAt: true } as const;
