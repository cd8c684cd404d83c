// GET /settings/audit-log/export.csv — the audit log for the same filters as a streamed CSV download (administrators only).
import { csvDownload, invalidSearch, today } from "@/app/(backoffice)/csv-download";
import { exportAuditCsv } from "@/lib/audit/export-audit-csv";
import { auditSearchSchema } from "@/lib/audit/schemas";
import { hasRole } from "@/lib/auth/actor";
import { getSessionContext } from "@/lib/auth/session";
import { getDb } from "@/lib/server/db";
import { safeParseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain" } });

export async function GET(req: Request) {
  const ctx = await getSessionContext();
  if (!ctx) return text("Unauthorized\n", 401);
  // Like the page: what a non-administrator may not open does not exist.
  if (!hasRole(ctx.actor, "ADMIN")) return text("Not found\n", 404);
  const parsed = safeParseInput(auditSearchSchema, Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) {
    return invalidSearch(parsed.error.issues);
  }
  const stream = await exportAuditCsv(getDb(), { actor: ctx.actor, filters: parsed.data.filters });
  return csvDownload(stream, `audit-log-${today()}.csv`);
}
