// `npm run admin:create` (issue 19): the real command, the password piped on stdin. Real Postgres.
import { spawn } from "node:child_process";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { db, resetDatabase } from "../helpers/db";

function adminCreate(args: string[], stdin: string) {
  return new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ["scripts/with-db.mjs", "--", "node_modules/.bin/tsx", "scripts/admin-create.ts", ...args], {
      env: { ...process.env, LOG_LEVEL: "warn" },
      stdio: ["pipe", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.stdin.end(stdin);
    child.on("exit", (code) => resolve({ code, stderr }));
  });
}

describe("npm run admin:create", () => {
  beforeAll(resetDatabase);

  it("refuses a weak password in words, then creates a platform operator who can sign in; never prints a piped password", async () => {
    const weak = await adminCreate(["--email", "ops@platform.test"], "azerty123\n");
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/\[admin\] not created: .*\S/);
    expect(await db.user.count()).toBe(0);

    const ok = await adminCreate(["--email", "Ops@Platform.test", "--name", "Olga Ops"], "a-long-enough-passphrase\n");
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain("[admin] platform operator ops@platform.test created");
    expect(ok.stderr).not.toContain("a-long-enough-passphrase");
    const user = await db.user.findUniqueOrThrow({
      where: { email: "ops@platform.test" },
      select: { name: true, company: { select: { isPlatform: true } } },
    });
    expect(user).toEqual({ name: "Olga Ops", company: { isPlatform: true } });
    expect(await verifyCredentials(db, { email: "ops@platform.test", password: "a-long-enough-passphrase" })).toMatchObject({ ok: true });

    const usage = await adminCreate([], "");
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("usage: npm run admin:create");
  });
});
