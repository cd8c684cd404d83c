import type { DefaultTexts } from "../types";

export const nl: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: uw betaallink voor %amount%",
      html: `<p>Beste klant,</p>
<p>%shop_name% verzoekt u vriendelijk <strong>%amount%</strong> te betalen (kenmerk %reference%).</p>
<p>Hebt u vragen? Neem dan contact op via %shop_contact%.</p>
<p>Met vriendelijke groet,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name%: betaling van %amount% ontvangen",
      html: `<p>Beste klant,</p>
<p>Hartelijk dank! Uw betaling van <strong>%amount%</strong> aan %shop_name% is op %payment_date% succesvol verwerkt.</p>
<ul>
<li>Betalingskenmerk: %reference%</li>
<li>Transactienummer: %transaction_number%</li>
</ul>
<p>Bewaar deze e-mail als betalingsbewijs. Hebt u vragen? Neem dan contact op via %shop_contact%.</p>
<p>Met vriendelijke groet,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Betaling ontvangen: %amount% voor kenmerk %reference%",
      html: `<p>Een klant heeft zojuist een betaalverzoek van %shop_name% betaald.</p>
<ul>
<li>Kenmerk: %reference%</li>
<li>Bedrag: <strong>%amount%</strong></li>
<li>Betaald op: %payment_date%</li>
<li>Transactienummer: %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Herinnering: uw betaallink voor %amount% verloopt op %end_date%",
      html: `<p>Beste klant,</p>
<p>Een korte herinnering: de betaling van <strong>%amount%</strong> die %shop_name% vraagt (kenmerk %reference%) staat nog open.</p>
<p>Al betaald? Dan kunt u dit bericht negeren. Hebt u vragen? Neem contact op via %shop_contact%.</p>
<p>Met vriendelijke groet,<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: betaal %amount% (kenmerk %reference%) uiterlijk %end_date% via %url%",
  smsReminder: "Herinnering van %shop_name%: %amount% (kenmerk %reference%) staat nog open, betaal uiterlijk %end_date% via %url%",
  whatsapp: "Hallo, %shop_name% stuurt u een betaallink voor %amount% (kenmerk %reference%), geldig tot en met %end_date%: %url%",
  url: "Hallo, hier is uw beveiligde link om %amount% aan %shop_name% te betalen (kenmerk %reference%). De link is geldig tot en met %end_date%: %url%",
  layout: {
    payRequest: "Betaalverzoek",
    reminder: "Betaalherinnering",
    receipt: "Betaling ontvangen",
    merchantReceipt: "Nieuwe betaling",
    amount: "Bedrag",
    reference: "Referentie:",
    paidOn: "Betaald op:",
    transaction: "Transactienummer:",
    pay: "%amount% betalen",
    validUntil: "Deze link is geldig tot %end_date%.",
    fallback: "Werkt de knop niet? Kopieer deze link in uw browser:",
    openOrder: "Order openen",
    contact: "Vragen? Schrijf naar %shop_contact%",
    trust: "Beveiligde betaallink namens %shop_name%. Niemand zal u ooit per e-mail of telefoon om uw kaartnummer vragen.",
  },
};
