// GET /orders/export.csv — the filtered order list as a CSV download (same parameters as the list; mode=TEST for the TEST list).
import { getSessionContext } from "@/lib/auth/session";
import { translator } from "@/lib/i18n";
import { getUiLanguage } from "@/lib/i18n/server";
import { exportOrdersCsv } from "@/lib/orders/export-orders-csv";
import { orderSearchSchema } from "@/lib/orders/schemas";
import { getDb } from "@/lib/server/db";
import { safeParseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

export async function GET(req: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return new Response("Unauthorized\n", { status: 401, headers: { "Content-Type": "text/plain" } });
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = safeParseInput(orderSearchSchema, params);
  if (!parsed.success) {
    return Response.json({ errors: parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message })) }, { status: 400 });
  }
  const mode = params.mode === "TEST" ? "TEST" : "PRODUCTION";
  const t = translator(await getUiLanguage());
  const stream = exportOrdersCsv(getDb(), { actor: ctx.actor, mode, search: { ...parsed.data, after: undefined }, t });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="payment-orders-${mode.toLowerCase()}-${day}.csv"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
