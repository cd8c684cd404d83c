// GET /orders/[id]/qr.png — the payment link as a downloadable QR code.
import { getSessionContext } from "@/lib/auth/session";
import { getOrderOrThrow } from "@/lib/orders/get-order";
import { qrPng } from "@/lib/orders/payment-link";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/errors";

export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await getSessionContext();
  if (!ctx) return Response.json({ code: "UNAUTHENTICATED" }, { status: 401 });
  try {
    const order = await getOrderOrThrow(getDb(), { actor: ctx.actor, orderId: (await params).id });
    const size = Math.min(2048, Math.max(128, Number(new URL(req.url).searchParams.get("size")) || 512));
    const png = await qrPng(order.paymentUrl, size);
    return new Response(new Uint8Array(png), {
      headers: {
        "Content-Type": "image/png",
        "Content-Disposition": `attachment; filename="payment-${order.reference ?? order.id}.png"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    return Response.json(body, { status });
  }
}
