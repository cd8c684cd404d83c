import { z } from "zod";
import { defineJob } from "../server/jobs/define";
import { logger } from "../server/logger";

// Every minute; the buyer page and lists already treat a passed validity as expired.
export const expireOrdersSweep = defineJob({
  name: "orders.expire-sweep",
  payload: z.object({}),
  queue: { policy: "singleton", retryLimit: 0 },
  schedule: "* * * * *",
  handle: async (db) => {
    const n = await (await import("./expire-orders")).expireOrders(db);
    if (n) logger.info({ component: "jobs", expired: n }, "orders expired");
  },
});

export const orderJobs = [expireOrdersSweep];
