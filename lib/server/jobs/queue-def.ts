import type { Queue } from "pg-boss";
import type { z } from "zod";

export type QueueOptions = Omit<Queue, "name">;

/** What a producer needs of a job: its queue's name and policy, and its payload's schema. */
export type JobQueue<P extends object = object> = {
  name: string;
  payload: z.ZodType<P>;
  /** pg-boss queue options (policy, retries, expiry); a function when they follow the configuration. */
  queue: QueueOptions | (() => QueueOptions);
};

// biome-ignore lint/suspicious/noExplicitAny: any job's options
export const queueOptions = (def: JobQueue<any>): QueueOptions => (typeof def.queue === "function" ? def.queue() : def.queue);

/** What a producer may say of when and how its job runs. */
export type EnqueueOptions = { startAfter?: Date; singletonKey?: string };
