// POST /api/channels/sms/status?message=<id> — SMS delivery reports (signed StatusCallback).
import { recordSmsStatus } from "@/lib/channels/record-sms-status";
import { getDb } from "@/lib/server/db";
import { appUrl } from "@/lib/server/env";

const STATUS = { recorded: 204, unchanged: 204, invalid: 400, not_found: 404, forbidden: 403 } as const;

export async function POST(request: Request) {
  const url = new URL(request.url);
  const form = await request.formData().catch(() => new FormData());
  const result = await recordSmsStatus(getDb(), {
    // The provider signed the URL it was given (built from APP_URL), not the one a proxy forwards.
    url: `${appUrl()}${url.pathname}${url.search}`,
    messageId: url.searchParams.get("message"),
    params: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)])),
    signature: request.headers.get("x-twilio-signature"),
  });
  return new Response(null, { status: STATUS[result] });
}
