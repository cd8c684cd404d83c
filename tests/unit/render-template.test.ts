import { describe, expect, it } from "vitest";
import { renderTemplate } from "@/lib/templates/render-template";

describe("renderTemplate (F-TPL-3)", () => {
  it("replaces known variables and keeps unknown ones visible", () => {
    expect(renderTemplate("Pay %amount% for %reference% %xyz%: %url%", { amount: "€1.00", reference: "A-1", url: "http://x/pay/t" })).toBe(
      "Pay €1.00 for A-1 %xyz%: http://x/pay/t",
    );
  });
  it("appends the link when the text has no %url%", () => {
    expect(renderTemplate("Hello", { url: "http://x/pay/t" })).toBe("Hello\nhttp://x/pay/t");
  });
});
