// Between the two steps of a sign-in with two-factor on, the browser holds a ticket, not a
// session: who passed the password, the session version then, and until when (5 minutes), signed
// with a key derived from APP_SECRET. It opens nothing but the second step.
import crypto from "node:crypto";
import { deriveSecret } from "../server/secrets";

const TTL_MS = 5 * 60_000;
const sign = (body: string) => crypto.createHmac("sha256", deriveSecret("second-factor-ticket")).update(body).digest("base64url");

export function issueSecondFactorTicket(userId: string, sessionVersion: number, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ u: userId, v: sessionVersion, e: now + TTL_MS })).toString("base64url");
  return `${body}.${sign(body)}`;
}

/** The ticket's user and session version, or null when forged, malformed or expired. */
export function readSecondFactorTicket(ticket: string, now = Date.now()): { userId: string; sessionVersion: number } | null {
  const [body, mac] = ticket.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const t = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as { u?: unknown; v?: unknown; e?: unknown };
    if (typeof t.u !== "string" || typeof t.v !== "number" || typeof t.e !== "number" || t.e < now) return null;
    return { userId: t.u, sessionVersion: t.v };
  } catch {
    return null;
  }
}
