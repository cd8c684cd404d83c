// POST /api-payment/V4/<service> — the Lyra-compatible REST web services (lib/lyra-api).
import { handleV4 } from "@/lib/lyra-api/handler";

export async function POST(req: Request, { params }: { params: Promise<{ service: string[] }> }) {
  return handleV4((await params).service.join("/"), req);
}
