// The SMS and WhatsApp creation dialogs (counter, credits, preview), their errors, and the URL
// channel's copy/QR polish.
export const whatsappFr = {
  wa_title: "WhatsApp",
  // Errors of the phone dialogs (also the use cases' field errors).
  phone_err_required: "Saisissez le numéro de téléphone du destinataire.",
  phone_err_invalid: "Ce numéro de téléphone n'est pas valide. Exemple : 06 12 34 56 78 ou +33 6 12 34 56 78.",
  smsd_err_credits: "Crédits SMS insuffisants pour envoyer ce message : raccourcissez-le ou rechargez le compte SMS.",
  smsd_err_too_long: "Le message dépasse la longueur maximale une fois les variables remplacées.",
  smsd_err_message_required: "Le message est vide.",
};

export const whatsappEn: Record<keyof typeof whatsappFr, string> = {
  wa_title: "WhatsApp",
  phone_err_required: "Enter the recipient's phone number.",
  phone_err_invalid: "This phone number is not valid. Examples: +33 6 12 34 56 78, +44 20 7946 0958.",
  smsd_err_credits: "Not enough SMS credits to send this message: shorten it or top up the SMS account.",
  smsd_err_too_long: "The message is over the maximum length once its variables are filled in.",
  smsd_err_message_required: "The message is empty.",
};
