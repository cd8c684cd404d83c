// The adjustable amount's advanced options and their errors (issue 12).
export const amountUpdateFr = {
  adv_amount_update: "Montant modifiable par l'acheteur",
  adv_amount_update_help:
    "Entre un minimum et un maximum, ou librement au-dessus d'un minimum (dons). Montants dans la devise de l'ordre. Pas pour les factures ni les paiements en plusieurs fois.",
  adv_amount_update_NONE: "Non (par défaut)",
  adv_amount_update_RANGE: "Entre un minimum et un maximum",
  adv_amount_update_FREE: "Libre au-dessus d'un minimum",
  adv_amount_update_min: "Montant minimum",
  adv_amount_update_min_help: "Au plus le montant de l'ordre.",
  adv_amount_update_max: "Montant maximum",
  adv_amount_update_max_help: "Au moins le montant de l'ordre (montant entre un minimum et un maximum seulement).",
  err_amount_update_mode: "Choix de montant modifiable inconnu.",
  err_amount_update_bound_required: "Saisissez ce montant.",
  err_amount_update_bound_invalid: "Saisissez un montant positif, par exemple 12,50.",
  err_amount_update_min_above_amount: "Le minimum doit être inférieur ou égal au montant de l'ordre.",
  err_amount_update_max_below_amount: "Le maximum doit être supérieur ou égal au montant de l'ordre.",
  err_amount_update_invoice: "Le montant d'une facture ne peut pas être modifié par l'acheteur.",
  err_amount_update_with_installments: "Le montant ne peut pas être modifiable avec un paiement en plusieurs fois.",
};

export const amountUpdateEn: Record<keyof typeof amountUpdateFr, string> = {
  adv_amount_update: "Amount the buyer may change",
  adv_amount_update_help:
    "Between a minimum and a maximum, or freely above a minimum (donations). Amounts in the order's currency. Not for invoices nor payments in instalments.",
  adv_amount_update_NONE: "No (default)",
  adv_amount_update_RANGE: "Between a minimum and a maximum",
  adv_amount_update_FREE: "Free above a minimum",
  adv_amount_update_min: "Minimum amount",
  adv_amount_update_min_help: "At most the order amount.",
  adv_amount_update_max: "Maximum amount",
  adv_amount_update_max_help: "At least the order amount (between a minimum and a maximum only).",
  err_amount_update_mode: "Unknown adjustable amount choice.",
  err_amount_update_bound_required: "Enter this amount.",
  err_amount_update_bound_invalid: "Enter a positive amount, for example 12.50.",
  err_amount_update_min_above_amount: "The minimum must be less than or equal to the order amount.",
  err_amount_update_max_below_amount: "The maximum must be greater than or equal to the order amount.",
  err_amount_update_invoice: "An invoice's amount cannot be changed by the buyer.",
  err_amount_update_with_installments: "The amount cannot be adjustable with a payment in instalments.",
};
