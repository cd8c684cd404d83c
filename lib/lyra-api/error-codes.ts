// Error codes of the Lyra V4 REST API that we emit, with their short English message.
// Codes marked "ours" are additions (documented in the OpenAPI document); clients must not assume
// a closed list anyway.
export const LYRA_ERRORS = {
  INT_005: "invalid manualValidation",
  INT_006: "invalid captureDelay",
  INT_009: "invalid amount",
  INT_010: "invalid currency",
  INT_013: "invalid orderId",
  INT_015: "invalid customer.email",
  INT_016: "invalid customer.reference",
  INT_030: "invalid paymentMethodToken",
  INT_050: "invalid strongAuthentication",
  INT_051: "invalid allowDCFAmountUpdate",
  INT_091: "invalid metadata",
  INT_794: "invalid redirectSuccessTimeout",
  INT_795: "invalid redirectErrorTimeout",
  INT_811: "customer.email is required for this formAction",
  INT_815: "description too long",
  INT_836: "smsOptions is missing",
  INT_837: "whatsAppOptions.phoneNumber is missing or invalid",
  INT_838: "invalid smsOptions.phoneNumber",
  INT_839: "whatsAppOptions is missing",
  INT_840: "invalid paymentOrderId",
  INT_841: "mailOptions is missing",
  INT_842: "invalid message",
  INT_843: "invalid subject",
  INT_845: "invalid template",
  INT_850: "mailOptions.recipient is missing",
  INT_851: "invalid paymentReceiptEmail",
  INT_853: "invalid dataCollectionForm",
  INT_854: "invalid channel",
  INT_855: "invalid expiration date",
  INT_856: "invalid locale",
  INT_858: "invalid taxRate",
  INT_860: "captureDelay out of range",
  INT_868: "taxAmount greater than amount",
  INT_869: "invalid taxAmount",
  INT_875: "invalid formAction",
  INT_881: "invalid paymentMethods",
  INT_883: "invalid description",
  INT_895: "invalid installmentNumber",
  INT_901: "web service not found",
  INT_902: "web-service input data validation error",
  INT_905: "invalid shopId or password",
  INT_920: "invalid returnUrl",
  INT_921: "invalid cancelUrl",
  INT_922: "invalid successUrl",
  INT_923: "invalid refusedUrl",
  INT_924: "invalid errorUrl",
  INT_925: "invalid postWalletUrl",
  INT_926: "invalid ipnTargetUrl",
  INT_927: "invalid returnMode",
  INT_928: "invalid installmentOptions",
  INT_942: "order reference required by shop configuration",
  PSP_1000: "Payment order not found",
  PSP_1005: "action forbidden on a finalized payment order",
  PSP_1006: "action forbidden on an expired payment order",
  PSP_1007: "expiration date before creation or more than 90 days ahead",
  PSP_1014: "data collection form unavailable for this shop",
  PSP_1017: "the channel of a payment order cannot be changed",
  PSP_1021: "message required",
  PSP_1024: "amount must not be 0",
  PSP_1030: "SMS balance exhausted: not enough SMS credits",
  PSP_1032: "invalid recipient e-mail",
  PSP_1035: "currency not enabled on the shop",
  PSP_1038: "message too long",
  PSP_1052: "paymentOrderId is required",
  PSP_1101: "action forbidden on a cancelled payment order",
  // ours
  PSP_1102: "payment order is not cancelled",
  PSP_1103: "Idempotency-Key reused with a different request body",
  PSP_1104: "Idempotency-Key: the first request with this key is still being processed",
  PSP_999: "internal error",
} as const;

export type LyraErrorCode = keyof typeof LYRA_ERRORS;

/** A Lyra-style failure: code, and the precise cause naming the field and value. */
export class LyraError extends Error {
  constructor(
    readonly code: LyraErrorCode,
    readonly detailedErrorMessage: string | null = null,
    readonly detailedErrorCode: string | null = null,
  ) {
    super(`${code}: ${detailedErrorMessage ?? LYRA_ERRORS[code]}`);
    this.name = "LyraError";
  }
}
