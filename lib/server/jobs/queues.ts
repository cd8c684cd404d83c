import type { Queue } from "pg-boss";

// Every background queue, its retry policy, in one place. Payloads carry ids only; handlers
// re-read state and are idempotent.
export const QUEUES = {
  expireOrdersSweep: {
    name: "orders.expire-sweep",
    options: { policy: "singleton", retryLimit: 0 } satisfies Omit<Queue, "name">,
  },
  // Sends an order's message on its channel (e-mail, SMS, WhatsApp). Handlers come with the
  // channel issues; until then jobs wait in the queue and the order reads "in progress".
  deliverOrder: {
    name: "channels.deliver-order",
    options: { retryLimit: 10, retryBackoff: true, retryDelay: 30 } satisfies Omit<Queue, "name">,
  },
} as const;

export type DeliverOrderJob = { orderId: string; kind: "ORDER" | "RESEND" };
