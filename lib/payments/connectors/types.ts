// The interface every payment processor connector implements (issue 20): the sandbox acquirer
// (acquirer.ts) serves TEST orders; a PRODUCTION order is paid on a processor's hosted page through
// the shop's verified connector (ShopConnector, one per shop and mode). No card number ever reaches
// us: the buyer is sent to the processor (startPayment), comes back to /pay/<token>/return/<attemptId>
// (handleReturn), and the processor's signed notification to /api/connectors/<shopConnectorId>/notify
// (handleNotification) is recorded by recordProcessorOutcome, once, under the order's lock.
//
// Every call is a network call made with no database transaction open ("Reserve, call, record" in
// docs/architecture.md). A connector holds no state: the decrypted config comes in each context.
import type { z } from "zod";

export type ConnectorKind = "LYRA_FORM" | "STRIPE";
export type ConnectorMode = "TEST" | "PRODUCTION";

/** What a connector can honour; the dialogs grey out the rest (with the reason) and the API refuses it. */
export type ConnectorCapabilities = {
  /** Authorise now, capture when the merchant validates (validation mode MANUAL). */
  manualValidation: boolean;
  /** Capture a number of days after the authorisation (captureDelay > 0). */
  captureDelay: boolean;
  /** Keep the card at the processor for later payments (aliasMode PROPOSE / AUTOMATIC). */
  aliases: boolean;
  /** Pay in instalments: the first now, the others charged off-session. */
  instalments: boolean;
  /** The buyer may adjust the amount (the amount is fixed when the processor's page opens). */
  buyerAmount: boolean;
  /** Refund less than the captured amount, several times. */
  partialRefund: boolean;
};

/** The order as a connector sees it when the buyer leaves for the processor's page. */
export type ConnectorOrder = {
  id: string;
  reference: string | null;
  shopId: string;
  mode: ConnectorMode;
  validationMode: "AUTOMATIC" | "MANUAL";
  /** Days between authorisation and capture (0: at once). */
  captureDelay: number;
  buyerEmail: string | null;
  /** Page language, "fr", "en"… */
  lang: string;
};

export type StartPaymentContext<Config> = {
  config: Config;
  shopConnectorId: string;
  order: ConnectorOrder;
  /** The PENDING PaymentAttempt's id: the idempotency key, echoed by the processor, and the transaction's id. */
  attemptId: string;
  /** Minor units. */
  amount: number;
  /** ISO 4217 alpha-3. */
  currency: string;
  /** Keep the card as an alias (REGISTER_PAY, setup_future_usage). */
  saveCard: boolean;
  /** Absolute: `${origin}/pay/<token>/return/<attemptId>`. */
  returnUrl: string;
  /** Absolute: `${origin}/api/connectors/<shopConnectorId>/notify`. */
  notifyUrl: string;
  now: Date;
  /** Per-connector allocation of a processor reference (Lyra's vads_trans_id: 6 digits unique per day and site). */
  allocateTransId?: (scope: string, day: string) => Promise<number>;
};

/** Where the buyer goes next. `processorRef` is kept on the attempt (matched against the notification). */
export type StartPaymentResult =
  | { type: "redirect"; url: string; processorRef?: string }
  | { type: "form-post"; action: string; fields: Record<string, string>; processorRef?: string };

/**
 * A processor's answer about one attempt, its authenticity checked. ACCEPTED: authorised (captured
 * or to capture); REFUSED: declined (a REFUSED transaction, the order payable again); ABANDONED: the
 * buyer left the processor's page (no transaction, the attempt settled, the order payable again).
 */
export type ProcessorOutcome = {
  attemptId: string;
  status: "ACCEPTED" | "REFUSED" | "ABANDONED";
  /** Minor units, as the processor states it (compared with the attempt's). */
  amount: number;
  currency: string;
  /** The processor's transaction reference (Lyra vads_trans_uuid, Stripe PaymentIntent id). */
  processorRef: string;
  brand?: string;
  /** e.g. "497010XXXXXX0000": only the last 4 digits are kept. */
  maskedPan?: string;
  expiryMonth?: number;
  expiryYear?: number;
  /** The processor's alias of the card when one was registered (vads_identifier, payment method id). */
  aliasToken?: string;
  /** Captured already (Stripe automatic capture) rather than authorised. */
  captured?: boolean;
  errorCode?: string;
  errorMessage?: string;
};

export type NotificationRequest = { method: string; headers: Record<string, string | undefined>; rawBody: string };

/**
 * A notification checked: `outcome` to record, or `ignored` (a valid event we have nothing to do
 * with, answered 200), or refused (bad or missing signature, unknown fields: answered 400 and logged).
 * `reply` is what the processor expects back on success (default 200 "OK").
 */
export type NotificationResult =
  | { ok: true; outcome: ProcessorOutcome; reply?: { status: number; contentType: string; body: string } }
  | { ok: true; ignored: string; reply?: { status: number; contentType: string; body: string } }
  | { ok: false; reason: string };

/** The buyer's return: `query` and (for a POST) `form`. An outcome only when it carries a verified one. */
export type ReturnRequest = { attemptId: string; processorRef: string | null; query: URLSearchParams; form: URLSearchParams | null };

/** A transaction already recorded, for back-office actions and refunds20's Transaction/* services. */
export type TransactionContext<Config> = {
  config: Config;
  mode: ConnectorMode;
  /** Our transaction id (the attempt's). */
  transactionId: string;
  /** What the processor called it (Transaction.processorRef). */
  processorRef: string;
  /** Minor units: what to capture / refund (a partial refund: less than captured). */
  amount: number;
  currency: string;
  /** Our refund's id, used as the idempotency key (refund only). */
  operationId?: string;
};

export type OperationResult =
  /** VALIDATED: accepted for capture at its capture date (Lyra's Validate); PENDING: the processor answers later. */
  | { ok: true; status: "VALIDATED" | "CAPTURED" | "CANCELLED" | "REFUNDED" | "PENDING"; processorRef: string }
  | { ok: false; code: string; message: string };

/**
 * A merchant-initiated charge on a card the processor keeps (a later instalment): no buyer present.
 * `aliasToken` is CardAlias.processorToken; `attemptId` the PENDING attempt's id (idempotency key).
 */
export type AliasChargeContext<Config> = {
  config: Config;
  mode: ConnectorMode;
  aliasToken: string;
  amount: number;
  currency: string;
  orderId: string;
  attemptId: string;
  /**
   * The same for every attempt of one try of one instalment (an attempt abandoned after an unknown
   * outcome and its replacement share it): the processor's idempotency key, so that a charge that
   * went through before the network failed is answered again, never made twice.
   */
  idempotencyKey?: string;
  /** MANUAL: authorise only, captured when the merchant validates. */
  validationMode?: "AUTOMATIC" | "MANUAL";
};

export type VerifyResult = { ok: true; detail?: string } | { ok: false; code: string; message: string };

export interface PaymentConnector<Config = unknown> {
  kind: ConnectorKind;
  capabilities: ConnectorCapabilities;
  /** The credentials and options the settings form asks for (zod: parsed on save, on read). */
  configSchema: z.ZodType<Config>;
  /** The config's secret fields: stored encrypted, never shown again (the form shows "•••• saved"). */
  secretFields: readonly (keyof Config & string)[];
  /** "Test the connection": a harmless authenticated call to the processor with these credentials. */
  verify(config: Config, mode: ConnectorMode): Promise<VerifyResult>;
  startPayment(ctx: StartPaymentContext<Config>): Promise<StartPaymentResult>;
  handleNotification(config: Config, mode: ConnectorMode, req: NotificationRequest): Promise<NotificationResult>;
  /** The buyer's return may carry a signed outcome (Lyra's vads_* return, Stripe's session): null when it does not. */
  handleReturn?(config: Config, mode: ConnectorMode, req: ReturnRequest): Promise<ProcessorOutcome | null>;
  capture(ctx: TransactionContext<Config>): Promise<OperationResult>;
  /** Cancel an authorisation not captured yet. */
  cancel(ctx: TransactionContext<Config>): Promise<OperationResult>;
  refund(ctx: TransactionContext<Config>): Promise<OperationResult>;
  /**
   * Charge a kept card off-session (stripe20; capabilities.instalments): ACCEPTED or REFUSED (nothing
   * charged); throws only when the outcome is unknown (network), like Acquirer.chargeToken.
   */
  chargeAlias?(ctx: AliasChargeContext<Config>): Promise<ProcessorOutcome>;
  /**
   * An attempt left PENDING past its processor page's life (its notification lost): close it at the
   * processor, so that nothing can be paid on it any more, and say what became of it (stripe20;
   * settle-connector-attempts.ts). null: the processor cannot tell yet (asked again next sweep).
   * A connector without it has its stale attempts abandoned by the attempts sweep.
   */
  settleAttempt?(
    config: Config,
    mode: ConnectorMode,
    req: { attemptId: string; processorRef: string | null },
  ): Promise<ProcessorOutcome | null>;
}
