import { describe, expect, it } from "vitest";
import { isPrettyLogFormat } from "@/lib/server/logger";
import { demoDataDecision } from "@/scripts/lib/demo-policy.mjs";
import { formatBanner } from "@/scripts/ready-banner";

describe("demo data decision (issue 19)", () => {
  it("seeds the embedded database, and a given one only when asked", () => {
    expect(demoDataDecision({ embedded: true, env: {} })).toEqual({ seed: true, refusal: null });
    expect(demoDataDecision({ embedded: false, env: {} })).toEqual({ seed: false, refusal: null });
    expect(demoDataDecision({ embedded: false, env: { DEMO_DATA: "1" } })).toEqual({ seed: true, refusal: null });
    expect(
      demoDataDecision({ embedded: false, env: { DEMO_DATA: "1", NODE_ENV: "production", APP_URL: "http://localhost:3000" } }).seed,
    ).toBe(true);
  });
  it("refuses DEMO_DATA=1 on a production https server", () => {
    const d = demoDataDecision({ embedded: false, env: { DEMO_DATA: "1", NODE_ENV: "production", APP_URL: "HTTPS://pay.example.com" } });
    expect(d.seed).toBe(false);
    expect(d.refusal).toMatch(/^\[start\] DEMO_DATA=1 refused: [^\n]+$/);
  });
});

describe("ready banner and log format", () => {
  it("names APP_URL, the setup link or the demo sign-ins, mail and SMS", () => {
    const base = { appUrl: "https://pay.example.com", mail: "SMTP server mail.example.com", sms: "sandbox" };
    const setup = formatBanner({ ...base, setupUrl: "https://pay.example.com/setup/abc", demo: null });
    expect(setup).toContain("https://pay.example.com/setup/abc");
    expect(setup).not.toContain("0.0.0.0");
    const demo = formatBanner({ ...base, setupUrl: null, demo: [{ email: "admin@demo.test", password: "demo-admin-1", role: "admin" }] });
    expect(demo).toMatch(/admin@demo\.test\s+demo-admin-1\s+admin/);
    expect(demo).toContain("E-mail: SMTP server mail.example.com");
  });
  it("pretty on a terminal or when asked, JSON otherwise", () => {
    expect(isPrettyLogFormat({}, true)).toBe(true);
    expect(isPrettyLogFormat({}, false)).toBe(false);
    expect(isPrettyLogFormat({ LOG_FORMAT: "pretty" }, false)).toBe(true);
    expect(isPrettyLogFormat({ LOG_FORMAT: "json" }, true)).toBe(false);
  });
});
