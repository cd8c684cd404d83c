import type { Mode } from "../server/generated/prisma/enums";
import type { CardInput } from "./card";

/**
 * What the platform needs from an acquirer. The sandbox implements it; a real acquirer plugs in
 * behind the same interface (see docs/architecture.md).
 */
export type AuthorizationRequest = { mode: Mode; card: CardInput; amount: number; currency: string; orderId: string };
export type AuthorizationResult =
  | { approved: true; brand: string; authorizationCode: string }
  | { approved: false; brand: string; code: string; message: string };

export interface Acquirer {
  authorize(req: AuthorizationRequest): Promise<AuthorizationResult>;
}
