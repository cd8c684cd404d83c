import { describe, expect, it } from "vitest";
import type { PayRequest } from "@/lib/payments/acquirer";
import { cardSchema } from "@/lib/payments/card";
import { sandboxAcquirer } from "@/lib/payments/sandbox-acquirer";

const errors = (input: Record<string, string>) => {
  const r = cardSchema.safeParse({ cardNumber: "4970100000000055", expiry: "12/30", cvc: "123", ...input });
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("card form (F-PAY-1)", () => {
  it("accepts a valid card, spaces allowed", () => {
    expect(errors({ cardNumber: "4970 1000 0000 0055" })).toEqual({});
  });
  it("rejects a Luhn-invalid number", () => {
    expect(errors({ cardNumber: "4970100000000056" })).toEqual({ cardNumber: "err_card_number" });
  });
  it("rejects bad and past expiry dates", () => {
    expect(errors({ expiry: "13/30" })).toEqual({ expiry: "err_card_expiry_format" });
    expect(errors({ expiry: "1230" })).toEqual({ expiry: "err_card_expiry_format" });
    expect(errors({ expiry: "01/20" })).toEqual({ expiry: "err_card_expired" });
  });
  it("checks the CVC length for the brand", () => {
    expect(errors({ cvc: "12" })).toEqual({ cvc: "err_card_cvc" });
    expect(errors({ cardNumber: "378282246310005", cvc: "123" })).toEqual({ cvc: "err_card_cvc" });
    expect(errors({ cardNumber: "378282246310005", cvc: "1234" })).toEqual({});
  });
});

describe("sandbox acquirer (test cards)", () => {
  const card = (pan: string) => cardSchema.parse({ cardNumber: pan, expiry: "12/30", cvc: "123" });
  const pay = (pan: string, over: Partial<PayRequest> = {}) =>
    sandboxAcquirer.pay({
      mode: "TEST",
      card: card(pan),
      amount: 100,
      currency: "EUR",
      orderId: "x",
      threeDsPreference: "NO_PREFERENCE",
      forceChallenge: false,
      ...over,
    });
  const flow = (r: Awaited<ReturnType<typeof pay>>) => r.threeDs.flow;
  it("follows the documented table in TEST", async () => {
    expect(await pay("4970100000000055")).toMatchObject({
      approved: true,
      brand: "VISA",
      threeDs: { flow: "FRICTIONLESS", status: "AUTHENTICATED" },
    });
    expect(await pay("4970100000000071")).toMatchObject({ approved: true, threeDs: { flow: "NONE", status: "NOT_ENROLLED" } });
    expect(await pay("5555555555554444")).toMatchObject({ approved: true, brand: "MASTERCARD" });
    expect(await pay("5970100300000026")).toMatchObject({ approved: true, brand: "MAESTRO" });
    expect(await pay("4970100000000097")).toMatchObject({ approved: false, code: "05" });
    expect(await pay("4970100000000063")).toMatchObject({ approved: false, code: "51", message: "insufficient_funds" });
    expect(await pay("4970100000000030")).toMatchObject({ approved: false, code: "54", message: "expired_card" });
    expect(await pay("4111111111111111")).toMatchObject({ approved: true, brand: "VISA" });
    expect(await pay("4970100000000014")).toMatchObject({ challenge: true, code: expect.stringMatching(/^\d{6}$/) });
    expect(await pay("4970100000000022")).toMatchObject({ challenge: true });
  });
  it("the order's preference and an alias request drive the challenge; a card not enrolled is never challenged", async () => {
    expect(flow(await pay("4970100000000055", { threeDsPreference: "FRICTIONLESS" }))).toBe("FRICTIONLESS");
    expect(flow(await pay("4970100000000055", { threeDsPreference: "CHALLENGE" }))).toBe("CHALLENGE");
    expect(flow(await pay("4970100000000055", { forceChallenge: true }))).toBe("CHALLENGE");
    // The issuer of a "challenge" card asks whatever the merchant prefers.
    expect(flow(await pay("4970100000000014", { threeDsPreference: "FRICTIONLESS" }))).toBe("CHALLENGE");
    expect(flow(await pay("4970100000000071", { threeDsPreference: "CHALLENGE" }))).toBe("NONE");
  });
  it("after the challenge: the card decides, a failed or cancelled step refuses; the state holds no card number", async () => {
    const resume = async (pan: string, buyerStep: "passed" | "failed" | "cancelled") => {
      const c = await pay(pan, { threeDsPreference: "CHALLENGE" });
      if (!("challenge" in c)) throw new Error("expected a challenge");
      expect(JSON.stringify(c.state)).not.toContain(pan);
      return sandboxAcquirer.resume({
        mode: "TEST",
        amount: 100,
        currency: "EUR",
        orderId: "x",
        state: c.state,
        buyerStep,
        threeDs: c.threeDs,
      });
    };
    expect(await resume("4970100000000014", "passed")).toMatchObject({
      approved: true,
      threeDs: { flow: "CHALLENGE", status: "AUTHENTICATED" },
    });
    expect(await resume("4970100000000022", "passed")).toMatchObject({
      approved: false,
      code: "3DS_FAILED",
      threeDs: { status: "FAILED" },
    });
    expect(await resume("4970100000000014", "failed")).toMatchObject({ approved: false, code: "3DS_FAILED" });
    expect(await resume("4970100000000055", "cancelled")).toMatchObject({
      approved: false,
      code: "3DS_CANCELLED",
      threeDs: { status: "CANCELLED" },
    });
    expect(await resume("4970100000000063", "passed")).toMatchObject({ approved: false, code: "51" });
  });
  it("refuses test cards in PRODUCTION", async () => {
    expect(await pay("4970100000000055", { mode: "PRODUCTION" })).toMatchObject({ approved: false, code: "TEST_CARD" });
  });
});
