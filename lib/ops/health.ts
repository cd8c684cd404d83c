import fs from "node:fs";
import path from "node:path";

let version: string | undefined;

/** The application's version (package.json), read once. */
export function appVersion(): string {
  if (version === undefined) {
    try {
      version = String(JSON.parse(fs.readFileSync(path.join(process.cwd(), "package.json"), "utf8")).version ?? "unknown");
    } catch {
      version = "unknown";
    }
  }
  return version;
}

/** GET /api/health's body: liveness only, no database (readiness is /api/ready). */
export const health = () => ({ status: "ok" as const, uptimeSeconds: Math.round(process.uptime()), version: appVersion() });
