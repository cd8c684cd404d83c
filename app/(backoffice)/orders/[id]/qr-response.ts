// The two QR routes' adapter: session, query → getOrderQr → an attachment (or the error as JSON).
import { getSessionContext } from "@/lib/auth/session";
import { getOrderQr } from "@/lib/orders/get-order-qr";
import { getDb } from "@/lib/server/db";
import { toErrorResponse } from "@/lib/server/errors";

export async function qrResponse(req: Request, { params }: { params: Promise<{ id: string }> }, format: "png" | "svg") {
  const ctx = await getSessionContext();
  if (!ctx) return Response.json({ code: "UNAUTHENTICATED" }, { status: 401 });
  try {
    const size = new URL(req.url).searchParams.get("size");
    const qr = await getOrderQr(getDb(), { actor: ctx.actor, orderId: (await params).id, format, size });
    return new Response(qr.body as BodyInit, {
      headers: {
        "Content-Type": qr.contentType,
        "Content-Disposition": `attachment; filename="${qr.filename}"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (e) {
    const { status, body } = toErrorResponse(e);
    return Response.json(body, { status });
  }
}
