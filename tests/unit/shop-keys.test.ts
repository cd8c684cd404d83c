import { describe, expect, it } from "vitest";
import { maskShopKey, newShopKey } from "@/lib/shops/shop-keys";

describe("shop keys", () => {
  it("new values: prefixed passwords of 192 bits, HMAC keys of 256 bits, never twice the same", () => {
    expect(newShopKey("TEST_PASSWORD")).toMatch(/^testpassword_[A-Za-z0-9_-]{32}$/);
    expect(newShopKey("PRODUCTION_PASSWORD")).toMatch(/^prodpassword_[A-Za-z0-9_-]{32}$/);
    expect(newShopKey("TEST_HMAC")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newShopKey("PRODUCTION_HMAC")).not.toBe(newShopKey("PRODUCTION_HMAC"));
  });

  it("masks keep the known prefix and the last 4 characters, with a fixed number of dots", () => {
    expect(maskShopKey("testpassword_DEMOSHOPKEY0000000001")).toBe("testpassword_••••••••0001");
    expect(maskShopKey("prodpassword_abcdefghijklmnopqrstuvwxyz123456")).toBe("prodpassword_••••••••3456");
    // an HMAC key has no prefix to keep, even one that happens to contain "_"
    expect(maskShopKey("testhmac_DEMOSHOPKEY0000000001")).toBe("••••••••0001");
    // too short to show anything of it
    expect(maskShopKey("testpassword_short")).toBe("testpassword_••••••••");
  });
});
