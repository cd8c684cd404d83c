// GET /api/health — liveness: the process answers (scripts/server.ts answers it before Next; this
// route serves the same body under a bare `next start`).
import { health } from "@/lib/ops/health";

export function GET() {
  return Response.json(health());
}
