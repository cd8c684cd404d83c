import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";
import { currentRequestId } from "./request-context";

// Structured JSON logs (or pretty lines on a terminal: isPrettyLogFormat), one line per event, on stdout: {"level":"info","time":"…","pid":…,
// "hostname":"…","reqId":"…","msg":"…", …fields}. The current request id is added to every line
// written while a request (or a job it queued) is handled. Secret-looking fields are redacted by
// name, and a card-number-like digit run that slipped into a message is masked before writing.

const SECRET_KEYS = [
  "authorization",
  "cookie",
  "set-cookie",
  "password",
  "passwordHash",
  "token",
  "accessToken",
  "apiKey",
  "key",
  "secret",
  "hmacKey",
  "hashKey",
  "cardNumber",
  "pan",
  "cvc",
  "cvv",
  "kr-hash",
  "html",
  "body",
  "payload",
];
const SECRET = new Set(SECRET_KEYS);
const CENSOR = "[Redacted]";

/**
 * A secret-named key (SECRET_KEYS) at the top level, one or two levels down, in objects and
 * arrays, censored, applied to a line's fields before they are written, copying only
 * what holds a secret (the caller's objects are never changed). Done here rather than by pino's
 * `redact` option: with wildcard-first paths pino ran its redactor on every field of every line,
 * ~5 % of the REST API's CPU per request (docs/benchmarks.md); a line of plain fields now costs
 * one key lookup per field.
 */
export function redactSecrets<T extends object>(obj: T): T {
  return redactLevel(obj, 0) as T;
}

function redactLevel(o: object, depth: number): object {
  let out: Record<string, unknown> | null = null;
  for (const key of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[key];
    let next = v;
    if (SECRET.has(key)) next = CENSOR;
    else if (depth < 2 && v !== null && typeof v === "object") next = redactLevel(v, depth + 1);
    if (next !== v) {
      out ??= copyOf(o);
      out[key] = next;
    }
  }
  return out ?? o;
}

/** A copy to write the censored values in: an array stays an array, an error keeps its message, name and stack. */
function copyOf(o: object): Record<string, unknown> {
  if (Array.isArray(o)) return [...o] as unknown as Record<string, unknown>;
  const c = Object.assign(Object.create(Object.getPrototypeOf(o)), o);
  if (o instanceof Error) Object.assign(c, { message: o.message, name: o.name, stack: o.stack });
  return c;
}

/** Luhn check of a digit string. */
function isLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

const PAN_LIKE = /\b\d(?:[ -]?\d){12,18}\b/g;
/** Masks card-number-like runs (13-19 digits, Luhn-valid, spaces or dashes allowed) to first 6 + last 4. */
export function maskCardNumbers(s: string): string {
  return s.replace(PAN_LIKE, (m) => {
    const d = m.replace(/[ -]/g, "");
    return isLuhn(d) ? `${d.slice(0, 6)}******${d.slice(-4)}` : m;
  });
}

// Where lines go: stdout, or a test's stream (setLogDestination). A forwarding object, so the
// logger itself never changes.
// Buffered (4 KB) rather than a write(2) per line: on a busy buyer page that system call per
// request cost ~10 ms of p95 (docs/benchmarks.md). Flushed on exit, so a stopping process keeps
// its last lines; a killed one may lose up to 4 KB.
const json = pino.destination({ fd: 1, sync: false, minLength: 4096 });
process.once("exit", () => {
  try {
    json.flushSync();
  } catch {}
});

/**
 * Lines a person reads (pino-pretty) on a terminal or with LOG_FORMAT=pretty; JSON otherwise
 * (LOG_FORMAT=json forces it on a terminal too). The same redaction and card masking run before.
 */
export function isPrettyLogFormat(env: Record<string, string | undefined> = process.env, isTty = Boolean(process.stdout.isTTY)): boolean {
  if (env.LOG_FORMAT === "pretty") return true;
  if (env.LOG_FORMAT === "json") return false;
  return isTty && !env.VITEST;
}
const stdout: DestinationStream = isPrettyLogFormat()
  ? pretty({ colorize: Boolean(process.stdout.isTTY), translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname", sync: true })
  : json;
const g = globalThis as unknown as { poLogger?: Logger; poLogSink?: DestinationStream };
const sink: DestinationStream = { write: (s: string) => (g.poLogSink ?? stdout).write(s) };

function defaultLevel() {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  // Unit and integration tests: their output stays readable (logging tests set their own level).
  return process.env.VITEST ? "warn" : "info";
}

function createLogger(): Logger {
  return pino(
    {
      level: defaultLevel(),
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }), log: redactSecrets },
      // An explicit reqId (a job's) wins: pino merges the call's fields over the mixin's.
      mixin() {
        const reqId = currentRequestId();
        return reqId ? { reqId } : {};
      },
      hooks: { streamWrite: maskCardNumbers },
    },
    sink,
  );
}

/** The process's logger (one per process, shared by Next's bundles and the server). */
g.poLogger ??= createLogger();
export const logger: Logger = g.poLogger;

/** Tests: send the lines to `stream` (null: back to stdout), at `level`. */
export function setLogDestination(stream: DestinationStream | null, level?: string) {
  g.poLogSink = stream ?? undefined;
  if (level) logger.level = level;
}
