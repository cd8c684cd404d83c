// The "order by e-mail" dialog, the order's messages and the Mailbox page, spread into the fr and en catalogues.
export const mailOrdersFr = {
  err_recipients_required: "Indiquez au moins une adresse e-mail de destinataire.",
  err_recipients_invalid: "Ces adresses ne sont pas valides : corrigez-les ou retirez-les.",
  err_bcc_invalid: "Adresse en copie cachée invalide.",
  err_template: "Modèle inconnu pour cette boutique.",
  err_subject_too_long: "L'objet dépasse 255 caractères.",
  err_message_too_long: "Le message est trop long (100 000 caractères au plus).",
  err_no_manager_email: "La boutique n'a pas d'e-mail de responsable : renseignez-le dans les paramètres de la boutique.",
  err_reference_too_long_suffixed: "Avec le suffixe -001, -002… ajouté pour chaque destinataire, la référence dépasserait 64 caractères.",
};

export const mailOrdersEn: Record<keyof typeof mailOrdersFr, string> = {
  err_recipients_required: "Enter at least one recipient e-mail address.",
  err_recipients_invalid: "These addresses are not valid: correct or remove them.",
  err_bcc_invalid: "Invalid BCC address.",
  err_template: "Unknown template for this shop.",
  err_subject_too_long: "The subject is longer than 255 characters.",
  err_message_too_long: "The message is too long (100,000 characters at most).",
  err_no_manager_email: "The shop has no manager e-mail: set it in the shop settings.",
  err_reference_too_long_suffixed: "With the -001, -002… suffix added for each recipient, the reference would exceed 64 characters.",
};
