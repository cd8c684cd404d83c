// `npm run worker`: a worker process alone (scale out: run several against one database).
import { stopBoss } from "../lib/server/jobs/boss";
import { startWorker } from "../lib/server/jobs/worker";

process.env.PO_WORKER = "1";
await startWorker();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, async () => {
    console.log(`[worker] ${signal}: finishing active jobs`);
    await stopBoss();
    process.exit(0);
  });
}
