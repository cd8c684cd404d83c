// GET /analytics/export.csv — the dashboard's figures for the same shop, mode and period.
import { csvDownload, unauthorized } from "@/app/(backoffice)/csv-download";
import { dashboardCsv, getDashboard } from "@/lib/analytics/get-dashboard";
import { parseDashboardQuery } from "@/lib/analytics/schemas";
import { getSessionContext } from "@/lib/auth/session";
import { currencyExponent } from "@/lib/money/currencies";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return unauthorized();
  const { actor } = ctx;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const { query, errors } = parseDashboardQuery(params);
  if (Object.keys(errors).length) return Response.json({ errors }, { status: 400 });
  try {
    const d = await getDashboard(getDb(), { actor, query });
    return csvDownload(dashboardCsv(d, currencyExponent), `analytics-${d.shop.id}-${d.mode.toLowerCase()}-${d.from}-${d.to}.csv`);
  } catch (e) {
    if (isAppError(e) && e.code === "NOT_FOUND") return new Response("Not found", { status: 404 });
    throw e;
  }
}
