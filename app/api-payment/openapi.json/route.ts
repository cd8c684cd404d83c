// GET /api-payment/openapi.json — the OpenAPI 3.1 document of the V4 services.
import { openApiDocument } from "@/lib/lyra-api/openapi";

export function GET() {
  return Response.json(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
