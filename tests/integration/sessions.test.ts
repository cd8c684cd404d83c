// account19: a session version checked on each request ends the other sessions at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { endAllSessions, endOtherSessions } from "@/lib/auth/sessions";
import { db, resetDatabase, seedTenants } from "../helpers/db";
import { startFrontServer } from "../helpers/front-server";
import { nextAuthStandIn } from "../helpers/next-auth-stand-in";
import { actorOfCookie, postAuth, signInWith } from "../helpers/sessions-over-http";

let front: Awaited<ReturnType<typeof startFrontServer>>;
beforeAll(async () => {
  await resetDatabase();
  await seedTenants();
  front = await startFrontServer((req, res) => void nextAuthStandIn(req, res));
});
afterAll(() => front.stop());
beforeEach(async () => {
  await db.rateLimitBucket.deleteMany();
});

const OPERATOR = { email: "operator@demo.test", password: "demo-operator-1" };
const version = async () =>
  (await db.user.findUniqueOrThrow({ where: { email: OPERATOR.email }, select: { sessionVersion: true } })).sessionVersion;

describe("session version", () => {
  it("a session carries the version it was issued with; bumping it ends every session issued before", async () => {
    const a = await signInWith(front.base, OPERATOR.email, OPERATOR.password);
    const b = await signInWith(front.base, OPERATOR.email, OPERATOR.password);
    expect(a.error).toBeNull();
    expect((await actorOfCookie(a.session))?.user.email).toBe(OPERATOR.email);
    expect((await actorOfCookie(b.session))?.user.email).toBe(OPERATOR.email);
    const user = await db.user.findUniqueOrThrow({ where: { email: OPERATOR.email }, select: { id: true } });
    const v = await endOtherSessions(db, user.id);
    expect(v).toBe(await version());
    expect(await actorOfCookie(a.session)).toBeNull();
    expect(await actorOfCookie(b.session)).toBeNull();
    // A session signed in after the bump is current.
    const c = await signInWith(front.base, OPERATOR.email, OPERATOR.password);
    expect((await actorOfCookie(c.session))?.user.email).toBe(OPERATOR.email);
    await endAllSessions(db, user.id);
    expect(await actorOfCookie(c.session)).toBeNull();
  });

  it("signing out ends the user's other sessions too; an ended session's sign-out changes nothing", async () => {
    const a = await signInWith(front.base, OPERATOR.email, OPERATOR.password);
    const b = await signInWith(front.base, OPERATOR.email, OPERATOR.password);
    const before = await version();
    await postAuth(front.base, "signout", {}, [a.session!]);
    expect(await version()).toBe(before + 1);
    expect(await actorOfCookie(a.session)).toBeNull();
    expect(await actorOfCookie(b.session)).toBeNull();
    // b's cookie is already out: signing out with it does not sign out the sessions that came after.
    const c = await signInWith(front.base, OPERATOR.email, OPERATOR.password);
    await postAuth(front.base, "signout", {}, [b.session!]);
    expect(await version()).toBe(before + 1);
    expect((await actorOfCookie(c.session))?.user.email).toBe(OPERATOR.email);
  });

  it("a disabled user's session ends at the next request", async () => {
    const a = await signInWith(front.base, "viewer@demo.test", "demo-viewer-1");
    expect(await actorOfCookie(a.session)).not.toBeNull();
    await db.user.update({ where: { email: "viewer@demo.test" }, data: { disabledAt: new Date() } });
    expect(await actorOfCookie(a.session)).toBeNull();
    await db.user.update({ where: { email: "viewer@demo.test" }, data: { disabledAt: null } });
  });
});
