// The order list's columns, all but the last also its sort keys. The reference column carries the
// link to the detail, so it cannot be hidden.

/** The columns that are also the list's sort keys (OrderSearch.sort), in the table's order. */
export const ORDER_SORTS = ["created", "reference", "amount", "channel", "status", "delivery", "validUntil", "shop", "recipient"] as const;
export type OrderSort = (typeof ORDER_SORTS)[number];

export const ORDER_COLUMNS = [
  ...ORDER_SORTS,
  // Issue 21: the number of the order's last transaction (not a sort key).
  "transaction",
] as const;
export type OrderColumn = (typeof ORDER_COLUMNS)[number];

export const DEFAULT_ORDER_COLUMNS: OrderColumn[] = ["created", "reference", "amount", "channel", "status", "delivery", "validUntil"];
export const REQUIRED_ORDER_COLUMNS: OrderColumn[] = ["reference"];

export const COLUMN_LABEL: Record<OrderColumn, string> = {
  created: "col_created",
  reference: "col_reference",
  amount: "col_amount",
  channel: "col_channel",
  status: "col_status",
  delivery: "col_delivery",
  validUntil: "col_valid_until",
  shop: "col_shop",
  recipient: "col_recipient",
  transaction: "tx_number",
};

/** Known columns only, in the table's order, the required ones always in. */
export function normaliseColumns(chosen: readonly unknown[]): OrderColumn[] {
  return ORDER_COLUMNS.filter((c) => chosen.includes(c) || REQUIRED_ORDER_COLUMNS.includes(c));
}
