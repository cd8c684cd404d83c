// The invoice order dialog (F-CH-INVOICE) and the "data collection form" option, spread into the fr and en catalogues.
export const invoiceOrdersFr = {
  invoice_channel_tab: "Par facture",
  invoice_create_title: "Nouvel ordre de paiement par facture",
  invoice_create_title_test: "Nouvel ordre de paiement de TEST par facture",
  invoice_intro:
    "L'acheteur paie depuis le formulaire de collecte de la boutique en saisissant la référence de la facture : le montant se remplit tout seul.",
  invoice_field_reference_help:
    "Le numéro de la facture, tel que l'acheteur le lira. 64 caractères au plus, unique parmi les factures ouvertes.",
  invoice_field_description: "Description",
  invoice_field_description_help:
    "Montrée à l'acheteur comme aide à côté du champ de référence. N'y mettez pas de données personnelles. 255 caractères au plus.",
  invoice_collect_url: "Page publique de paiement des factures",
  invoice_collect_url_help: "Communiquez cette adresse et la référence à l'acheteur (sur la facture, par exemple).",
  err_invoice_form_missing:
    "Configurez d'abord le formulaire de collecte de la boutique en mode facture (Paramétrage › Formulaire de collecte).",
  err_invoice_form_unpublished: "Publiez le formulaire de collecte de la boutique avant de créer des factures en PRODUCTION.",
  err_invoice_reference_taken: "Une facture ouverte porte déjà cette référence.",
  adv_dcf: "Faire remplir le formulaire de collecte avant le paiement",
  adv_dcf_help:
    "L'acheteur saisit les informations demandées par le formulaire de collecte de la boutique, puis paie. Incompatible avec l'enregistrement de la carte.",
};

export const invoiceOrdersEn: Record<keyof typeof invoiceOrdersFr, string> = {
  invoice_channel_tab: "By invoice",
  invoice_create_title: "New payment order by invoice",
  invoice_create_title_test: "New TEST payment order by invoice",
  invoice_intro: "The buyer pays from the shop's data collection form by typing the invoice reference: the amount fills itself in.",
  invoice_field_reference_help: "The invoice number, as the buyer will read it. 64 characters at most, unique among open invoices.",
  invoice_field_description: "Description",
  invoice_field_description_help:
    "Shown to the buyer as help next to the reference field. Do not put personal data in it. 255 characters at most.",
  invoice_collect_url: "Public invoice payment page",
  invoice_collect_url_help: "Give the buyer this address and the reference (on the invoice, for example).",
  err_invoice_form_missing: "Set up the shop's data collection form in invoice mode first (Settings › Data collection form).",
  err_invoice_form_unpublished: "Publish the shop's data collection form before creating PRODUCTION invoice orders.",
  err_invoice_reference_taken: "An open invoice order already has this reference.",
  adv_dcf: "Have the data collection form filled in before the payment",
  adv_dcf_help: "The buyer types the details the shop's data collection form asks for, then pays. Not available with card registration.",
};
