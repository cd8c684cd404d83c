import type { DefaultTexts } from "../types";

export const fr: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name% : votre lien de paiement de %amount%",
      html: `<p>Bonjour,</p>
<p>%shop_name% vous invite à régler <strong>%amount%</strong> (référence %reference%).</p>
<p>Une question ? Écrivez à %shop_contact%.</p>
<p>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name% : paiement de %amount% bien reçu",
      html: `<p>Bonjour,</p>
<p>Merci : votre paiement de <strong>%amount%</strong> à %shop_name% a été accepté le %payment_date%.</p>
<ul>
<li>Référence de la commande : %reference%</li>
<li>Numéro de transaction : %transaction_number%</li>
</ul>
<p>Conservez cet e-mail comme justificatif. Une question ? Écrivez à %shop_contact%.</p>
<p>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Paiement reçu : %amount% pour l'ordre %reference%",
      html: `<p>Un acheteur vient de régler un ordre de paiement de %shop_name%.</p>
<ul>
<li>Référence : %reference%</li>
<li>Montant : <strong>%amount%</strong></li>
<li>Payé le : %payment_date%</li>
<li>Numéro de transaction : %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Rappel : votre lien de paiement de %amount% expire le %end_date%",
      html: `<p>Bonjour,</p>
<p>Petit rappel : le règlement de <strong>%amount%</strong> demandé par %shop_name% (référence %reference%) est toujours en attente.</p>
<p>Vous avez déjà réglé ? Ne tenez pas compte de ce message. Une question ? Écrivez à %shop_contact%.</p>
<p>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name% : réglez %amount% (réf. %reference%) avant le %end_date% sur %url%",
  smsReminder: "Rappel %shop_name% : %amount% à régler (réf. %reference%) jusqu'au %end_date% inclus sur %url%",
  whatsapp: "Bonjour, %shop_name% vous envoie un lien pour régler %amount% (réf. %reference%), valable jusqu'au %end_date% : %url%",
  url: "Bonjour, voici votre lien sécurisé pour régler %amount% à %shop_name% (référence %reference%). Il est valable jusqu'au %end_date% : %url%",
  layout: {
    payRequest: "Demande de paiement",
    reminder: "Rappel de paiement",
    receipt: "Paiement reçu",
    merchantReceipt: "Nouveau paiement",
    amount: "Montant",
    reference: "Référence :",
    paidOn: "Payé le :",
    transaction: "N° de transaction :",
    pay: "Payer %amount%",
    validUntil: "Ce lien est valable jusqu’au %end_date%.",
    fallback: "Le bouton ne s’ouvre pas ? Copiez ce lien dans votre navigateur :",
    openOrder: "Ouvrir l’ordre",
    contact: "Une question ? Écrivez à %shop_contact%",
    trust:
      "Lien de paiement sécurisé envoyé pour le compte de %shop_name%. Personne ne vous demandera jamais votre numéro de carte par e-mail ou par téléphone.",
  },
};
