// GET /orders/export.csv — the filtered order list as a CSV download (same parameters as the list; mode=TEST for the TEST list).
import { csvDownload, invalidSearch, today, unauthorized } from "@/app/(backoffice)/csv-download";
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
  if (!ctx) return unauthorized();
  const params = Object.fromEntries(new URL(req.url).searchParams);
  const parsed = safeParseInput(orderSearchSchema, params);
  if (!parsed.success) {
    return invalidSearch(parsed.error.issues);
  }
  const mode = params.mode === "TEST" ? "TEST" : "PRODUCTION";
  const t = translator(await getUiLanguage());
  const stream = exportOrdersCsv(getDb(), { actor: ctx.actor, mode, search: { ...parsed.data, after: undefined }, t });
  return csvDownload(stream, `payment-orders-${mode.toLowerCase()}-${today()}.csv`);
}
