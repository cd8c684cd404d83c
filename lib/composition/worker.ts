import { recoverMessages } from "../channels/recover-messages";
import { retentionConfig } from "../retention/retention-config";
import { getDb } from "../server/db";
import { startWorker as startJobs } from "../server/jobs/worker";
import { logger } from "../server/logger";
import { allJobs } from "./jobs";

/** Starts this process's worker: every domain's jobs, then the re-queue of a dead worker's messages. */
export async function startWorker() {
  // Retention (docs/operations.md): a malformed RETENTION_* stops the worker now, not at 03:17.
  retentionConfig();
  await startJobs(allJobs);
  await recoverMessages(getDb()).catch((err) => logger.error({ err, component: "jobs" }, "recovery at start failed"));
}
