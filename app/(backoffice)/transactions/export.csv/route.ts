// GET /transactions/export.csv — the filtered transactions list as a CSV download, refunds included (same parameters as the list).
import { csvDownload, today, unauthorized } from "@/app/(backoffice)/csv-download";
import { getSessionContext } from "@/lib/auth/session";
import { exportTransactionsCsv } from "@/lib/payments/export-transactions-csv";
import { parseTransactionSearch } from "@/lib/payments/schemas";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return unauthorized();
  const { search, errors } = parseTransactionSearch(Object.fromEntries(new URL(req.url).searchParams));
  if (Object.keys(errors).length) return Response.json({ errors }, { status: 400 });
  const stream = exportTransactionsCsv(getDb(), { actor: ctx.actor, filters: search.filters });
  return csvDownload(stream, `transactions-${today()}.csv`);
}
