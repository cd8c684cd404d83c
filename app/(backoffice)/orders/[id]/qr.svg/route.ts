// GET /orders/[id]/qr.svg?size=256|512|1024 — the payment link as a downloadable QR code (SVG).
import { qrResponse } from "../qr-response";

export const GET = (req: Request, ctx: { params: Promise<{ id: string }> }) => qrResponse(req, ctx, "svg");
