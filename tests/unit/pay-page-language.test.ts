import { afterEach, describe, expect, it } from "vitest";
import { PAGE_LANGUAGES } from "@/lib/i18n/locales";
import { PAY_MESSAGES } from "@/lib/i18n/messages/pay";
import { pageLanguage, payPageHref } from "@/lib/pay-page/page-language";
import { buyerPageCsp, buyerPageHeaders, isHttpsRequest } from "@/lib/server/security-headers";

describe("the payment page's language", () => {
  it("the buyer's choice, else the order's, else the shop's, else English", () => {
    expect(pageLanguage({ chosen: "it", orderLocale: "de_DE", shopLanguage: "fr" })).toBe("it");
    expect(pageLanguage({ chosen: null, orderLocale: "de_DE", shopLanguage: "fr" })).toBe("de");
    expect(pageLanguage({ chosen: "xx", orderLocale: "ja_JP", shopLanguage: "nl" })).toBe("nl");
    expect(pageLanguage({ chosen: "deutsch", orderLocale: "ja_JP", shopLanguage: "zz" })).toBe("en");
  });

  it("every page language has a catalogue with the same keys, none blank", () => {
    const keys = Object.keys(PAY_MESSAGES.fr).sort();
    for (const l of PAGE_LANGUAGES) {
      expect(Object.keys(PAY_MESSAGES[l]).sort()).toEqual(keys);
      expect(Object.values(PAY_MESSAGES[l]).every((v) => v.trim().length > 0)).toBe(true);
    }
  });

  it("keeps the choice and the attempt shown in the link", () => {
    expect(payPageHref("tok", {})).toBe("/pay/tok");
    expect(payPageHref("tok", { lang: "de", result: "abc" })).toBe("/pay/tok?result=abc&lang=de");
  });
});

describe("buyer page security headers", () => {
  afterEach(() => {
    delete process.env.TRUST_PROXY_HOPS;
  });

  it("CSP: our own script and stylesheet only, nothing inline or framed", () => {
    const csp = buyerPageCsp();
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("style-src 'self';");
    expect(csp).not.toContain("nonce");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe");
  });

  it("HSTS only when the request came over https", () => {
    expect(buyerPageHeaders({ https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(buyerPageHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=/);
    expect(isHttpsRequest(null, "http:")).toBe(false);
    // No trusted proxy (the default): the header is the client's claim.
    expect(isHttpsRequest("https", "http:")).toBe(false);
    process.env.TRUST_PROXY_HOPS = "1";
    expect(isHttpsRequest("https", "http:")).toBe(true);
    expect(isHttpsRequest("http", "http:")).toBe(false);
    expect(isHttpsRequest("https, http", "http:")).toBe(false);
    process.env.TRUST_PROXY_HOPS = "2";
    expect(isHttpsRequest("https, http", "http:")).toBe(true);
  });
});
