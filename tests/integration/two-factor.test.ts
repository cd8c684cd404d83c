// account19: two-factor sign-in (TOTP, RFC 6238) with recovery codes, over next-auth's real handler.
import { TOTP } from "otpauth";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { issueSecondFactorTicket, readSecondFactorTicket } from "@/lib/auth/second-factor-ticket";
import { secondFactorTicket } from "@/lib/auth/sign-in-error";
import { totpCode } from "@/lib/auth/totp";
import {
  checkSecondFactor,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  recoveryCodesLeft,
  startTwoFactorEnrolment,
} from "@/lib/auth/two-factor";
import { SECOND_FACTOR_BACKOFF, verifySecondFactor } from "@/lib/auth/verify-second-factor";
import { isAppError } from "@/lib/server/errors";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { startFrontServer } from "../helpers/front-server";
import { nextAuthStandIn } from "../helpers/next-auth-stand-in";
import { actorOfCookie, postAuth, signInWith } from "../helpers/sessions-over-http";

let front: Awaited<ReturnType<typeof startFrontServer>>;
let operator: UserActor;
let admin: UserActor;
beforeAll(async () => {
  await resetDatabase();
  ({ operator, admin } = await seedTenants());
  front = await startFrontServer((req, res) => void nextAuthStandIn(req, res));
});
afterAll(() => front.stop());
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

/** The code an authenticator app shows, computed with the library from the otpauth:// URI. */
const codeFrom = (uri: string, timestamp = Date.now()) => fromUri(uri).generate({ timestamp });
const fromUri = (uri: string) => {
  const secret = new URL(uri).searchParams.get("secret")!;
  return new TOTP({ secret, algorithm: "SHA1", digits: 6, period: 30 });
};
const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.fields ?? e.publicMessage;
    throw e;
  }
  return "accepted";
};

let secret = "";
let recoveryCodes: string[] = [];

describe("enrolment", () => {
  it("a pending secret is confirmed by a first code; then ten recovery codes, stored as digests", async () => {
    const started = await startTwoFactorEnrolment(db, { actor: operator });
    secret = started.secret;
    expect(started.uri).toMatch(/^otpauth:\/\/totp\/.*operator%40demo\.test\?.*secret=/);
    // Not on until confirmed: the password alone still signs in.
    expect((await signInWith(front.base, "operator@demo.test", "demo-operator-1")).session).toBeDefined();
    expect(await refusal(confirmTwoFactorEnrolment(db, { actor: operator, code: "000000" }))).toEqual({ code: "err_two_factor_code" });
    const r = await confirmTwoFactorEnrolment(db, { actor: operator, code: fromUri(started.uri).generate() });
    recoveryCodes = r.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const dump = await dumpDatabaseText();
    expect(dump).not.toContain(secret);
    for (const c of recoveryCodes) expect(dump).not.toContain(c);
    expect(await db.auditEvent.count({ where: { action: "user.two_factor_enabled", actorId: operator.userId } })).toBe(1);
  });
});

describe("sign-in with two-factor on", () => {
  it("the password alone issues no session, only a ticket; the right code then signs in", async () => {
    const first = await signInWith(front.base, "operator@demo.test", "demo-operator-1");
    expect(first.session).toBeUndefined();
    const ticket = secondFactorTicket(first.error);
    expect(ticket).not.toBeNull();
    const wrong = await postAuth(front.base, "callback/second-factor", { ticket: ticket!, code: "123456" });
    expect(wrong.error).toBe("CredentialsSignin");
    expect(wrong.session).toBeUndefined();
    // A code computed here with the library, 30 s ahead (the next step: the one just used at enrolment is spent).
    const ok = await postAuth(front.base, "callback/second-factor", {
      ticket: ticket!,
      code: codeFrom(`otpauth://totp/x?secret=${secret}`, Date.now() + 30_000),
    });
    expect(ok.error).toBeNull();
    expect((await actorOfCookie(ok.session))?.user.email).toBe("operator@demo.test");
    expect(
      await db.auditEvent.findFirst({ where: { action: "user.sign_in", actorId: operator.userId }, orderBy: { createdAt: "desc" } }),
    ).toMatchObject({
      after: { secondFactor: "totp" },
    });
  });

  it("a code works once (no replay of the same time step)", async () => {
    await db.user.update({ where: { id: operator.userId }, data: { totpLastStep: null } });
    const code = totpCode(secret);
    expect(await checkSecondFactor(db, { userId: operator.userId, code })).toBe("totp");
    expect(await checkSecondFactor(db, { userId: operator.userId, code })).toBeNull();
  });

  it("a recovery code is good once, in any case and with or without its dash", async () => {
    const [c0, c1] = recoveryCodes as [string, string];
    const v = (await db.user.findUniqueOrThrow({ where: { id: operator.userId }, select: { sessionVersion: true } })).sessionVersion;
    const t = issueSecondFactorTicket(operator.userId, v);
    expect(await verifySecondFactor(db, { ticket: t, code: c0.toUpperCase().replace("-", "") })).toMatchObject({ ok: true });
    expect(await verifySecondFactor(db, { ticket: t, code: c0 })).toEqual({ ok: false, reason: "invalid" });
    expect(await recoveryCodesLeft(db, operator.userId)).toBe(9);
    expect(await db.auditEvent.count({ where: { action: "user.recovery_code_used", actorId: operator.userId } })).toBe(1);
    // A ticket from before a sign-out everywhere (older session version) is spent.
    await db.user.update({ where: { id: operator.userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await verifySecondFactor(db, { ticket: t, code: c1 })).toEqual({ ok: false, reason: "expired" });
    expect(await checkSecondFactor(db, { userId: operator.userId, code: c1 })).toBe("recovery");
    expect(await checkSecondFactor(db, { userId: operator.userId, code: c1 })).toBeNull();
  });

  it("tickets: forged, altered or older than 5 minutes are refused", () => {
    const t = issueSecondFactorTicket(operator.userId, 3);
    expect(readSecondFactorTicket(t)).toEqual({ userId: operator.userId, sessionVersion: 3 });
    expect(readSecondFactorTicket(`${t}x`)).toBeNull();
    const [body, mac] = t.split(".") as [string, string];
    const other = Buffer.from(JSON.stringify({ u: admin.userId, v: 3, e: Date.now() + 60_000 })).toString("base64url");
    expect(readSecondFactorTicket(`${other}.${mac}`)).toBeNull();
    expect(readSecondFactorTicket(`${body}.${mac}`, Date.now() + 5 * 60_000 + 1)).toBeNull();
  });

  it("wrong codes are throttled like passwords: a growing delay per address, then per account from anywhere", async () => {
    const v = (await db.user.findUniqueOrThrow({ where: { id: operator.userId }, select: { sessionVersion: true } })).sessionVersion;
    const t = issueSecondFactorTicket(operator.userId, v);
    const bad = (from: string) => verifySecondFactor(db, { ticket: t, code: "000000", clientAddress: from });
    for (let i = 0; i < SECOND_FACTOR_BACKOFF.pair.free; i++) expect(await bad("203.0.113.50")).toEqual({ ok: false, reason: "invalid" });
    expect(await bad("203.0.113.50")).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 1 });
    // Even the right code waits from there.
    expect(
      await verifySecondFactor(db, { ticket: t, code: totpCode(secret, Date.now() + 60_000), clientAddress: "203.0.113.50" }),
    ).toMatchObject({
      reason: "rate_limited",
    });
    // From other addresses: 10 failures in all on the account, then everyone waits.
    for (let i = SECOND_FACTOR_BACKOFF.pair.free; i < SECOND_FACTOR_BACKOFF.account.free; i++)
      expect(await bad(`198.51.100.${i}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await bad("192.0.2.77")).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await db.auditEvent.count({ where: { action: "user.sign_in_failed", actorId: operator.userId } })).toBeGreaterThanOrEqual(10);
  });

  it("users without two-factor sign in exactly as before", async () => {
    const r = await signInWith(front.base, "admin@demo.test", "demo-admin-1");
    expect(r.error).toBeNull();
    expect((await actorOfCookie(r.session))?.user.email).toBe("admin@demo.test");
  });
});

describe("turning it off", () => {
  it("takes the password and a code; refused while the company requires it", async () => {
    expect(
      await refusal(disableTwoFactor(db, { actor: operator, password: "wrong", code: totpCode(secret, Date.now() + 90_000) })),
    ).toEqual({
      password: "err_password_wrong",
    });
    expect(await refusal(disableTwoFactor(db, { actor: operator, password: "demo-operator-1", code: "111111" }))).toEqual({
      code: "err_two_factor_code",
    });
    await db.company.update({ where: { id: operator.companyId }, data: { twoFactorRequired: true } });
    expect(await refusal(disableTwoFactor(db, { actor: operator, password: "demo-operator-1", code: recoveryCodes[5]! }))).toBe(
      "err_two_factor_required",
    );
    await db.company.update({ where: { id: operator.companyId }, data: { twoFactorRequired: false } });
    await disableTwoFactor(db, { actor: operator, password: "demo-operator-1", code: recoveryCodes[5]! });
    expect(await db.userRecoveryCode.count({ where: { userId: operator.userId } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.two_factor_disabled", actorId: operator.userId } })).toBe(1);
    expect((await signInWith(front.base, "operator@demo.test", "demo-operator-1")).session).toBeDefined();
  });
});

describe("company requirement", () => {
  it("a user of a company that requires it and has no second factor may only enrol", async () => {
    await db.company.update({ where: { id: admin.companyId }, data: { twoFactorRequired: true } });
    const r = await signInWith(front.base, "viewer@demo.test", "demo-viewer-1");
    expect((await actorOfCookie(r.session))?.mustEnrolTwoFactor).toBe(true);
    // Route handlers and pages get no session for them (getSessionContext → null, requireSession → enrolment).
    const started = await startTwoFactorEnrolment(db, { actor: admin });
    await confirmTwoFactorEnrolment(db, { actor: admin, code: fromUri(started.uri).generate() });
    const enrolled = await signInWith(front.base, "admin@demo.test", "demo-admin-1");
    expect(enrolled.session).toBeUndefined();
    const done = await postAuth(front.base, "callback/second-factor", {
      ticket: secondFactorTicket(enrolled.error)!,
      code: codeFrom(started.uri, Date.now() + 30_000),
    });
    expect((await actorOfCookie(done.session))?.mustEnrolTwoFactor).toBe(false);
    await db.company.update({ where: { id: admin.companyId }, data: { twoFactorRequired: false } });
  });
});
