import crypto from "node:crypto";

/** A 3-D Secure challenge: how long the buyer has, and how many codes they may type. */
export const CHALLENGE_LIMITS = { minutes: 10, attempts: 3 };

/** The one-time code as stored: its SHA-256 digest, never the code. */
export const challengeCodeDigest = (code: string) => crypto.createHash("sha256").update(code).digest("hex");
