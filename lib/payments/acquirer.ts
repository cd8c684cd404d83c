import type { Mode, ThreeDsPreference } from "../server/generated/prisma/enums";
import type { CardInput } from "./card";

/**
 * What the platform needs from an acquirer (F-PAY-1, F-PAY-3). The sandbox implements it; a real
 * acquirer (its 3-D Secure server and authorisation API) plugs in behind the same calls — see
 * docs/architecture.md, "Plugging in a real acquirer".
 *
 * Every call is made with no database transaction open, after a PENDING attempt was committed
 * ("Reserve, call, record"): answer a refusal when nothing was charged, throw only when the outcome
 * is unknown (a timeout) — the attempt then stays PENDING until sweepPaymentAttempts settles it.
 *
 * `pay` receives the card once: it authenticates the buyer (3-D Secure) and, when the issuer needs
 * no challenge, authorises. When it does, the acquirer keeps what it needs in `state` (an opaque
 * reference such as its 3DS transaction id — never the card number: the platform stores `state`
 * on the challenge row) and `resume` finishes the payment after the buyer's step.
 */
export type ThreeDsFlow = "NONE" | "FRICTIONLESS" | "CHALLENGE";
export type ThreeDsStatus = "NOT_ENROLLED" | "AUTHENTICATED" | "FAILED" | "CANCELLED";
export type ThreeDsOutcome = { preference: ThreeDsPreference; flow: ThreeDsFlow; status: ThreeDsStatus };

export type PayRequest = {
  mode: Mode;
  card: CardInput;
  amount: number;
  currency: string;
  orderId: string;
  threeDsPreference: ThreeDsPreference;
  /** Registering the card (an alias) always asks the issuer for a challenge. */
  forceChallenge: boolean;
};

export type AuthorizationResult =
  | { approved: true; brand: string; authorizationCode: string; threeDs: ThreeDsOutcome }
  | { approved: false; brand: string; code: string; message: string; threeDs: ThreeDsOutcome };

export type ChallengeRequired = {
  challenge: true;
  brand: string;
  state: Record<string, string>;
  /** The one-time code the issuer sends the cardholder; the sandbox shows it on the TEST page. */
  code: string;
  threeDs: ThreeDsOutcome;
};

export type ResumeRequest = {
  mode: Mode;
  amount: number;
  currency: string;
  orderId: string;
  state: Record<string, string>;
  /** The platform checked the buyer's code: "passed", "failed" (wrong code too often) or "cancelled". */
  buyerStep: "passed" | "failed" | "cancelled";
  threeDs: ThreeDsOutcome;
};

/**
 * A merchant-initiated charge on a card kept with the buyer's consent (a later instalment, issue
 * 12): no buyer present, so no 3-D Secure. `card` is what the platform knows of the token (never
 * the number); a real acquirer needs only `aliasToken`, the sandbox decides by `card`.
 */
export type TokenChargeRequest = {
  mode: Mode;
  aliasToken: string;
  amount: number;
  currency: string;
  orderId: string;
  card: { brand: string; last4: string; expiryMonth: number; expiryYear: number };
  at: Date;
};

export interface Acquirer {
  pay(req: PayRequest): Promise<AuthorizationResult | ChallengeRequired>;
  resume(req: ResumeRequest): Promise<AuthorizationResult>;
  chargeToken(req: TokenChargeRequest): Promise<AuthorizationResult>;
}
