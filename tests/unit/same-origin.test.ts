import { describe, expect, it } from "vitest";
import { isSameOrigin } from "@/lib/security/same-origin";

const req = (headers: Record<string, string>) => new Request("http://localhost:3000/orders/import/run", { method: "POST", headers });

describe("isSameOrigin (the upload route's cross-site request check)", () => {
  it("accepts our own pages' posts and requests without an Origin (not a cross-site browser request)", () => {
    expect(isSameOrigin(req({ origin: "http://localhost:3000", host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(req({ host: "localhost:3000" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "https://pay.example.com", host: "internal:3000", "x-forwarded-host": "pay.example.com" }))).toBe(
      true,
    );
  });

  it("refuses another site, another port, a look-alike host and a malformed Origin", () => {
    expect(isSameOrigin(req({ origin: "https://evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://localhost:3001", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://localhost:3000.evil.example", host: "localhost:3000" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "null", host: "localhost:3000" }))).toBe(false);
  });
});
