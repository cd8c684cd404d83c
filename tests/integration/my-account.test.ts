// account19: My account's use cases on Postgres — profile, password change ending the other
// sessions, throttled password confirmation, the company's two-factor requirement.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { changePassword } from "@/lib/account/change-password";
import { updateProfile } from "@/lib/account/update-profile";
import type { UserActor } from "@/lib/auth/actor";
import { CONFIRM_PASSWORD_BACKOFF } from "@/lib/auth/confirm-password";
import { totpCode } from "@/lib/auth/totp";
import { confirmTwoFactorEnrolment, startTwoFactorEnrolment } from "@/lib/auth/two-factor";
import { setTwoFactorRequirement } from "@/lib/companies/set-two-factor-requirement";
import { isAppError } from "@/lib/server/errors";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { startFrontServer } from "../helpers/front-server";
import { nextAuthStandIn } from "../helpers/next-auth-stand-in";
import { actorOfCookie, signInWith } from "../helpers/sessions-over-http";

let front: Awaited<ReturnType<typeof startFrontServer>>;
let users: Awaited<ReturnType<typeof seedTenants>>;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  front = await startFrontServer((req, res) => void nextAuthStandIn(req, res));
});
afterAll(() => front.stop());
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (isAppError(e)) return e.fields ?? e.publicMessage;
    throw e;
  }
  return "accepted";
};

describe("My account", () => {
  it("profile: name and language, audited before → after; nothing written when nothing changed", async () => {
    const actor: UserActor = users.viewer;
    expect(await updateProfile(db, { actor, name: "Véra Viewer", locale: "en" })).toEqual({ changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { name: true, locale: true } })).toEqual({
      name: "Véra Viewer",
      locale: "en",
    });
    expect(await updateProfile(db, { actor, name: "Véra Viewer", locale: "en" })).toEqual({ changed: false });
    const events = await db.auditEvent.findMany({ where: { action: "user.profile_updated", actorId: actor.userId } });
    expect(events).toHaveLength(1);
    expect(events[0]?.after).toEqual({ name: "Véra Viewer", locale: "en" });
  });

  it("password change: current one required, policy applied, other sessions ended at once, audited", async () => {
    const actor = users.operator;
    const phone = await signInWith(front.base, "operator@demo.test", "demo-operator-1");
    const laptop = await signInWith(front.base, "operator@demo.test", "demo-operator-1");
    expect(await actorOfCookie(phone.session)).not.toBeNull();
    const change = (currentPassword: string, newPassword: string, confirmPassword = newPassword) =>
      changePassword(db, { actor, currentPassword, newPassword, confirmPassword });
    expect(await refusal(change("wrong", "a-much-better-secret-9"))).toEqual({ currentPassword: "err_password_wrong" });
    expect(await refusal(change("demo-operator-1", "short"))).toEqual({ newPassword: "err_password_short" });
    expect(await refusal(change("demo-operator-1", "Password123!!"))).toEqual({ newPassword: "err_password_common" });
    expect(await refusal(change("demo-operator-1", "operator@demo.test-2026"))).toEqual({ newPassword: "err_password_personal" });
    expect(await refusal(change("demo-operator-1", "a-much-better-secret-9", "a-much-better-secret-8"))).toEqual({
      confirmPassword: "err_password_mismatch",
    });
    // Refusals changed nothing: both sessions still work.
    expect(await actorOfCookie(laptop.session)).not.toBeNull();
    const { sessionVersion } = await change("demo-operator-1", "a-much-better-secret-9");
    expect(await actorOfCookie(phone.session)).toBeNull();
    expect(await actorOfCookie(laptop.session)).toBeNull();
    expect(sessionVersion).toBe(
      (await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { sessionVersion: true } })).sessionVersion,
    );
    expect((await signInWith(front.base, "operator@demo.test", "demo-operator-1")).error).toBe("CredentialsSignin");
    expect((await signInWith(front.base, "operator@demo.test", "a-much-better-secret-9")).error).toBeNull();
    const audit = await db.auditEvent.findMany({ where: { action: "user.password_changed", actorId: actor.userId } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("a-much-better-secret-9");
  });

  it("typing the current password wrong is throttled: a growing delay after 5 failures, even for the right one", async () => {
    const actor = users.admin;
    for (let i = 0; i < CONFIRM_PASSWORD_BACKOFF.free; i++)
      expect(await refusal(changePassword(db, { actor, currentPassword: "guess", newPassword: "x", confirmPassword: "x" }))).toEqual({
        currentPassword: "err_password_wrong",
      });
    expect(
      await refusal(
        changePassword(db, {
          actor,
          currentPassword: "demo-admin-1",
          newPassword: "another-good-secret-7",
          confirmPassword: "another-good-secret-7",
        }),
      ),
    ).toBe("err_password_wait");
    expect(await db.auditEvent.count({ where: { action: "user.password_changed", actorId: actor.userId } })).toBe(0);
  });
});

describe("company two-factor requirement", () => {
  it("administrators only; audited before → after; its users without a second factor must enrol", async () => {
    expect(await refusal(setTwoFactorRequirement(db, { actor: users.operator, required: true }))).toBe("forbidden");
    // The administrator first, else saving would lock them out of everything but the enrolment.
    expect(await refusal(setTwoFactorRequirement(db, { actor: users.admin, required: true }))).toBe("err_two_factor_self_first");
    const { secret } = await startTwoFactorEnrolment(db, { actor: users.admin });
    await confirmTwoFactorEnrolment(db, { actor: users.admin, code: totpCode(secret) });
    expect(await setTwoFactorRequirement(db, { actor: users.admin, required: true })).toEqual({ changed: true });
    expect(await setTwoFactorRequirement(db, { actor: users.admin, required: true })).toEqual({ changed: false });
    const ev = await db.auditEvent.findMany({ where: { action: "company.two_factor_requirement", companyId: users.admin.companyId } });
    expect(ev.map((e) => [e.before, e.after])).toEqual([[{ twoFactorRequired: false }, { twoFactorRequired: true }]]);
    const s = await signInWith(front.base, "viewer@demo.test", "demo-viewer-1");
    expect((await actorOfCookie(s.session))?.mustEnrolTwoFactor).toBe(true);
    // Another company is not concerned.
    const o = await signInWith(front.base, "other@demo.test", "demo-other-1");
    expect((await actorOfCookie(o.session))?.mustEnrolTwoFactor).toBe(false);
    await setTwoFactorRequirement(db, { actor: users.admin, required: false });
    expect((await actorOfCookie(s.session))?.mustEnrolTwoFactor).toBe(false);
  });
});
