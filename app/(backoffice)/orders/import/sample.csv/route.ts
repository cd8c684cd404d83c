// GET /orders/import/sample.csv — the import's sample file (3 rows, validity dates that import as they are).
import { csvDownload, today, unauthorized } from "@/app/(backoffice)/csv-download";
import { getSessionContext } from "@/lib/auth/session";
import { importSampleCsv } from "@/lib/invoices/import-sample";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!(await getSessionContext())) return unauthorized();
  return csvDownload(importSampleCsv(today()), "invoice-orders-sample.csv");
}
