// The buyer page of an order paid in instalments (issue 12): the schedule and the consent.
export const payInstalments = {
  fr: {
    inst_schedule_title: "Paiement en {count} fois",
    inst_schedule_first: "{amount} aujourd'hui",
    inst_schedule_row: "{amount} le {date}",
    inst_consent: "J'accepte que {shop} conserve cette carte pour débiter les échéances suivantes à leur date.",
    err_instalment_consent: "Cochez la case pour payer en plusieurs fois.",
  },
  en: {
    inst_schedule_title: "Payment in {count} instalments",
    inst_schedule_first: "{amount} today",
    inst_schedule_row: "{amount} on {date}",
    inst_consent: "I agree that {shop} keeps this card to charge the later instalments on their dates.",
    err_instalment_consent: "Tick the box to pay in instalments.",
  },
  de: {
    inst_schedule_title: "Zahlung in {count} Raten",
    inst_schedule_first: "{amount} heute",
    inst_schedule_row: "{amount} am {date}",
    inst_consent: "Ich bin einverstanden, dass {shop} diese Karte speichert, um die weiteren Raten an ihrem Datum abzubuchen.",
    err_instalment_consent: "Kreuzen Sie das Feld an, um in Raten zu zahlen.",
  },
  es: {
    inst_schedule_title: "Pago en {count} plazos",
    inst_schedule_first: "{amount} hoy",
    inst_schedule_row: "{amount} el {date}",
    inst_consent: "Acepto que {shop} conserve esta tarjeta para cobrar los plazos siguientes en su fecha.",
    err_instalment_consent: "Marque la casilla para pagar a plazos.",
  },
  it: {
    inst_schedule_title: "Pagamento in {count} rate",
    inst_schedule_first: "{amount} oggi",
    inst_schedule_row: "{amount} il {date}",
    inst_consent: "Accetto che {shop} conservi questa carta per addebitare le rate successive alla loro data.",
    err_instalment_consent: "Selezioni la casella per pagare a rate.",
  },
  pt: {
    inst_schedule_title: "Pagamento em {count} prestações",
    inst_schedule_first: "{amount} hoje",
    inst_schedule_row: "{amount} em {date}",
    inst_consent: "Aceito que {shop} guarde este cartão para cobrar as prestações seguintes na sua data.",
    err_instalment_consent: "Marque a caixa para pagar em prestações.",
  },
  nl: {
    inst_schedule_title: "Betaling in {count} termijnen",
    inst_schedule_first: "{amount} vandaag",
    inst_schedule_row: "{amount} op {date}",
    inst_consent: "Ik ga ermee akkoord dat {shop} deze kaart bewaart om de volgende termijnen op hun datum af te schrijven.",
    err_instalment_consent: "Vink het vakje aan om in termijnen te betalen.",
  },
};
