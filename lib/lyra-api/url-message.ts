import { languageOf } from "../i18n/locales";

// The URL channel's message as the API returns it: the template, placeholders not expanded.
const TEMPLATES: Record<string, string> = {
  fr: "Bonjour, voici le lien pour régler %amount% à %shop_name% (référence %reference%), valable jusqu'au %end_date% : %url%",
  en: "Hello, here is your link to pay %amount% to %shop_name% (reference %reference%), valid until %end_date%: %url%",
  de: "Hallo, hier ist Ihr Link, um %amount% an %shop_name% zu zahlen (Referenz %reference%), gültig bis %end_date%: %url%",
  es: "Hola, este es su enlace para pagar %amount% a %shop_name% (referencia %reference%), válido hasta el %end_date%: %url%",
  it: "Buongiorno, ecco il link per pagare %amount% a %shop_name% (riferimento %reference%), valido fino al %end_date%: %url%",
  pt: "Olá, eis o seu link para pagar %amount% a %shop_name% (referência %reference%), válido até %end_date%: %url%",
  nl: "Hallo, hier is uw link om %amount% te betalen aan %shop_name% (referentie %reference%), geldig tot %end_date%: %url%",
};

export const urlMessageTemplate = (locale: string) => TEMPLATES[languageOf(locale) ?? "fr"] ?? TEMPLATES.fr!;
