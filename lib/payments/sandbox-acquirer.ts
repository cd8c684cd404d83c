import crypto from "node:crypto";
import type { Acquirer, AuthorizationResult } from "./acquirer";
import { brandOf } from "./card";

type TestCard = { brand: string; outcome: "ACCEPTED" } | { brand: string; outcome: "REFUSED"; code: string; message: string };

/** Documented test cards (README): the outcome follows the number. */
export const TEST_CARDS: Record<string, TestCard> = {
  "4970100000000055": { brand: "VISA", outcome: "ACCEPTED" },
  "5970100300000026": { brand: "MASTERCARD", outcome: "ACCEPTED" },
  "4970100000000097": { brand: "VISA", outcome: "REFUSED", code: "05", message: "do_not_honor" },
  "4970100000000063": { brand: "VISA", outcome: "REFUSED", code: "51", message: "insufficient_funds" },
};

/**
 * The sandbox acquirer. TEST: test cards give their documented outcome, any other valid card is
 * accepted. PRODUCTION: test cards are refused (they are not real cards), others are accepted.
 */
export const sandboxAcquirer: Acquirer = {
  async authorize({ mode, card }): Promise<AuthorizationResult> {
    const test = TEST_CARDS[card.pan];
    const brand = test?.brand ?? brandOf(card.pan);
    if (mode === "PRODUCTION" && test) {
      return { approved: false, brand, code: "TEST_CARD", message: "test_card_in_production" };
    }
    if (test?.outcome === "REFUSED") return { approved: false, brand, code: test.code, message: test.message };
    return { approved: true, brand, authorizationCode: crypto.randomInt(0, 1_000_000).toString().padStart(6, "0") };
  },
};
