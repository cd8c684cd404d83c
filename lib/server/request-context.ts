import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";

// The request id of the HTTP request (or the jobs) being handled, carried through async calls so
// that log lines and the jobs a request queues can name it. One AsyncLocalStorage per process on
// globalThis: Next's bundles and scripts/server.ts load this module separately.

export type RequestContext = {
  requestId?: string;
  /** Fields the access log line of this request adds (orderId, shopId…), set by the handlers. */
  fields: Record<string, string | number | undefined>;
  /** A batch of jobs: the request id that queued each, by message or delivery id. */
  jobRequestIds?: Map<string, string>;
};

const g = globalThis as unknown as { poRequestContext?: AsyncLocalStorage<RequestContext> };
g.poRequestContext ??= new AsyncLocalStorage<RequestContext>();
const storage = g.poRequestContext;

const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** An incoming X-Request-Id when it is a short safe token (it is logged and echoed), else a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === "string" && SAFE_ID.test(header) ? header : crypto.randomUUID();
}

export const runWithContext = <T>(ctx: RequestContext, fn: () => T): T => storage.run(ctx, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

/** Adds fields to the current request's access log line (no-op outside a request). */
export function annotateRequest(fields: RequestContext["fields"]) {
  const ctx = storage.getStore();
  if (ctx) Object.assign(ctx.fields, fields);
}

/** The request id that queued the job of this message/delivery id, in a job batch; else the current one. */
export function jobRequestId(id: string): string | undefined {
  const ctx = storage.getStore();
  return ctx?.jobRequestIds?.get(id) ?? ctx?.requestId;
}

/** Job data with the current request id added, when there is one (so the worker's lines name it). */
export function withRequestId<T extends object>(data: T): T & { requestId?: string } {
  const requestId = currentRequestId();
  return requestId ? { ...data, requestId } : data;
}
