import { z } from "zod";
import { importReportSchema } from "../invoices/schemas";
import { appUrl } from "../server/env";
import { APPLICATION_VERSION } from "./envelope";
import { LYRA_ERRORS } from "./error-codes";
import {
  v4EnvelopeSchema,
  v4ErrorSchema,
  v4OrderTransactionsSchema,
  v4PaymentOrderSchema,
  v4StringSchema,
  v4TransactionObjectSchema,
} from "./response-schemas";
import { createPaymentOrderSchema, getPaymentOrderSchema, orderGetSchema, sdkTestSchema, updatePaymentOrderSchema } from "./schemas";
import { cancelOrRefundSchema, transactionGetSchema, updateTransactionSchema, validateTransactionSchema } from "./transaction-schemas";
import { v1ErrorSchema } from "./v1-error";

const json = (schema: z.ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

const OPERATIONS = [
  [
    "Charge/CreatePaymentOrder",
    "Create a payment order (URL, e-mail, SMS or WhatsApp channel).",
    createPaymentOrderSchema,
    v4PaymentOrderSchema,
    false,
  ],
  ["Charge/PaymentOrder/Get", "Read a payment order of this shop and mode.", getPaymentOrderSchema, v4PaymentOrderSchema, false],
  [
    "Charge/PaymentOrder/Update",
    "Modify a payment order while RUNNING; e-mail/SMS/WhatsApp orders given channel options are sent again.",
    updatePaymentOrderSchema,
    v4PaymentOrderSchema,
    false,
  ],
  [
    "Charge/PaymentOrder/Cancel",
    "Extension (ours): cancel a RUNNING order, as the back office does.",
    getPaymentOrderSchema,
    v4PaymentOrderSchema,
    true,
  ],
  [
    "Charge/PaymentOrder/Reactivate",
    "Extension (ours): reactivate a CANCELLED order still within its validity.",
    getPaymentOrderSchema,
    v4PaymentOrderSchema,
    true,
  ],
  ["Charge/SDKTest", "Check credentials: echoes `value`.", sdkTestSchema, v4StringSchema, false],
  ["Order/Get", "Transactions made by paying the links of a merchant reference.", orderGetSchema, v4OrderTransactionsSchema, false],
  [
    "Transaction/Get",
    "Read one transaction of this shop and mode (a refund is its own CREDIT transaction).",
    transactionGetSchema,
    v4TransactionObjectSchema,
    false,
  ],
  [
    "Transaction/CancelOrRefund",
    "Before capture: cancel (a smaller amount lowers the amount to capture). After capture: refund all or part of what remains, answering the refund's own CREDIT transaction.",
    cancelOrRefundSchema,
    v4TransactionObjectSchema,
    false,
  ],
  [
    "Transaction/Validate",
    "Validate a transaction waiting for manual validation (AUTHORISED_TO_VALIDATE).",
    validateTransactionSchema,
    v4TransactionObjectSchema,
    false,
  ],
  [
    "Transaction/Update",
    "Before capture: lower the amount, move the capture date (today .. payment + 7 days, the shop's days), switch the validation mode.",
    updateTransactionSchema,
    v4TransactionObjectSchema,
    false,
  ],
] as const;

let cached: object | undefined;

/** OpenAPI 3.1 document of the V4 services, generated from the same zod schemas that validate them. */
export function openApiDocument() {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Payment orders — REST API (Lyra V4 compatible)",
      version: APPLICATION_VERSION,
      description: [
        "Wire-compatible with Lyra's V4 payment-order web services: point existing client code at this host.",
        "Every call is POST with a JSON body and HTTP Basic auth `<shopId>:<REST password>`; the password (test or production) selects the mode.",
        'Business and validation errors answer HTTP 200 with `status: "ERROR"` and a `V4/WebService/WebServiceError` (codes below).',
        "Additions (ours): the `Idempotency-Key` header, the Cancel and Reactivate services, the transaction services' PSP_010 and PSP_1106–PSP_1110 codes, and `deliveryStatus`/`sendCount` on every PaymentOrder; `allowDCFAmountUpdate` also takes `RANGE` (the buyer pays between `allowDCFAmountUpdateMin` and `allowDCFAmountUpdateMax`, minor units, around `amount`) and `FREE` (from `allowDCFAmountUpdateMin`: donations), echoed with both bounds (null when none); once paid, `amount` is the amount the buyer paid.",
        "",
        "Error codes: " +
          Object.entries(LYRA_ERRORS)
            .map(([c, m]) => `\`${c}\` ${m}`)
            .join("; "),
      ].join("\n"),
    },
    servers: [{ url: `${appUrl()}/api-payment/V4` }],
    components: {
      securitySchemes: { basic: { type: "http", scheme: "basic", description: "shopId : REST API password (test or production)" } },
    },
    security: [{ basic: [] }],
    paths: Object.fromEntries(
      OPERATIONS.map(([path, summary, request, answer, ours]) => [
        `/${path}`,
        {
          post: {
            operationId: path.replaceAll("/", "_"),
            summary,
            tags: [ours ? "Extensions" : "Lyra V4"],
            parameters:
              path === "Charge/CreatePaymentOrder"
                ? [
                    {
                      name: "Idempotency-Key",
                      in: "header",
                      required: false,
                      schema: { type: "string", maxLength: 255 },
                      description: "Ours: same key + same body within 24 h replays the first answer; another body is refused (PSP_1103).",
                    },
                  ]
                : [],
            requestBody: { required: true, content: { "application/json": { schema: json(request, "input") } } },
            responses: {
              "200": {
                description: "Envelope: SUCCESS with the answer, or ERROR with a WebServiceError.",
                content: { "application/json": { schema: json(v4EnvelopeSchema(z.union([answer, v4ErrorSchema])), "output") } },
              },
            },
          },
        },
      ]),
    ),
  };
  // Issue 21: our own REST endpoints under /api/v1 (same Basic auth), with their own server.
  (cached as { paths: Record<string, unknown> }).paths["/shops/{shopId}/invoice-orders/import"] = invoiceImportPath();
  return cached;
}

/** POST /api/v1/shops/{shopId}/invoice-orders/import: the bulk import of invoice orders. */
function invoiceImportPath() {
  const error = (description: string) => ({
    description,
    content: { "application/json": { schema: json(v1ErrorSchema, "output") } },
  });
  const report = { "application/json": { schema: json(importReportSchema, "output") } };
  return {
    servers: [{ url: `${appUrl()}/api/v1` }],
    post: {
      operationId: "importInvoiceOrders",
      summary: "Ours: import invoice orders from a CSV or XLSX file (the key's mode is the orders' mode).",
      tags: ["Extensions"],
      parameters: [
        { name: "shopId", in: "path", required: true, schema: { type: "string", pattern: "^\\d{8}$" }, description: "The key's shop." },
        {
          name: "dryRun",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["true", "false", "1", "0"] },
          description: "Check the file and report, create nothing.",
        },
      ],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", contentMediaType: "application/octet-stream" } },
            },
          },
        },
      },
      responses: {
        "200": { description: "Imported (or checked, with dryRun): the report.", content: report },
        "422": { description: "Rows in error: nothing created; the report lists them.", content: report },
        "400": error("Bad request: no file, a bad dryRun, or a rule of the shop (reason), in English."),
        "401": error("No or wrong credentials."),
        "404": error("Another shop than the key's."),
        "413": error("The file is too large."),
        "429": error("Over the key's quota (Retry-After)."),
      },
    },
  };
}
