// POST /api/sandbox/sms/2010-04-01/Accounts/{login}/Messages.json — the built-in SMS gateway (Twilio API shape).
import { receiveSandboxSms, scheduleSandboxStatus } from "@/lib/channels/sandbox-sms-gateway";
import { getDb } from "@/lib/server/db";

export async function POST(request: Request, { params }: { params: Promise<{ login: string }> }) {
  const form = await request.formData().catch(() => new FormData());
  const fields = Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]));
  const { answer, callback } = await receiveSandboxSms(getDb(), {
    login: decodeURIComponent((await params).login),
    authorization: request.headers.get("authorization"),
    shopId: request.headers.get("x-shop-id"),
    params: fields,
  });
  if (callback) scheduleSandboxStatus(getDb(), callback);
  return Response.json(answer.body, { status: answer.status });
}
