// End-to-end harness: the production server (scripts/server.ts: Next + the REST API front, worker in-process) on a free port against
// the test database, and Chromium through playwright-core. With TEST_LOG_DIR (scripts/test.mjs sets it) the server's output is
// also written to server-<port>.log there, and the database to db-<port>.txt when the server stops (each browser test file empties
// the database first): tests/after-e2e reads both for card numbers.
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const freePort = () =>
  new Promise<number>((res) => {
    const s = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => res(port));
    });
  });

export type Harness = { base: string; browser: Browser; server: ChildProcess; page(locale?: string): Promise<Page>; stop(): Promise<void> };

const logDir = process.env.TEST_LOG_DIR;

/** The server's stdout and stderr to the console as before, and appended to `file`; resolves once both are drained. */
function teeOutput(server: ChildProcess, file: string): Promise<void> {
  const fd = fs.openSync(file, "a");
  server.stdout?.on("data", (c: Buffer) => {
    process.stdout.write(c);
    fs.writeSync(fd, c);
  });
  server.stderr?.on("data", (c: Buffer) => {
    process.stderr.write(c);
    fs.writeSync(fd, c);
  });
  return new Promise((resolve) =>
    server.once("close", () => {
      fs.closeSync(fd);
      resolve();
    }),
  );
}

export async function startHarness(): Promise<Harness> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn("node_modules/.bin/tsx", ["scripts/server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      START_WORKER: "1",
      ALLOW_PRIVATE_WEBHOOKS: "1",
      APP_URL: base,
      PORT: String(port),
      HOST: "127.0.0.1",
    },
    stdio: ["ignore", logDir ? "pipe" : "inherit", logDir ? "pipe" : "inherit"],
  });
  const logged = logDir ? teeOutput(server, path.join(logDir, `server-${port}.log`)) : null;
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    if (Date.now() - t0 > 60_000) throw new Error("the server did not answer within 60 s");
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  return {
    base,
    browser,
    server,
    // A fresh context per page (own cookies), French by default like the back office.
    page: async (locale = "fr-FR") => (await browser.newContext({ locale })).newPage(),
    async stop() {
      await browser.close().catch(() => {});
      if (server.exitCode === null) {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
      if (logDir) {
        await logged;
        const { dumpDatabaseRows } = await import("../helpers/db-dump");
        fs.writeFileSync(path.join(logDir, `db-${port}.txt`), (await dumpDatabaseRows()).text);
      }
    },
  };
}

export async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/signin`);
  await page.fill("#email", email);
  await page.fill("#password", password);
  await Promise.all([page.waitForURL(`${base}/orders`), page.click('button[type="submit"]')]);
}

const require = createRequire(import.meta.url);

let axeCode: string | undefined;
const axeSource = () => {
  axeCode ??= fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  return axeCode;
};

/** axe-core WCAG 2.x A/AA checks on the current page; returns the violations. */
export async function axeViolations(page: Page) {
  // Evaluated through the DevTools protocol, which the pages' strict CSP (no inline script) does
  // not apply to, unlike a <script> tag.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource());
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected as a global
    const axe = (window as any).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return r.violations.map((v: { id: string; nodes: { target: string[] }[] }) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
  });
}
