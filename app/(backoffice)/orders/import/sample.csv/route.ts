// GET /orders/import/sample.csv — the import's sample file (3 rows, validity dates that import as they are).
import { getSessionContext } from "@/lib/auth/session";
import { importSampleCsv } from "@/lib/invoices/import-sample";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await getSessionContext())) return new Response("Unauthorized\n", { status: 401, headers: { "Content-Type": "text/plain" } });
  return new Response(importSampleCsv(new Date().toISOString().slice(0, 10)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="invoice-orders-sample.csv"',
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
