// The card brands a shop may accept, and their names as people read them (the same in every
// language): the shop settings' checkboxes and the buyer pages. No import: the message catalogues,
// which the browser loads too, read the names.

/** The brands a shop may accept (Shop.acceptedBrands), in display order. "CARD" = not recognised. */
export const CARD_BRANDS = ["VISA", "MASTERCARD", "AMEX", "MAESTRO", "DISCOVER", "JCB", "DINERS", "UNIONPAY"] as const;
export type CardBrand = (typeof CARD_BRANDS)[number];

export const CARD_BRAND_NAMES: Record<CardBrand, string> = {
  VISA: "Visa",
  MASTERCARD: "Mastercard",
  AMEX: "American Express",
  MAESTRO: "Maestro",
  DISCOVER: "Discover",
  JCB: "JCB",
  DINERS: "Diners Club",
  UNIONPAY: "UnionPay",
};
