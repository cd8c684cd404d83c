// GET /orders/[id]/qr.png?size=256|512|1024 — the payment link as a downloadable QR code (PNG).
import { qrResponse } from "../qr-response";

export const GET = (req: Request, ctx: { params: Promise<{ id: string }> }) => qrResponse(req, ctx, "png");
