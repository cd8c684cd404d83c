import type { Job, Queue, WorkOptions } from "pg-boss";
import type { z } from "zod";
import type { Db } from "../db";

export type QueueOptions = Omit<Queue, "name">;

/**
 * One background job as its domain declares it (lib/<domain>/jobs.ts): the queue's name, the
 * payload's schema (checked when enqueued), the queue's retry policy, and — for the worker — its
 * handler, fetch options and cron schedule. Payloads carry ids; handlers re-read state.
 */
export type JobDef<P extends object = object> = {
  name: string;
  payload: z.ZodType<P>;
  /** pg-boss queue options (policy, retries, expiry); a function when they follow the configuration. */
  queue: QueueOptions | (() => QueueOptions);
  /** How the worker fetches (batch size, concurrency, polling). */
  work?: () => WorkOptions;
  /** The worker's handler, given a batch (one job unless `work` asks for more). */
  handle?: (db: Db, jobs: Job<P>[]) => Promise<unknown>;
  /** A cron expression (UTC): the worker schedules the job itself. */
  schedule?: string;
};

export const defineJob = <P extends object>(def: JobDef<P>): JobDef<P> => def;

// biome-ignore lint/suspicious/noExplicitAny: any job's options
export const queueOptions = (def: JobDef<any>): QueueOptions => (typeof def.queue === "function" ? def.queue() : def.queue);

/** What a producer may say of when and how its job runs. */
export type EnqueueOptions = { startAfter?: Date; singletonKey?: string };
