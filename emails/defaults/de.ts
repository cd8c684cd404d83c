import type { DefaultTexts } from "../types";

export const de: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: Ihr Zahlungslink über %amount%",
      html: `<p>Guten Tag,</p>
<p>%shop_name% bittet Sie um die Zahlung von <strong>%amount%</strong> (Referenz %reference%).</p>
<p><a href="%url%">Jetzt sicher online bezahlen</a></p>
<p>Der Link ist bis einschließlich %end_date% gültig. Falls die Schaltfläche nicht funktioniert, kopieren Sie bitte diese Adresse in Ihren Browser: %url%</p>
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
<p><a href="%url%">Jetzt sicher bezahlen</a></p>
<p>Nach dem %end_date% funktioniert der Link nicht mehr. Falls sich die Schaltfläche nicht öffnet, fügen Sie diese Adresse in Ihren Browser ein: %url%</p>
<p>Sie haben bereits bezahlt? Dann ist diese Nachricht gegenstandslos. Bei Fragen schreiben Sie an %shop_contact%.</p>
<p>Mit freundlichen Grüßen<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: Bitte zahlen Sie %amount% (Ref. %reference%) bis zum %end_date% unter %url%",
  smsReminder: "Erinnerung von %shop_name%: %amount% (Ref. %reference%) noch offen, Link gültig bis %end_date%: %url%",
  whatsapp:
    "Guten Tag, %shop_name% sendet Ihnen einen Zahlungslink über %amount% (Ref. %reference%), gültig bis einschließlich %end_date%: %url%",
  url: "Guten Tag, über diesen sicheren Link können Sie %amount% an %shop_name% bezahlen (Referenz %reference%). Der Link ist bis einschließlich %end_date% gültig: %url%",
};
