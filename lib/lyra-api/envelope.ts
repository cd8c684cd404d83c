import { appUrl } from "../server/env";
import { LYRA_ERRORS, type LyraErrorCode } from "./error-codes";
import { newTicket, wireDate } from "./wire";

export const APPLICATION_VERSION = "1.0.0";
export const APPLICATION_PROVIDER = process.env.API_PROVIDER_NAME ?? "PAYMENT-ORDERS";

export type Mode = "TEST" | "PRODUCTION";

/** The V4 response envelope, identical for success and business errors (HTTP 200 either way). */
export function envelope(webService: string, status: "SUCCESS" | "ERROR", answer: object, mode: Mode | null) {
  return {
    webService,
    version: "V4",
    applicationVersion: APPLICATION_VERSION,
    status,
    answer,
    ticket: newTicket(),
    serverDate: wireDate(new Date()),
    applicationProvider: APPLICATION_PROVIDER,
    metadata: null,
    mode,
    serverUrl: appUrl(),
    _type: "V4/WebService/Response",
  };
}

export function errorAnswer(
  code: LyraErrorCode,
  shopId: string | null,
  detailedErrorMessage: string | null,
  detailedErrorCode: string | null = null,
) {
  return {
    errorCode: code,
    errorMessage: LYRA_ERRORS[code],
    detailedErrorCode,
    detailedErrorMessage,
    ticket: "null",
    shopId,
    _type: "V4/WebService/WebServiceError",
  };
}
