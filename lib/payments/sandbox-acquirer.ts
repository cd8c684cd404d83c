import crypto from "node:crypto";
import type { Acquirer, AuthorizationResult, ThreeDsOutcome } from "./acquirer";
import { brandOf } from "./card";

/**
 * How a test card behaves: enrolled in 3-D Secure or not, whether its issuer insists on a
 * challenge, whether the buyer's challenge can succeed, then the authorisation's answer.
 */
type TestCard = {
  label: string;
  enrolled: boolean;
  issuerChallenge?: boolean;
  challengeFails?: boolean;
  refusal?: { code: string; message: string };
};

/** The documented test cards (README, "Test cards"): the outcome follows the number. */
export const TEST_CARDS: Record<string, TestCard> = {
  "4970100000000055": { label: "accepted (3-D Secure frictionless)", enrolled: true },
  "4970100000000071": { label: "accepted (card not enrolled in 3-D Secure)", enrolled: false },
  "5555555555554444": { label: "accepted (3-D Secure frictionless)", enrolled: true },
  "5970100300000026": { label: "accepted (3-D Secure frictionless)", enrolled: true },
  "4970100000000014": { label: "3-D Secure challenge passed, accepted", enrolled: true, issuerChallenge: true },
  "4970100000000022": { label: "3-D Secure challenge failed, refused", enrolled: true, issuerChallenge: true, challengeFails: true },
  "4970100000000097": {
    label: "refused by the issuer (05, do not honour)",
    enrolled: true,
    refusal: { code: "05", message: "do_not_honor" },
  },
  "4970100000000063": { label: "refused (51, insufficient funds)", enrolled: true, refusal: { code: "51", message: "insufficient_funds" } },
  "4970100000000030": { label: "refused (54, expired card)", enrolled: true, refusal: { code: "54", message: "expired_card" } },
  "4970100000000089": { label: "accepted; its later instalments refused (51, insufficient funds)", enrolled: true },
};

/** Kept cards (tokens) whose merchant-initiated charges the sandbox refuses, by last 4 digits (TEST). */
const TOKEN_REFUSALS: Record<string, { code: string; message: string }> = {
  "0089": { code: "51", message: "insufficient_funds" },
};

const authorizationCode = () => crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");

function authorize(card: TestCard | undefined, brand: string, threeDs: ThreeDsOutcome): AuthorizationResult {
  if (card?.refusal) return { approved: false, brand, ...card.refusal, threeDs };
  return { approved: true, brand, authorizationCode: authorizationCode(), threeDs };
}

/**
 * The sandbox acquirer. TEST: test cards behave as documented; any other valid card is enrolled,
 * frictionless unless a challenge is asked for, and accepted. PRODUCTION: test cards are refused
 * (they are not real cards), others behave like the unknown cards of TEST.
 *
 * The 3-D Secure step follows the order's preference: CHALLENGE (or an alias request) challenges
 * every enrolled card; NO_PREFERENCE and FRICTIONLESS let the issuer decide (the "challenge" test
 * cards always ask). A card that is not enrolled is never authenticated.
 */
export const sandboxAcquirer: Acquirer = {
  async pay({ mode, card, threeDsPreference, forceChallenge }) {
    const test = TEST_CARDS[card.pan];
    const brand = brandOf(card.pan);
    const preference = threeDsPreference;
    if (mode === "PRODUCTION" && test) {
      return {
        approved: false,
        brand,
        code: "TEST_CARD",
        message: "test_card_in_production",
        threeDs: { preference, flow: "NONE", status: "NOT_ENROLLED" },
      };
    }
    const enrolled = test?.enrolled ?? true;
    if (!enrolled) return authorize(test, brand, { preference, flow: "NONE", status: "NOT_ENROLLED" });
    if (test?.issuerChallenge || forceChallenge || preference === "CHALLENGE") {
      return {
        challenge: true,
        brand,
        code: crypto.randomInt(0, 1_000_000).toString().padStart(6, "0"),
        // What the sandbox "issuer" needs to finish: the card's behaviour by its test number's
        // outcome, never the number itself.
        state: {
          brand,
          challengeFails: test?.challengeFails ? "1" : "0",
          refusalCode: test?.refusal?.code ?? "",
          refusalMessage: test?.refusal?.message ?? "",
        },
        threeDs: { preference, flow: "CHALLENGE", status: "AUTHENTICATED" },
      };
    }
    return authorize(test, brand, { preference, flow: "FRICTIONLESS", status: "AUTHENTICATED" });
  },

  async resume({ state, buyerStep, threeDs }) {
    const brand = state.brand ?? "CARD";
    if (buyerStep === "cancelled") {
      return {
        approved: false,
        brand,
        code: "3DS_CANCELLED",
        message: "authentication_cancelled",
        threeDs: { ...threeDs, status: "CANCELLED" },
      };
    }
    if (buyerStep === "failed" || state.challengeFails === "1") {
      return { approved: false, brand, code: "3DS_FAILED", message: "authentication_failed", threeDs: { ...threeDs, status: "FAILED" } };
    }
    const refusal = state.refusalCode ? { code: state.refusalCode, message: state.refusalMessage ?? "" } : undefined;
    return authorize({ label: "", enrolled: true, refusal }, brand, { ...threeDs, status: "AUTHENTICATED" });
  },

  // A later instalment on a kept card: no buyer, no 3-D Secure. Refused when the card has expired
  // by the charge's month (54), or in TEST when it is the "later instalments refused" card (51).
  async chargeToken({ mode, card, at }) {
    const threeDs: ThreeDsOutcome = { preference: "NO_PREFERENCE", flow: "NONE", status: "NOT_ENROLLED" };
    const month = at.getUTCFullYear() * 12 + at.getUTCMonth() + 1;
    if (card.expiryYear * 12 + card.expiryMonth < month) {
      return { approved: false, brand: card.brand, code: "54", message: "expired_card", threeDs };
    }
    const refusal = mode === "TEST" ? TOKEN_REFUSALS[card.last4] : undefined;
    return authorize({ label: "", enrolled: true, refusal }, card.brand, threeDs);
  },
};
