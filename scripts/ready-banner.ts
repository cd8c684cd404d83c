// The block `npm start` prints once the server answers (issue 19): where to open it, how to sign
// in (the demo's accounts, or the first run's one-time setup link), where mail and SMS go. Plain
// text on stderr, apart from the log lines (JSON for a collector, or pretty on a terminal).
import { issueSetupToken } from "../lib/platform/setup-token";
import type { Db } from "../lib/server/db";
import { DEMO } from "../prisma/demo-data";
import { DEMO_PLATFORM } from "../prisma/seed-extras";

export type BannerFacts = {
  appUrl: string;
  setupUrl: string | null;
  demo: { email: string; password: string; role: string }[] | null;
  mail: string;
  sms: string;
};

/** host[:port] of a URL, never its user name or password. */
const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return "(unreadable URL)";
  }
};

/** What the banner says; on an empty platform this issues the setup link (printed only here). */
export async function gatherBannerFacts(db: Db, env: Record<string, string | undefined> = process.env): Promise<BannerFacts> {
  const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
  const token = await issueSetupToken(db);
  const demoUsers = [...DEMO.users, DEMO_PLATFORM.user];
  const present = token
    ? []
    : await db.user.findMany({ where: { email: { in: demoUsers.map((u) => u.email) }, disabledAt: null }, select: { email: true } });
  const demo = demoUsers
    .filter((u) => present.some((p) => p.email === u.email))
    .map((u) => ({
      email: u.email,
      password: u.password,
      role: u.email === DEMO_PLATFORM.user.email ? "platform operator" : u.role.toLowerCase(),
    }));
  return {
    appUrl,
    setupUrl: token ? `${appUrl}/setup/${token}` : null,
    demo: demo.length ? demo : null,
    mail: env.SMTP_URL ? `SMTP server ${hostOf(env.SMTP_URL)}` : `caught, not sent: read them in the back office, ${appUrl}/mailbox`,
    sms: env.SMS_PROVIDER_URL
      ? `SMS provider ${hostOf(env.SMS_PROVIDER_URL)} (or a company's own account)`
      : `sandbox, not sent: ${appUrl}/outbox (unless a company sets its own SMS account)`,
  };
}

export function formatBanner(f: BannerFacts): string {
  const lines = ["", "─".repeat(72), `  Payment orders is ready: ${f.appUrl}`, ""];
  if (f.setupUrl) {
    lines.push(
      "  First run: no account yet. Open this one-time link to create the platform operator",
      "  (it works once, and is not shown again; restarting prints a new one until then):",
      `    ${f.setupUrl}`,
      "  Or from a shell: npm run admin:create -- --email you@example.com",
    );
  } else if (f.demo) {
    lines.push("  Demo sign-ins (README, « Demo »):");
    for (const u of f.demo) lines.push(`    ${u.email.padEnd(22)} ${u.password.padEnd(18)} ${u.role}`);
  } else {
    lines.push(`  Sign in at ${f.appUrl}/signin`);
  }
  lines.push("", `  E-mail: ${f.mail}`, `  SMS:    ${f.sms}`, "─".repeat(72), "");
  return lines.join("\n");
}
