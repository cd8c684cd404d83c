// POST /orders/import/run?shopId=&mode=&dryRun=true — the import page's upload (XMLHttpRequest, for its progress bar): the report as JSON, 422 when a row is invalid.
import { getSessionContext } from "@/lib/auth/session";
import { importInvoiceOrders } from "@/lib/invoices/import-invoice-orders";
import { importReportSchema, importTargetSchema, MAX_IMPORT_BYTES } from "@/lib/invoices/schemas";
import { isSameOrigin } from "@/lib/security/same-origin";
import { getDb } from "@/lib/server/db";
import { AppError, toErrorResponse } from "@/lib/server/errors";
import { readUploadedFile } from "@/lib/server/read-upload";
import { safeParseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

const json = (body: unknown, status: number) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(req: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return json({ code: "UNAUTHENTICATED", message: "err_forbidden" }, 401);
  if (!isSameOrigin(req)) return json({ code: "FORBIDDEN", message: "err_forbidden" }, 403);
  const target = safeParseInput(importTargetSchema, Object.fromEntries(new URL(req.url).searchParams));
  if (!target.success) return json({ code: "VALIDATION", message: "invalid_input" }, 400);
  const upload = await readUploadedFile(req, MAX_IMPORT_BYTES);
  if (!upload.ok) {
    const tooLarge = upload.status === 413;
    const r = toErrorResponse(
      new AppError(tooLarge ? "PAYLOAD_TOO_LARGE" : "VALIDATION", upload.message, {
        publicMessage: tooLarge ? "import_err_too_large" : "import_err_no_file",
      }),
    );
    return json(r.body, r.status);
  }
  try {
    const report = await importInvoiceOrders(getDb(), { actor: ctx.actor, ...target.data, file: upload.bytes });
    return json(importReportSchema.parse(report), report.errorCount ? 422 : 200);
  } catch (e) {
    const r = toErrorResponse(e);
    return json(r.body, r.status);
  }
}
