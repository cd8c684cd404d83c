import crypto from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env";
import { ENV_SCHEMA } from "@/lib/server/env-schema";

const BASE = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/po", APP_SECRET: "unit-test-app-secret-0123456789abcdef" };
const message = (over: Record<string, string | undefined>) => {
  const r = parseEnv({ ...BASE, ...over });
  return r.ok ? null : r.message;
};

describe("configuration validation (lib/server/env.ts)", () => {
  it("accepts the minimum and fills the defaults", () => {
    const r = parseEnv(BASE);
    expect(r.ok && r.env).toMatchObject({ PORT: 3000, APP_URL: "http://localhost:3000", READY_MAX_QUEUE_LAG_SECONDS: 300 });
  });

  it("parses typed values: numbers, schedules, flags, URLs, zones", () => {
    const r = parseEnv({
      ...BASE,
      PORT: "8080",
      APP_URL: "https://pay.example.com/",
      MAIL_RETRY_SCHEDULE: "60, 300,900",
      JOBS_POLL_SECONDS: "0.5",
      START_WORKER: "1",
      SMTP_URL: "smtps://u:p@smtp.example.com:465",
      SMS_SENDER: "+33612345678",
      TZ: "Europe/Paris",
      LOG_LEVEL: "debug",
    });
    expect(r.ok && r.env).toMatchObject({
      PORT: 8080,
      APP_URL: "https://pay.example.com",
      MAIL_RETRY_SCHEDULE: [60, 300, 900],
      JOBS_POLL_SECONDS: 0.5,
      START_WORKER: "1",
      TZ: "Europe/Paris",
    });
  });

  it("one line naming the variable, why, and what it got", () => {
    expect(message({ SMTP_URL: "http://x" })).toBe('Invalid configuration: SMTP_URL must be an smtp:// or smtps:// URL (got "http://x")');
    expect(message({ MAIL_RETRY_SCHEDULE: "60;300" })).toBe(
      'Invalid configuration: MAIL_RETRY_SCHEDULE must be seconds separated by commas, e.g. "60,300,900" (got "60;300")',
    );
    expect(message({ PORT: "80a" })).toBe('Invalid configuration: PORT must be a port number (1-65535) (got "80a")');
    expect(message({ START_WORKER: "yes" })).toBe('Invalid configuration: START_WORKER must be "0" or "1" (got "yes")');
    expect(message({ TZ: "Mars/Olympus" })).toBe(
      'Invalid configuration: TZ must be an IANA time zone such as "UTC" or "Europe/Paris" (got "Mars/Olympus")',
    );
    expect(message({ WEBHOOK_TIMEOUT_MS: "0" })).toBe('Invalid configuration: WEBHOOK_TIMEOUT_MS must be a whole number ≥ 1 (got "0")');
    expect(message({ JOBS_POLL_SECONDS: "0.1" })).toBe('Invalid configuration: JOBS_POLL_SECONDS must be a number ≥ 0.5 (got "0.1")');
    expect(message({ APP_URL: "pay.example.com" })).toBe(
      'Invalid configuration: APP_URL must be an http:// or https:// URL (got "pay.example.com")',
    );
    expect(message({ LOG_LEVEL: "verbose" })).toBe(
      'Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "verbose")',
    );
  });

  it("names a missing required variable", () => {
    expect(message({ DATABASE_URL: undefined })).toBe("Invalid configuration: DATABASE_URL is not set (see .env.example)");
    expect(message({ APP_SECRET: "" })).toBe("Invalid configuration: APP_SECRET is not set (see .env.example)");
  });

  it("never echoes a secret or a URL's password", () => {
    expect(message({ APP_SECRET: "short" })).toBe("Invalid configuration: APP_SECRET must be at least 32 characters (see .env.example)");
    expect(message({ METRICS_TOKEN: "tiny" })).toBe(
      "Invalid configuration: METRICS_TOKEN must be at least 16 characters (see .env.example)",
    );
    // .env.example's own placeholder, copied as it is.
    expect(message({ METRICS_TOKEN: "change-me-to-a-long-random-token" })).toBe(
      "Invalid configuration: METRICS_TOKEN is a placeholder (as in .env.example): set a random value, e.g. `openssl rand -base64 32`",
    );
    expect(message({ DATABASE_URL: "mysql://root:hunter2@db/po" })).toBe(
      'Invalid configuration: DATABASE_URL must be a postgresql:// URL (got "mysql://root:***@db/po")',
    );
  });

  it("secrets: at least 32 characters; .env.example's placeholder and its like refused, in one line that never echoes them", () => {
    const example = fs.readFileSync(".env.example", "utf8").match(/^# APP_SECRET=(.+)$/m)?.[1];
    expect(example).toBe("change-me-to-32-random-bytes");
    const placeholder =
      "Invalid configuration: APP_SECRET is a placeholder (as in .env.example): set a random value, e.g. `openssl rand -base64 32`";
    expect(message({ APP_SECRET: example })).toBe(placeholder);
    for (const like of [
      "change-me-to-a-very-long-random-secret-value",
      "CHANGEME_CHANGEME_CHANGEME_CHANGEME",
      "replace-me-with-32-random-bytes-please",
      "your-app-secret-goes-here-0123456789",
      "x".repeat(40),
    ]) {
      expect(message({ APP_SECRET: like })).toBe(placeholder);
    }
    expect(message({ APP_SECRET: "0123456789abcdef0123456789abcde" })).toBe(
      "Invalid configuration: APP_SECRET must be at least 32 characters (see .env.example)",
    );
    expect(message({ APP_SECRET: "0123456789abcdef0123456789abcdef" })).toBeNull();
    // Generated as scripts/lib/pg.mjs does on a laptop: accepted.
    expect(message({ APP_SECRET: crypto.randomBytes(32).toString("base64url") })).toBeNull();

    expect(message({ NEXTAUTH_SECRET: "change-me" })).toBe(placeholder.replace("APP_SECRET", "NEXTAUTH_SECRET"));
    expect(message({ NEXTAUTH_SECRET: "short-but-random-Zq81" })).toBe(
      "Invalid configuration: NEXTAUTH_SECRET must be at least 32 characters (see .env.example)",
    );
    expect(message({ NEXTAUTH_SECRET: crypto.randomBytes(32).toString("base64") })).toBeNull();
    expect(message({ NEXTAUTH_SECRET: "" })).toBeNull(); // unset: derived from APP_SECRET
  });

  it("REST quotas: whole numbers, calls ≥ 1 and recipients ≥ 0", () => {
    expect(parseEnv({ ...BASE, API_REQUESTS_PER_MINUTE: "1200", API_TEST_RECIPIENTS_PER_HOUR: "0" })).toMatchObject({
      ok: true,
      env: { API_REQUESTS_PER_MINUTE: 1200, API_TEST_RECIPIENTS_PER_HOUR: 0 },
    });
    expect(message({ API_REQUESTS_PER_MINUTE: "0" })).toBe(
      'Invalid configuration: API_REQUESTS_PER_MINUTE must be a whole number ≥ 1 (got "0")',
    );
    expect(message({ API_TEST_RECIPIENTS_PER_HOUR: "lots" })).toBe(
      'Invalid configuration: API_TEST_RECIPIENTS_PER_HOUR must be a whole number ≥ 0 (got "lots")',
    );
  });

  it("reads an empty value as unset (the default applies)", () => {
    const r = parseEnv({ ...BASE, PORT: "", SMTP_URL: " " });
    expect(r.ok && r.env.PORT).toBe(3000);
    expect(r.ok && r.env.SMTP_URL).toBeUndefined();
  });

  it("declares every variable .env.example documents", () => {
    const documented = [...fs.readFileSync(".env.example", "utf8").matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(30);
    expect(documented.filter((v) => !(v! in ENV_SCHEMA.shape))).toEqual([]);
  });
});
