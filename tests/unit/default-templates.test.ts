import { describe, expect, it } from "vitest";
import { builtInTemplate, type DefaultTexts, defaultTexts, TEMPLATE_KINDS } from "@/emails";
import { de } from "@/emails/defaults/de";
import { en } from "@/emails/defaults/en";
import { es } from "@/emails/defaults/es";
import { fr } from "@/emails/defaults/fr";
import { it as itTexts } from "@/emails/defaults/it";
import { nl } from "@/emails/defaults/nl";
import { pt } from "@/emails/defaults/pt";
import { countSms } from "@/lib/channels/sms-segments";
import { PAGE_LANGUAGES, type PageLanguage } from "@/lib/i18n/locales";
import { renderText } from "@/lib/templates/render-message";
import { findUnknownVariables } from "@/lib/templates/render-template";
import { sanitizeTemplateHtml } from "@/lib/templates/sanitize-template-html";

const OWN: Record<PageLanguage, DefaultTexts> = { fr, en, de, es, it: itTexts, pt, nl };

const allTexts = (t: DefaultTexts) => [
  ...TEMPLATE_KINDS.flatMap((k) => [t.mail[k].subject, t.mail[k].html]),
  t.sms,
  t.smsReminder,
  t.whatsapp,
  t.url,
];

// The sanitizer adds rel="noopener noreferrer" to links and writes <br />: neither strips anything.
const normalize = (html: string) =>
  html
    .replace(/ rel="noopener noreferrer"/g, "")
    .replace(/<br\s*\/?>/g, "<br>")
    .replace(/\s+/g, " ")
    .trim();

const SAMPLE = {
  reference: "INV-2026-1",
  amount: "1 234,56 €",
  end_date: "31 décembre 2026",
  url: `https://pay.example.com/p/${"x".repeat(60 - "https://pay.example.com/p/".length)}`,
  shop_name: "Boulangerie",
};

describe("built-in message templates (F-TPL-2)", () => {
  it("the sample URL is 60 characters", () => expect(SAMPLE.url).toHaveLength(60));

  describe.each(PAGE_LANGUAGES)("%s", (lang) => {
    const t = defaultTexts(lang);

    it("has its own texts (English only for en)", () => {
      expect(t).toBe(OWN[lang]);
      if (lang !== "en") expect(t).not.toBe(en);
    });

    it("has a subject and a body for every e-mail kind", () => {
      for (const kind of TEMPLATE_KINDS) {
        expect(t.mail[kind].subject.trim()).not.toBe("");
        expect(t.mail[kind].html.trim()).not.toBe("");
      }
    });

    it("puts the link in every ORDER text; an e-mail's is the layout's button, with the amount and the end date", () => {
      for (const text of [t.sms, t.whatsapp, t.url]) expect(text).toContain("%url%");
      expect(t.layout.pay).toContain("%amount%");
      expect(t.layout.validUntil).toContain("%end_date%");
      // the body no longer speaks of a button of its own
      expect(t.mail.ORDER.html).not.toContain("%url%");
    });

    it("has reminders by e-mail and SMS with the link and the end date", () => {
      expect(t.smsReminder).toContain("%url%");
      expect(t.smsReminder).toContain("%end_date%");
      expect(t.mail.REMINDER.subject).toContain("%end_date%");
      expect(builtInTemplate("SMS", "REMINDER", lang).body).toBe(t.smsReminder);
      expect(builtInTemplate("SMS", "ORDER", lang).body).toBe(t.sms);
      expect(builtInTemplate("MAIL", "REMINDER", lang)).toEqual({ subject: t.mail.REMINDER.subject, body: t.mail.REMINDER.html });
    });

    it("uses only known variables", () => {
      for (const text of allTexts(t)) expect(findUnknownVariables(text)).toEqual([]);
    });

    it("has HTML the sanitizer keeps whole", () => {
      for (const kind of TEMPLATE_KINDS) {
        const html = t.mail[kind].html;
        expect(normalize(sanitizeTemplateHtml(html))).toBe(normalize(html));
      }
    });

    it("keeps the rendered SMS under 300 characters; the reminder fits GSM-7", () => {
      expect(renderText(t.sms, SAMPLE).length).toBeLessThan(300);
      expect(renderText(t.smsReminder, SAMPLE).length).toBeLessThan(300);
      expect(countSms(renderText(t.smsReminder, SAMPLE)).encoding).toBe("GSM7");
    });
  });
});
