// One error type for every use case. `code` is closed; each adapter maps it (HTTP status, the
// Lyra envelope, a form state). `message` is for logs; `publicMessage` may be shown to people.
import { logger } from "./logger";

export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ORDER_NOT_PAYABLE: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Field errors keyed by input path ("amount", "customer.email"). Values are message keys or text. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly publicMessage: string;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, unknown>;
  /** The broken rule's stable name, for adapters with codes of their own (the Lyra API): never a message key. */
  readonly reason?: string;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { publicMessage?: string; fields?: FieldErrors; details?: Record<string, unknown>; reason?: string } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.publicMessage = opts.publicMessage ?? message;
    this.fields = opts.fields;
    this.details = opts.details;
    this.reason = opts.reason;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;

export function toErrorResponse(err: unknown): { status: number; body: { code: ErrorCode; message: string; fields?: FieldErrors } } {
  if (isAppError(err)) {
    return { status: ERROR_STATUS[err.code], body: { code: err.code, message: err.publicMessage, fields: err.fields } };
  }
  logger.error({ err }, "unexpected error");
  return { status: 500, body: { code: "INTERNAL", message: "Internal error" } };
}
