import type { DefaultTexts } from "../types";

export const nl: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: uw betaallink voor %amount%",
      html: `<p>Beste klant,</p>
<p>%shop_name% verzoekt u vriendelijk <strong>%amount%</strong> te betalen (kenmerk %reference%).</p>
<p><a href="%url%">Veilig online betalen</a></p>
<p>Deze link is geldig tot en met %end_date%. Werkt de knop niet? Kopieer dan dit adres naar uw browser: %url%</p>
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
<p><a href="%url%">Nu veilig betalen</a></p>
<p>Na %end_date% werkt de link niet meer. Opent de knop niet? Plak dan dit adres in uw browser: %url%</p>
<p>Al betaald? Dan kunt u dit bericht negeren. Hebt u vragen? Neem contact op via %shop_contact%.</p>
<p>Met vriendelijke groet,<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: betaal %amount% (kenmerk %reference%) uiterlijk %end_date% via %url%",
  smsReminder: "Herinnering van %shop_name%: %amount% (kenmerk %reference%) staat nog open, betaal uiterlijk %end_date% via %url%",
  whatsapp: "Hallo, %shop_name% stuurt u een betaallink voor %amount% (kenmerk %reference%), geldig tot en met %end_date%: %url%",
  url: "Hallo, hier is uw beveiligde link om %amount% aan %shop_name% te betalen (kenmerk %reference%). De link is geldig tot en met %end_date%: %url%",
};
