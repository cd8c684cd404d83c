import { describe, expect, it } from "vitest";
import { normalisePhoneNumber, shopPhoneCountry } from "@/lib/channels/phone-number";
import { countSms } from "@/lib/channels/sms-segments";

const x = (n: number, c = "a") => c.repeat(n);

describe("countSms", () => {
  it.each([
    // [label, text, characters, encoding, units, segments]
    ["empty", "", 0, "GSM7", 0, 0],
    ["plain ASCII", "Hello, pay here: https://pay.example/p/abc", 42, "GSM7", 42, 1],
    ["accents of the GSM-7 alphabet", "éèùìòÇØøÅåÄäÖöÑñÜüßÉÆæà", 23, "GSM7", 23, 1],
    ["ê is not GSM-7", "Fenêtre", 7, "UCS2", 7, 1],
    ["â î ô û ë ï are not GSM-7", "âîôûëï", 6, "UCS2", 6, 1],
    ["lowercase ç is not GSM-7 (Ç is)", "Reçu", 4, "UCS2", 4, 1],
    ["Greek capitals of the alphabet", "ΔΦΓΛΩΠΨΣΘΞ", 10, "GSM7", 10, 1],
    ["€ counts two", "10 €", 4, "GSM7", 5, 1],
    ["each extension character counts two", "|^€{}[]~\\", 9, "GSM7", 18, 1],
    ["form feed is an extension character", "a\fb", 3, "GSM7", 4, 1],
    ["an emoji is UCS-2, two code units", "Merci 🙂", 7, "UCS2", 8, 1],
    ["160 GSM-7: one SMS", x(160), 160, "GSM7", 160, 1],
    ["161 GSM-7: two parts", x(161), 161, "GSM7", 161, 2],
    ["159 + € = 161 units: two parts", `${x(159)}€`, 160, "GSM7", 161, 2],
    ["153 × 2", x(306), 306, "GSM7", 306, 2],
    ["153 × 2 + 1", x(307), 307, "GSM7", 307, 3],
    ["153 × 3", x(459), 459, "GSM7", 459, 3],
    ["153 × 3 + 1", x(460), 460, "GSM7", 460, 4],
    ["70 UCS-2: one SMS", `ê${x(69)}`, 70, "UCS2", 70, 1],
    ["71 UCS-2: two parts", `ê${x(70)}`, 71, "UCS2", 71, 2],
    ["67 × 2", `ê${x(133)}`, 134, "UCS2", 134, 2],
    ["67 × 2 + 1", `ê${x(134)}`, 135, "UCS2", 135, 3],
    ["67 × 3", `ê${x(200)}`, 201, "UCS2", 201, 3],
    ["67 × 3 + 1", `ê${x(201)}`, 202, "UCS2", 202, 4],
    ["500 GSM-7 characters", x(500), 500, "GSM7", 500, 4],
  ])("%s", (_label, text, characters, encoding, units, segments) => {
    expect(countSms(text)).toEqual({ characters, encoding, units, segments });
  });

  it("never splits an extension character between two parts", () => {
    // 152 + € (2 units) = 154 units, over one part of 153: the € opens the 2nd part.
    expect(countSms(`${x(152)}€${x(150)}`)).toMatchObject({ units: 304, segments: 2 });
    // Same length with € at unit 153–154 of part 1: the € moves to part 2, which then holds 153.
    expect(countSms(`${x(152)}€${x(152)}`)).toMatchObject({ units: 306, segments: 3 });
    expect(countSms(`${x(151)}€${x(153)}`)).toMatchObject({ units: 306, segments: 2 });
  });

  it("never splits an emoji between two parts", () => {
    expect(countSms(`ê${x(65)}🙂${x(66)}`)).toMatchObject({ units: 134, segments: 3 });
    expect(countSms(`ê${x(64)}🙂${x(67)}`)).toMatchObject({ units: 134, segments: 2 });
  });
});

describe("normalisePhoneNumber", () => {
  it.each([
    ["+33 6 00 00 00 00", "FR", "+33600000000"],
    ["06 12 34 56 78", "FR", "+33612345678"],
    ["06.12.34.56.78", "FR", "+33612345678"],
    ["0033 6 12 34 56 78", "FR", "+33612345678"],
    ["+44 20 7946 0958", "FR", "+442079460958"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["+1 415 555 2671", "FR", "+14155552671"],
  ] as const)("%s (%s) → %s", (typed, country, e164) => {
    expect(normalisePhoneNumber(typed, country)).toMatchObject({ ok: true, e164 });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["call me", "invalid"],
    ["06 12", "invalid"],
    ["+33 6 12 34 56 78 90 12", "invalid"],
    ["6".repeat(41), "invalid"],
  ])("%j → %s", (typed, reason) => {
    expect(normalisePhoneNumber(typed, "FR")).toEqual({ ok: false, reason });
  });

  it("takes the shop's country from its default language", () => {
    expect(shopPhoneCountry("fr")).toBe("FR");
    expect(shopPhoneCountry("en")).toBe("GB");
    expect(shopPhoneCountry("de")).toBe("DE");
    expect(shopPhoneCountry("xx")).toBe("FR");
  });
});
