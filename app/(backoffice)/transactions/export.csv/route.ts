// GET /transactions/export.csv — the filtered transactions list as a CSV download, refunds included (same parameters as the list).
import { getSessionContext } from "@/lib/auth/session";
import { exportTransactionsCsv } from "@/lib/payments/export-transactions-csv";
import { parseTransactionSearch } from "@/lib/payments/schemas";
import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return new Response("Unauthorized\n", { status: 401, headers: { "Content-Type": "text/plain" } });
  const { search, errors } = parseTransactionSearch(Object.fromEntries(new URL(req.url).searchParams));
  if (Object.keys(errors).length) return Response.json({ errors }, { status: 400 });
  const stream = exportTransactionsCsv(getDb(), { actor: ctx.actor, filters: search.filters });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="transactions-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
