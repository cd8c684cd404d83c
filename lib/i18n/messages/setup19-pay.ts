// The buyer's page of a link whose merchant the platform suspended (setup19), in every page language.
import type { PageLanguage } from "../locales";

export const SUSPENDED_LINK: Record<PageLanguage, { title: string; body: string }> = {
  fr: { title: "Paiement indisponible", body: "Ce lien de paiement est momentanément indisponible. Contactez le commerçant." },
  en: { title: "Payment unavailable", body: "This payment link is unavailable for now. Please contact the merchant." },
  de: { title: "Zahlung nicht verfügbar", body: "Dieser Zahlungslink ist derzeit nicht verfügbar. Bitte wenden Sie sich an den Händler." },
  es: { title: "Pago no disponible", body: "Este enlace de pago no está disponible por ahora. Póngase en contacto con el comercio." },
  it: { title: "Pagamento non disponibile", body: "Questo link di pagamento non è al momento disponibile. Contatta il venditore." },
  pt: { title: "Pagamento indisponível", body: "Este link de pagamento está indisponível de momento. Contacte o comerciante." },
  nl: { title: "Betaling niet beschikbaar", body: "Deze betaallink is momenteel niet beschikbaar. Neem contact op met de verkoper." },
};
