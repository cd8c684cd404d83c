import { describe, expect, it } from "vitest";
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
  const auth = (pan: string, mode: "TEST" | "PRODUCTION" = "TEST") =>
    sandboxAcquirer.authorize({ mode, card: card(pan), amount: 100, currency: "EUR", orderId: "x" });
  it("follows the documented table in TEST", async () => {
    expect(await auth("4970100000000055")).toMatchObject({ approved: true, brand: "VISA" });
    expect(await auth("5970100300000026")).toMatchObject({ approved: true, brand: "MASTERCARD" });
    expect(await auth("4970100000000097")).toMatchObject({ approved: false, code: "05" });
    expect(await auth("4970100000000063")).toMatchObject({ approved: false, code: "51" });
    expect(await auth("4111111111111111")).toMatchObject({ approved: true, brand: "VISA" });
  });
  it("refuses test cards in PRODUCTION", async () => {
    expect(await auth("4970100000000055", "PRODUCTION")).toMatchObject({ approved: false, code: "TEST_CARD" });
  });
});
