import type { z } from "zod";
import { ENV_SCHEMA, SECRET_VARIABLES } from "./env-schema";

// Configuration read once, validated, with one clear line naming any bad variable:
//   Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL (got "http://x")
// scripts/server.ts and scripts/worker.ts call loadEnvOrExit() first.

export type Env = z.infer<typeof ENV_SCHEMA> & { APP_URL: string };

/** An environment: process.env, or a plain object in tests. */
export type Source = Record<string, string | undefined>;

const DECLARED = Object.keys(ENV_SCHEMA.shape) as (keyof typeof ENV_SCHEMA.shape)[];

/** The declared variables of `source`, an empty (or blank) value read as unset. */
function declared(source: Source): Record<string, string | undefined> {
  return Object.fromEntries(DECLARED.map((k) => [k, source[k]?.trim() ? source[k] : undefined]));
}

/** How a value is quoted in an error: never a secret, never a URL's password, at most 100 characters. */
function shown(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) return "";
  const masked = value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@/\s]*@/i, "$1:***@");
  const cut = masked.length > 100 ? `${masked.slice(0, 100)}…` : masked;
  return ` (got ${JSON.stringify(cut)})`;
}

export type EnvResult = { ok: true; env: Env } | { ok: false; message: string };

/** Validates `source` (default: the process's environment); the first bad variable makes the message. */
export function parseEnv(source: Source = process.env): EnvResult {
  const values = declared(source);
  const parsed = ENV_SCHEMA.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "?");
    const value = values[name];
    const why = value === undefined ? "is not set (see .env.example)" : `${issue?.message}${shown(name, value)}`;
    return { ok: false, message: `Invalid configuration: ${name} ${why}` };
  }
  const appUrl = (parsed.data.APP_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, "");
  return { ok: true, env: { ...parsed.data, APP_URL: appUrl } };
}

let cached: Env | undefined;

/** The validated configuration; throws the one-line message on a bad variable. */
export function env(): Env {
  if (cached) return cached;
  const r = parseEnv();
  if (!r.ok) throw new Error(r.message);
  cached = r.env;
  return cached;
}

/**
 * Start-up: validates the environment, or prints the one line on stderr and exits with 1. Empty
 * declared variables are removed, so that code reading `process.env.X ?? default` agrees with the
 * validation (empty = unset).
 */
export function loadEnvOrExit(): Env {
  const r = parseEnv();
  if (!r.ok) {
    process.stderr.write(`${r.message}\n`);
    process.exit(1);
  }
  for (const k of DECLARED) if (process.env[k] !== undefined && !process.env[k]?.trim()) delete process.env[k];
  cached = r.env;
  return cached;
}

/** Public base URL used in payment links and messages. */
export const appUrl = () => env().APP_URL;
