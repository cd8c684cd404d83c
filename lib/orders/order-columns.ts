/** An order as lists and notifications name it: its ids, mode, reference and amount (a `select` spread where it stands). */
export const ORDER_KEY_COLUMNS = { id: true, shopId: true, mode: true, reference: true, amount: true, currency: true } as const;
