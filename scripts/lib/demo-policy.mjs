// Whether `npm start` / `npm run dev` load the demo tenants (issue 19). The embedded database is the
// newcomer's path: demo data. A database of one's own (DATABASE_URL) gets nothing demo unless asked
// (DEMO_DATA=1, or `npm run db:seed`); a production server on https refuses DEMO_DATA=1, since the
// demo's passwords and API keys are published in the README.

/** @param {{ embedded: boolean, env: Record<string, string | undefined> }} input */
export function demoDataDecision({ embedded, env }) {
  const asked = env.DEMO_DATA === "1" || env.DEMO_DATA === "true";
  if (asked && env.NODE_ENV === "production" && /^https:\/\//i.test(env.APP_URL ?? "")) {
    return {
      seed: false,
      refusal:
        "[start] DEMO_DATA=1 refused: NODE_ENV=production with an https APP_URL (the demo's passwords and API keys are public). Unset DEMO_DATA.",
    };
  }
  return { seed: embedded || asked, refusal: null };
}
