// POST /api/sandbox/whatsapp/{phoneNumberId}/messages — the built-in WhatsApp gateway (Cloud API shape).
import { receiveSandboxWhatsApp } from "@/lib/channels/sandbox-whatsapp-gateway";
import { getDb } from "@/lib/server/db";

export async function POST(request: Request, { params }: { params: Promise<{ phoneNumberId: string }> }) {
  const body = await request.json().catch(() => null);
  const answer = await receiveSandboxWhatsApp(getDb(), {
    phoneNumberId: (await params).phoneNumberId,
    authorization: request.headers.get("authorization"),
    shopId: request.headers.get("x-shop-id"),
    body,
  });
  return Response.json(answer.body, { status: answer.status });
}
