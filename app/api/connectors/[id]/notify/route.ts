// POST /api/connectors/<shopConnectorId>/notify — a payment processor's notification, under a bare
// `next start` (the server front answers it first otherwise: lib/composition/front-routes.ts).
import { handleConnectorNotification } from "@/lib/payments/connectors/handle-notification";
import { getDb } from "@/lib/server/db";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => {
    headers[k] = v;
  });
  const r = await handleConnectorNotification(getDb(), {
    shopConnectorId: (await params).id,
    method: "POST",
    headers,
    rawBody: (await request.text()).slice(0, 64 * 1024),
  });
  return new Response(r.body, { status: r.status, headers: r.headers });
}
