import type { Queue } from "pg-boss";

// Every background queue, its retry policy, in one place. Payloads carry ids only; handlers
// re-read state and are idempotent.
export const QUEUES = {
  expireOrdersSweep: {
    name: "orders.expire-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
} as const;
