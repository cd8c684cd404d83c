// POST /api/v1/shops/{shopId}/invoice-orders/import[?dryRun=true] — bulk import of invoice orders over REST (Basic auth: the shop's REST keys; the key's mode is the orders' mode).
import { importInvoiceOrders } from "@/lib/invoices/import-invoice-orders";
import { importQuerySchema, importReportSchema, MAX_IMPORT_BYTES } from "@/lib/invoices/schemas";
import { authenticateBasic } from "@/lib/lyra-api/authenticate";
import { requestOverQuota } from "@/lib/lyra-api/quotas";
import { toV1ErrorResponse } from "@/lib/lyra-api/v1-error";
import { getDb } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { readUploadedFile } from "@/lib/server/read-upload";
import { safeParseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });

export async function POST(req: Request, { params }: { params: Promise<{ shopId: string }> }) {
  const shop = await authenticateBasic(getDb(), req.headers.get("authorization"));
  if (!shop) {
    return json({ code: "UNAUTHENTICATED", message: "HTTP Basic <shopId>:<REST API password> expected" }, 401, {
      "WWW-Authenticate": 'Basic realm="payment-orders", charset="UTF-8"',
    });
  }
  const over = requestOverQuota(shop);
  if (over)
    return json({ code: "RATE_LIMITED", message: over.detailedErrorMessage }, 429, { "Retry-After": String(over.retryAfterSeconds) });
  const { shopId } = await params;
  // Another shop than the key's: as if it did not exist.
  if (shopId !== shop.id) return json({ code: "NOT_FOUND", message: "Not found" }, 404);
  const query = safeParseInput(importQuerySchema, Object.fromEntries(new URL(req.url).searchParams));
  if (!query.success) return json({ code: "VALIDATION", message: "dryRun must be true or false" }, 400);
  const upload = await readUploadedFile(req, MAX_IMPORT_BYTES);
  if (!upload.ok) {
    const r = toV1ErrorResponse(new AppError(upload.status === 413 ? "PAYLOAD_TOO_LARGE" : "VALIDATION", upload.message));
    return json(r.body, r.status);
  }
  try {
    const report = await importInvoiceOrders(getDb(), {
      actor: { type: "API_KEY", shopId: shop.id, mode: shop.mode },
      shopId: shop.id,
      mode: shop.mode,
      file: upload.bytes,
      dryRun: query.data.dryRun,
    });
    return json(importReportSchema.parse(report), report.errorCount ? 422 : 200);
  } catch (e) {
    const r = toV1ErrorResponse(e);
    return json(r.body, r.status);
  }
}
