import type { DefaultTexts } from "../types";

export const de: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: Ihr Zahlungslink über %amount%",
      html: `<p>Guten Tag,</p>
<p>%shop_name% bittet Sie um die Zahlung von <strong>%amount%</strong> (Referenz %reference%).</p>
<p>Bei Fragen wenden Sie sich bitte an %shop_contact%.</p>
<p>Mit freundlichen Grüßen<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name%: Zahlung über %amount% erhalten",
      html: `<p>Guten Tag,</p>
<p>vielen Dank! Ihre Zahlung über <strong>%amount%</strong> an %shop_name% wurde am %payment_date% erfolgreich ausgeführt.</p>
<ul>
<li>Bestellreferenz: %reference%</li>
<li>Transaktionsnummer: %transaction_number%</li>
</ul>
<p>Bitte bewahren Sie diese E-Mail als Zahlungsbeleg auf. Bei Fragen wenden Sie sich bitte an %shop_contact%.</p>
<p>Mit freundlichen Grüßen<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Zahlung eingegangen: %amount% zur Referenz %reference%",
      html: `<p>Ein Kunde hat soeben eine Zahlungsaufforderung von %shop_name% beglichen.</p>
<ul>
<li>Referenz: %reference%</li>
<li>Betrag: <strong>%amount%</strong></li>
<li>Bezahlt am: %payment_date%</li>
<li>Transaktionsnummer: %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Erinnerung: Ihr Zahlungslink über %amount% läuft am %end_date% ab",
      html: `<p>Guten Tag,</p>
<p>eine kurze Erinnerung: Die Zahlung von <strong>%amount%</strong> an %shop_name% (Referenz %reference%) steht noch aus.</p>
<p>Sie haben bereits bezahlt? Dann ist diese Nachricht gegenstandslos. Bei Fragen schreiben Sie an %shop_contact%.</p>
<p>Mit freundlichen Grüßen<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: Bitte zahlen Sie %amount% (Ref. %reference%) bis zum %end_date% unter %url%",
  smsReminder: "Erinnerung von %shop_name%: %amount% (Ref. %reference%) noch offen, Link gültig bis %end_date%: %url%",
  whatsapp:
    "Guten Tag, %shop_name% sendet Ihnen einen Zahlungslink über %amount% (Ref. %reference%), gültig bis einschließlich %end_date%: %url%",
  url: "Guten Tag, über diesen sicheren Link können Sie %amount% an %shop_name% bezahlen (Referenz %reference%). Der Link ist bis einschließlich %end_date% gültig: %url%",
  layout: {
    payRequest: "Zahlungsaufforderung",
    reminder: "Zahlungserinnerung",
    receipt: "Zahlung erhalten",
    merchantReceipt: "Neue Zahlung",
    amount: "Betrag",
    reference: "Referenz:",
    paidOn: "Bezahlt am:",
    transaction: "Transaktionsnummer:",
    pay: "%amount% bezahlen",
    validUntil: "Dieser Link ist gültig bis %end_date%.",
    fallback: "Die Schaltfläche funktioniert nicht? Kopieren Sie diesen Link in Ihren Browser:",
    openOrder: "Auftrag öffnen",
    contact: "Fragen? Schreiben Sie an %shop_contact%",
    trust: "Sicherer Zahlungslink im Auftrag von %shop_name%. Niemand wird Sie je per E-Mail oder Telefon nach Ihrer Kartennummer fragen.",
  },
};
