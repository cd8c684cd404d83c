import type { DefaultTexts } from "../types";

export const it: DefaultTexts = {
  mail: {
    ORDER: {
      subject: "%shop_name%: link per il pagamento di %amount%",
      html: `<p>Gentile cliente,</p>
<p>%shop_name% le richiede il pagamento di <strong>%amount%</strong> (riferimento %reference%).</p>
<p>Per qualsiasi domanda può scrivere a %shop_contact%.</p>
<p>Cordiali saluti,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_BUYER: {
      subject: "%shop_name%: pagamento di %amount% ricevuto",
      html: `<p>Gentile cliente,</p>
<p>la ringraziamo: il pagamento di <strong>%amount%</strong> a favore di %shop_name% è stato completato con successo il giorno %payment_date%.</p>
<ul>
<li>Riferimento dell'ordine: %reference%</li>
<li>Numero di transazione: %transaction_number%</li>
</ul>
<p>Conservi questa e-mail come ricevuta di pagamento. Per qualsiasi domanda può scrivere a %shop_contact%.</p>
<p>Cordiali saluti,<br>%shop_name%<br>%shop_url%</p>`,
    },
    RECEIPT_MERCHANT: {
      subject: "Pagamento ricevuto: %amount% (rif. %reference%)",
      html: `<p>Un cliente ha appena saldato una richiesta di pagamento di %shop_name%.</p>
<ul>
<li>Riferimento: %reference%</li>
<li>Importo: <strong>%amount%</strong></li>
<li>Data del pagamento: %payment_date%</li>
<li>Numero di transazione: %transaction_number%</li>
</ul>`,
    },
    REMINDER: {
      subject: "Promemoria: il suo link di pagamento di %amount% scade il %end_date%",
      html: `<p>Gentile cliente,</p>
<p>le ricordiamo che il pagamento di <strong>%amount%</strong> richiesto da %shop_name% (riferimento %reference%) è ancora in attesa.</p>
<p>Ha già pagato? Non tenga conto di questo messaggio. Per qualsiasi domanda può scrivere a %shop_contact%.</p>
<p>Cordiali saluti,<br>%shop_name%<br>%shop_url%</p>`,
    },
  },
  sms: "%shop_name%: paghi %amount% (rif. %reference%) entro il giorno %end_date% su %url%",
  smsReminder: "Promemoria di %shop_name%: %amount% (rif. %reference%) ancora da pagare entro il giorno %end_date% su %url%",
  whatsapp:
    "Buongiorno, ecco il link di %shop_name% per il pagamento di %amount% (rif. %reference%), valido fino al giorno %end_date% incluso: %url%",
  url: "Buongiorno, ecco il link sicuro per pagare %amount% a %shop_name% (riferimento %reference%). È valido fino al giorno %end_date% incluso: %url%",
  layout: {
    payRequest: "Richiesta di pagamento",
    reminder: "Promemoria di pagamento",
    receipt: "Pagamento ricevuto",
    merchantReceipt: "Nuovo pagamento",
    amount: "Importo",
    reference: "Riferimento:",
    paidOn: "Pagato il:",
    transaction: "N. transazione:",
    pay: "Paga %amount%",
    validUntil: "Questo link è valido fino al %end_date%.",
    fallback: "Il pulsante non funziona? Copia questo link nel browser:",
    openOrder: "Apri l’ordine",
    contact: "Domande? Scrivi a %shop_contact%",
    trust:
      "Link di pagamento sicuro inviato per conto di %shop_name%. Nessuno ti chiederà mai il numero della carta via e-mail o telefono.",
  },
};
