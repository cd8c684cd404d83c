// Bounds the company settings form shows in the browser: kept apart from schemas.ts, whose URL
// check needs node:net and node:dns (not bundled for the browser).

/** Highest low-credit alert threshold a company may set. */
export const MAX_SMS_THRESHOLD = 1_000_000;
