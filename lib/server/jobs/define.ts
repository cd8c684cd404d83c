import type { Job, WorkOptions } from "pg-boss";
import type { Db } from "../db";
import type { JobQueue } from "./queue-def";

export type { EnqueueOptions, JobQueue, QueueOptions } from "./queue-def";

/**
 * One background job as its domain declares it (lib/<domain>/jobs.ts): the queue's name, the
 * payload's schema (checked when enqueued), the queue's retry policy, and — for the worker — its
 * handler, fetch options and cron schedule. Payloads carry ids; handlers re-read state.
 */
export type JobDef<P extends object = object> = JobQueue<P> & {
  /** How the worker fetches (batch size, concurrency, polling). */
  work?: () => WorkOptions;
  /** The worker's handler, given a batch (one job unless `work` asks for more). */
  handle?: (db: Db, jobs: Job<P>[]) => Promise<unknown>;
  /** A cron expression (UTC): the worker schedules the job itself. */
  schedule?: string;
};

export const defineJob = <P extends object>(def: JobDef<P>): JobDef<P> => def;
