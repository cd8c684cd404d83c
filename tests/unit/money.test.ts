import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/money/format-money";
import { parseMajorAmount } from "@/lib/money/parse-amount";

describe("parseMajorAmount", () => {
  it.each([
    ["15", "EUR", 1500],
    ["15.5", "EUR", 1550],
    ["15,50", "EUR", 1550],
    ["1 234,56", "EUR", 123456],
    ["0.01", "EUR", 1],
    ["1500", "JPY", 1500],
    ["1.234", "KWD", 1234],
    ["15.50", "JPY", null],
    ["19.999", "EUR", null],
    ["abc", "EUR", null],
    ["-5", "EUR", null],
    ["", "EUR", null],
  ])("%s %s → %s", (input, currency, expected) => {
    const r = parseMajorAmount(input, currency);
    expect(r.ok ? r.minor : null).toBe(expected);
  });

  it("explains why", () => {
    expect(parseMajorAmount("1.234", "EUR")).toEqual({ ok: false, reason: "decimals" });
    expect(parseMajorAmount("12,3,4", "EUR")).toEqual({ ok: false, reason: "format" });
    expect(parseMajorAmount("99999999999999", "EUR")).toEqual({ ok: false, reason: "too_large" });
  });

  it("never goes through floats", () => {
    expect(parseMajorAmount("0.29", "EUR")).toEqual({ ok: true, minor: 29 });
    expect(parseMajorAmount("9999999999.99", "EUR")).toEqual({ ok: true, minor: 999999999999 });
  });
});

describe("formatMoney", () => {
  const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
  it("formats in the reader's language", () => {
    expect(nbsp(formatMoney(1500, "EUR", "fr"))).toBe("15,00 €");
    expect(formatMoney(1500, "EUR", "en")).toBe("€15.00");
    expect(nbsp(formatMoney(1500, "JPY", "fr_FR"))).toBe("1 500 JPY");
    expect(nbsp(formatMoney(1234, "KWD", "en"))).toBe("KWD 1.234");
  });
  it("is exact for large amounts", () => {
    expect(formatMoney(999_999_999_999n, "EUR", "en")).toBe("€9,999,999,999.99");
  });
});
