import { z } from "zod";
import type { JobQueue } from "../server/jobs/define";

// What lib/users enqueues (the worker's side is jobs.ts). A link's e-mail: the token row's id and
// the token itself sealed with APP_SECRET (AES-256-GCM, lib/server/secrets.ts) — the worker must
// write the link, and the job table must not hold a usable one in clear.
export const userTokenMailQueue: JobQueue<{ tokenId: string; sealedToken: string }> = {
  name: "users.token-mail",
  payload: z.object({ tokenId: z.string(), sealedToken: z.string() }),
  queue: { retryLimit: 10, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
};
