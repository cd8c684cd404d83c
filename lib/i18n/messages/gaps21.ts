// Issue 21: every screen as the manual promises it — create from, modify and resend, delete, the
// small gaps of the dialogs and the order detail.
export const gaps21Fr = {
  action_delete: "Supprimer",
  mail_templates_link: "Gérer les modèles",
  opens_new_tab: "s’ouvre dans un nouvel onglet",
  link_text: "Texte du lien",
  link_text_help: "Le texte prêt à envoyer avec le lien ; variables : %reference% %amount% %end_date% %shop_name% %url%…",
  link_text_preview: "Aperçu",
  link_text_url_placeholder: "https://…/pay/… (le lien, une fois l’ordre créé)",
  inst_days_after: "{days} jours après le paiement",
  tx_awaiting_payment: "En attente de paiement",
  delete_title: "Supprimer l’ordre",
  audit_act_order_delete: "Ordre supprimé",
  delete_confirm:
    "Supprimer définitivement cet ordre ? Il disparaîtra des listes, des exports et des statistiques ; son lien sera indisponible.",
  delete_confirm_yes: "Oui, supprimer",
  delete_confirm_no: "Annuler",
  done_delete: "L’ordre a été supprimé.",
  err_delete_has_transaction: "Cet ordre a une transaction : il ne peut pas être supprimé.",
};

export const gaps21En: Record<keyof typeof gaps21Fr, string> = {
  action_delete: "Delete",
  mail_templates_link: "Manage the templates",
  opens_new_tab: "opens in a new tab",
  link_text: "Link text",
  link_text_help: "The ready-to-send text with the link; variables: %reference% %amount% %end_date% %shop_name% %url%…",
  link_text_preview: "Preview",
  link_text_url_placeholder: "https://…/pay/… (the link, once the order is created)",
  inst_days_after: "{days} days after the payment",
  tx_awaiting_payment: "Awaiting payment",
  delete_title: "Delete the order",
  audit_act_order_delete: "Order deleted",
  delete_confirm: "Delete this order for good? It disappears from the lists, exports and statistics; its link becomes unavailable.",
  delete_confirm_yes: "Yes, delete",
  delete_confirm_no: "Cancel",
  done_delete: "The order was deleted.",
  err_delete_has_transaction: "This order has a transaction: it cannot be deleted.",
};
