// Users (issue 19) on real Postgres and a real SMTP server: one-time links (digest only, single
// use, expiring), invitations (user + link + e-mail job in one transaction, the e-mail received with
// a link that works), Settings › Users (roles, shops, disable/enable, the last active
// administrator under a lock, audit before → after), forgot password (neutral, rate-limited) and
// reset, and the shop access enforced on orders, transactions, the CSV export and the keys page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/actor";
import { getUserActor } from "@/lib/auth/get-user-actor";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { translator } from "@/lib/i18n";
import { exportOrdersCsv } from "@/lib/orders/export-orders-csv";
import { findOrders } from "@/lib/orders/find-orders";
import { orderSearchSchema } from "@/lib/orders/schemas";
import { findTransactions } from "@/lib/payments/find-transactions";
import type { AppError } from "@/lib/server/errors";
import { closeMailer } from "@/lib/server/mailer";
import { getShopKeys } from "@/lib/shops/get-shop-keys";
import { createInvitation, inviteUser } from "@/lib/users/invite-user";
import { listUsers, resendInvitation, revokeInvitation, setUserDisabled, updateUserAccess } from "@/lib/users/manage-users";
import { acceptInvitation, describeUserLink, FORGOT_LIMITS, requestPasswordReset, resetPassword } from "@/lib/users/password-links";
import { sendUserTokenMail } from "@/lib/users/send-user-token-mail";
import { consumeUserToken, issueUserToken, RESET_TTL_MS } from "@/lib/users/user-tokens";
import { createShop, createUser } from "@/prisma/factories";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { card, newOrder, payNow } from "../helpers/orders";
import { type SmtpSink, startSmtpSink } from "../helpers/smtp-sink";

let users: Awaited<ReturnType<typeof seedTenants>>;
let sink: SmtpSink;
beforeAll(async () => {
  await resetDatabase();
  users = await seedTenants();
  sink = await startSmtpSink();
  process.env.SMTP_URL = sink.url;
  await closeMailer();
});
afterAll(async () => {
  await closeMailer();
  await sink.stop();
  delete process.env.SMTP_URL;
});

const GOOD = "correct horse battery staple";
const failure = (p: Promise<unknown>) =>
  p.then(
    () =>
      ({ code: "OK", reason: undefined, message: "", fields: undefined }) as {
        code: string;
        reason?: string;
        message: string;
        fields?: Record<string, string>;
      },
    (e: AppError) => ({ code: e.code as string, reason: e.reason, message: e.publicMessage, fields: e.fields }),
  );
const actorOf = async (userId: string): Promise<UserActor | null> => (await getUserActor(db, userId))?.actor ?? null;
// pg-boss creates its tables with the first job: none yet reads as no job.
const tokenJobs = async () =>
  db
    .$queryRawUnsafe<{ data: { tokenId: string; sealedToken: string } }[]>(
      `SELECT data FROM pgboss.job WHERE name = 'users.token-mail' ORDER BY created_on`,
    )
    .catch((e: { meta?: { code?: string }; message: string }) => {
      if (String(e.message).includes("42P01")) return [];
      throw e;
    });
/** What the worker does with the newest token e-mail job: sends it; the message the sink got. */
async function deliverLastTokenMail() {
  const jobs = await tokenJobs();
  const before = sink.messages.length;
  expect(await sendUserTokenMail(db, jobs.at(-1)!.data)).toEqual({ sent: true });
  await sink.waitFor(before + 1);
  return sink.messages[before]!;
}
const linkToken = (text: string, kind: "invite" | "reset") => new RegExp(`/${kind}/([A-Za-z0-9_-]{43})\\b`).exec(text)?.[1];

describe("one-time links (UserToken)", () => {
  it("keeps only the digest, works once, and refuses used, expired, revoked and unknown tokens with a code", async () => {
    const userId = users.viewer.userId;
    const { token, tokenId } = await issueUserToken(db, { userId, kind: "RESET", ttlMs: RESET_TTL_MS });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await dumpDatabaseText()).not.toContain(token);
    // The wrong kind does not consume it.
    expect(await failure(consumeUserToken(db, { token, kind: "INVITE" }))).toMatchObject({ code: "NOT_FOUND", reason: "token_unknown" });
    expect(await consumeUserToken(db, { token, kind: "RESET" })).toEqual({ userId, tokenId });
    expect(await failure(consumeUserToken(db, { token, kind: "RESET" }))).toMatchObject({
      code: "CONFLICT",
      reason: "token_used",
      message: "err_token_used",
    });

    const late = await issueUserToken(db, { userId, kind: "RESET", ttlMs: RESET_TTL_MS });
    await db.userToken.update({ where: { id: late.tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await failure(consumeUserToken(db, { token: late.token, kind: "RESET" }))).toMatchObject({ reason: "token_expired" });

    const first = await issueUserToken(db, { userId, kind: "RESET", ttlMs: RESET_TTL_MS });
    const second = await issueUserToken(db, { userId, kind: "RESET", ttlMs: RESET_TTL_MS });
    expect(await failure(consumeUserToken(db, { token: first.token, kind: "RESET" }))).toMatchObject({ reason: "token_revoked" });
    expect(await failure(consumeUserToken(db, { token: "x".repeat(43), kind: "RESET" }))).toMatchObject({ reason: "token_unknown" });
    expect(await failure(consumeUserToken(db, { token: "../../etc", kind: "RESET" }))).toMatchObject({ reason: "token_unknown" });

    // Two submissions of the same link at the same moment: exactly one wins.
    const race = await Promise.all(Array.from({ length: 8 }, () => failure(consumeUserToken(db, { token: second.token, kind: "RESET" }))));
    expect(race.filter((r) => r.code === "OK")).toHaveLength(1);
    expect(race.filter((r) => r.reason === "token_used")).toHaveLength(7);
  });
});

describe("invitations", () => {
  it("creates the user without a usable password, its link and its e-mail job in one go; the e-mail's link sets the password and signs in", async () => {
    const jobsBefore = (await tokenJobs()).length;
    const inv = await inviteUser(db, users.admin, {
      email: "New.Colleague@Example.test",
      name: "",
      role: "OPERATOR",
      allShops: false,
      shopIds: ["12345678"],
      locale: "en",
    });
    const user = await db.user.findUniqueOrThrow({ where: { id: inv.userId }, omit: { passwordHash: false }, include: { access: true } });
    expect(user).toMatchObject({
      email: "new.colleague@example.test",
      role: "OPERATOR",
      passwordHash: "",
      allShops: false,
      companyId: users.admin.companyId,
    });
    expect(user.access.map((a) => a.shopId)).toEqual(["12345678"]);
    expect(inv.expiresAt.getTime() - Date.now()).toBeGreaterThan(72 * 3600_000 - 60_000);
    const jobs = await tokenJobs();
    expect(jobs).toHaveLength(jobsBefore + 1);
    expect(jobs.at(-1)!.data.tokenId).toBe(inv.tokenId);
    // No password can sign in an invited user, not even an empty one.
    expect((await verifyCredentials(db, { email: user.email, password: "" })).ok).toBe(false);
    expect((await listUsers(db, { actor: users.admin })).users.find((u) => u.id === inv.userId)).toMatchObject({
      status: "INVITED",
      lastSignInAt: null,
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.invite" } });
    expect(audit).toMatchObject({ actorId: users.admin.userId, companyId: users.admin.companyId });
    expect(audit.after).toMatchObject({ email: "new.colleague@example.test", role: "OPERATOR", shopIds: ["12345678"] });

    const mail = await deliverLastTokenMail();
    expect(mail.rcptTo).toEqual(["new.colleague@example.test"]);
    expect(mail.parsed.subject).toBe("Invitation to the Démo SARL back office");
    // Filed under no shop: without SMTP_URL no tenant's Test mailbox (read by every user of the shop) shows the link.
    expect(mail.parsed.headers.get("x-shop-id")).toBeUndefined();
    expect(mail.parsed.text).toContain("Alice Admin invites you");
    const token = linkToken(mail.parsed.text ?? "", "invite")!;
    expect(token).toBeTruthy();
    expect(mail.parsed.html).toContain(`/invite/${token}"`);
    // The job's payload holds the token sealed, never in clear; the database holds no usable link.
    expect(await dumpDatabaseText()).not.toContain(token);

    expect(await describeUserLink(db, { token, kind: "INVITE" })).toMatchObject({
      email: "new.colleague@example.test",
      companyName: "Démo SARL",
    });
    // A weak password is refused and leaves the link usable.
    expect(await failure(acceptInvitation(db, { token, name: "Nina New", password: "short" }))).toMatchObject({
      code: "VALIDATION",
      fields: { password: "err_password_short" },
    });
    expect(await failure(acceptInvitation(db, { token, name: "Nina New", password: "Password123!" }))).toMatchObject({
      fields: { password: "err_password_common" },
    });
    expect(await failure(acceptInvitation(db, { token, name: "Nina New", password: "new.colleague 2026" }))).toMatchObject({
      fields: { password: "err_password_personal" },
    });
    expect(await acceptInvitation(db, { token, name: "Nina New", password: GOOD })).toEqual({
      userId: inv.userId,
      email: "new.colleague@example.test",
    });
    expect(await failure(acceptInvitation(db, { token, name: "Nina New", password: GOOD }))).toMatchObject({ reason: "token_used" });
    const signIn = await verifyCredentials(db, { email: "new.colleague@example.test", password: GOOD });
    expect(signIn).toMatchObject({ ok: true, userId: inv.userId });
    const row = (await listUsers(db, { actor: users.admin })).users.find((u) => u.id === inv.userId)!;
    expect(row).toMatchObject({ name: "Nina New", status: "ACTIVE", shops: [{ id: "12345678", name: "Boutique Démo" }] });
    expect(row.lastSignInAt).toBeInstanceOf(Date);
  });

  it("writes in the company's language when the invitation names none (French by default)", async () => {
    await inviteUser(db, users.admin, { email: "fr@example.test", role: "VIEWER", allShops: true });
    const mail = await deliverLastTokenMail();
    expect(mail.parsed.subject).toBe("Invitation au back office de Démo SARL");
    expect(mail.parsed.text).toContain("valable 72 heures");
  });

  it("refuses non-administrators, a taken e-mail, another company's shop, and shops the administrator cannot see", async () => {
    expect(await failure(inviteUser(db, users.operator, { email: "x1@example.test", role: "VIEWER", allShops: true }))).toMatchObject({
      code: "FORBIDDEN",
    });
    expect(await failure(inviteUser(db, users.admin, { email: "OPERATOR@demo.test", role: "VIEWER", allShops: true }))).toMatchObject({
      code: "CONFLICT",
      fields: { email: "err_user_exists" },
    });
    expect(
      await failure(inviteUser(db, users.admin, { email: "x2@example.test", role: "VIEWER", allShops: false, shopIds: ["87654321"] })),
    ).toMatchObject({
      code: "VALIDATION",
      fields: { shopIds: "err_user_shops_grant" },
    });
    expect(
      await failure(inviteUser(db, users.admin, { email: "x3@example.test", role: "VIEWER", allShops: false, shopIds: [] })),
    ).toMatchObject({
      fields: { shopIds: "err_user_shops" },
    });
    expect(await failure(inviteUser(db, users.admin, { email: "not an e-mail", role: "VIEWER", allShops: true }))).toMatchObject({
      fields: { email: "err_email" },
    });
    expect(await db.user.count({ where: { email: { in: ["x1@example.test", "x2@example.test", "x3@example.test"] } } })).toBe(0);
    // The same address invited twice at the same moment: one user, the other call refused as taken.
    const race = await Promise.all(
      Array.from({ length: 4 }, () =>
        failure(inviteUser(db, users.admin, { email: "twice@example.test", role: "VIEWER", allShops: true })),
      ),
    );
    expect(race.map((r) => r.code).sort()).toEqual(["CONFLICT", "CONFLICT", "CONFLICT", "OK"]);
    expect(race.filter((r) => r.code === "CONFLICT").every((r) => r.fields?.email === "err_user_exists")).toBe(true);
    expect(await db.user.count({ where: { email: "twice@example.test" } })).toBe(1);
  });

  it("createInvitation (the platform console's) invites into any company; a shop of another company is refused", async () => {
    const inv = await createInvitation(db, {
      actor: { type: "SYSTEM" },
      companyId: users.other.companyId,
      email: "boss@autre.test",
      role: "ADMIN",
      allShops: true,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: inv.userId } })).toMatchObject({
      companyId: users.other.companyId,
      role: "ADMIN",
      allShops: true,
    });
    expect(
      await failure(
        createInvitation(db, {
          actor: { type: "SYSTEM" },
          companyId: users.other.companyId,
          email: "b2@autre.test",
          role: "ADMIN",
          allShops: false,
          shopIds: ["12345678"],
        }),
      ),
    ).toMatchObject({
      fields: { shopIds: "err_user_shops" },
    });
  });

  it("resending makes a new link and revokes the old one; revoking deletes the invited user and kills the link", async () => {
    const inv = await inviteUser(db, users.admin, { email: "resend@example.test", role: "VIEWER", allShops: true });
    const first = linkToken((await deliverLastTokenMail()).parsed.text ?? "", "invite")!;
    await resendInvitation(db, { actor: users.admin, userId: inv.userId });
    const second = linkToken((await deliverLastTokenMail()).parsed.text ?? "", "invite")!;
    expect(second).not.toBe(first);
    expect(await failure(describeUserLink(db, { token: first, kind: "INVITE" }))).toMatchObject({ reason: "token_revoked" });
    expect(await describeUserLink(db, { token: second, kind: "INVITE" })).toMatchObject({ email: "resend@example.test" });
    // A job still waiting for a revoked link sends nothing.
    const jobs = await tokenJobs();
    expect(await sendUserTokenMail(db, jobs.at(-2)!.data)).toEqual({ sent: false });

    await revokeInvitation(db, { actor: users.admin, userId: inv.userId });
    expect(await db.user.findUnique({ where: { id: inv.userId } })).toBeNull();
    expect(await failure(acceptInvitation(db, { token: second, name: "R", password: GOOD }))).toMatchObject({ reason: "token_unknown" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "user.invite.revoke" } });
    expect(audit.before).toMatchObject({ email: "resend@example.test", status: "INVITED" });
    // An accepted invitation is neither resent nor revoked.
    expect(await failure(resendInvitation(db, { actor: users.admin, userId: users.viewer.userId }))).toMatchObject({
      message: "err_user_not_invited",
    });
    expect(await failure(revokeInvitation(db, { actor: users.admin, userId: users.viewer.userId }))).toMatchObject({
      message: "err_user_not_invited",
    });
    // Another company's user: not found.
    expect(await failure(resendInvitation(db, { actor: users.other, userId: users.viewer.userId }))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("roles, disabling and the last active administrator", () => {
  it("changes a role and shops with the audit's before → after", async () => {
    await updateUserAccess(db, { actor: users.admin, userId: users.viewer.userId, role: "OPERATOR", allShops: true });
    expect((await actorOf(users.viewer.userId))!.role).toBe("OPERATOR");
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "user.access.update" }, orderBy: { createdAt: "desc" } });
    expect(ev.before).toMatchObject({ role: "VIEWER", allShops: false, shopIds: ["12345678"] });
    expect(ev.after).toMatchObject({ role: "OPERATOR", allShops: true, shopIds: [] });
    await updateUserAccess(db, { actor: users.admin, userId: users.viewer.userId, role: "VIEWER", allShops: false, shopIds: ["12345678"] });
    expect(
      await failure(updateUserAccess(db, { actor: users.operator, userId: users.viewer.userId, role: "ADMIN", allShops: true })),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await failure(updateUserAccess(db, { actor: users.other, userId: users.viewer.userId, role: "ADMIN", allShops: true })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("never leaves the company without an active administrator, even when two administrators demote each other at once", async () => {
    const admin = users.admin;
    expect(
      await failure(updateUserAccess(db, { actor: admin, userId: admin.userId, role: "OPERATOR", allShops: false, shopIds: ["12345678"] })),
    ).toMatchObject({
      code: "CONFLICT",
      reason: "last_admin",
      message: "err_last_admin",
    });
    expect(await failure(setUserDisabled(db, { actor: admin, userId: admin.userId, disabled: true }))).toMatchObject({
      message: "err_user_self",
    });
    // An invited administrator does not count: they cannot act yet.
    await inviteUser(db, admin, { email: "pending-admin@example.test", role: "ADMIN", allShops: true });
    expect(await failure(updateUserAccess(db, { actor: admin, userId: admin.userId, role: "VIEWER", allShops: true }))).toMatchObject({
      reason: "last_admin",
    });

    const b = await createUser(db, {
      companyId: admin.companyId,
      email: "second-admin@demo.test",
      password: GOOD,
      name: "Bob Admin",
      role: "ADMIN",
      shopIds: ["12345678"],
    });
    const bob = (await actorOf(b.id))!;
    const results = await Promise.all([
      failure(updateUserAccess(db, { actor: admin, userId: bob.userId, role: "OPERATOR", allShops: false, shopIds: ["12345678"] })),
      failure(updateUserAccess(db, { actor: bob, userId: admin.userId, role: "OPERATOR", allShops: false, shopIds: ["12345678"] })),
    ]);
    expect(results.map((r) => r.code).sort()).toEqual(["CONFLICT", "OK"]);
    expect(await db.user.count({ where: { companyId: admin.companyId, role: "ADMIN", disabledAt: null, NOT: { passwordHash: "" } } })).toBe(
      1,
    );
    // Put Alice back as the administrator, Bob disabled: disabling the last one is refused too.
    const winner = results[0]!.code === "OK" ? admin : bob;
    const loser = winner === admin ? bob : admin;
    await updateUserAccess(db, { actor: winner, userId: loser.userId, role: "ADMIN", allShops: loser === admin, shopIds: ["12345678"] });
    await setUserDisabled(db, { actor: admin, userId: bob.userId, disabled: true });
    await updateUserAccess(db, { actor: admin, userId: bob.userId, role: "OPERATOR", allShops: false, shopIds: ["12345678"] });
    await setUserDisabled(db, { actor: admin, userId: bob.userId, disabled: false });
    expect((await actorOf(admin.userId))!.role).toBe("ADMIN");
  });

  it("a disabled user is refused at once (next request, sign-in, reset links) and comes back when enabled", async () => {
    const op = users.operator;
    expect(await actorOf(op.userId)).not.toBeNull();
    const reset = await issueUserToken(db, { userId: op.userId, kind: "RESET", ttlMs: RESET_TTL_MS });
    const { sessionVersion: version } = await db.user.findUniqueOrThrow({ where: { id: op.userId }, select: { sessionVersion: true } });
    expect(await getUserActor(db, op.userId, version)).not.toBeNull();
    await setUserDisabled(db, { actor: users.admin, userId: op.userId, disabled: true });
    expect(await actorOf(op.userId)).toBeNull();
    expect(await verifyCredentials(db, { email: "operator@demo.test", password: "demo-operator-1" })).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(await failure(resetPassword(db, { token: reset.token, password: GOOD }))).toMatchObject({ reason: "token_revoked" });
    expect((await listUsers(db, { actor: users.admin })).users.find((u) => u.id === op.userId)!.status).toBe("DISABLED");
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "user.disable" }, orderBy: { createdAt: "desc" } });
    expect(ev).toMatchObject({
      actorId: users.admin.userId,
      before: { status: "ACTIVE" },
      after: { status: "DISABLED", email: "operator@demo.test" },
    });
    // Disabled users get no reset link.
    const jobs = (await tokenJobs()).length;
    expect(await requestPasswordReset(db, { email: "operator@demo.test" })).toEqual({ ok: true });
    expect(await tokenJobs()).toHaveLength(jobs);

    await setUserDisabled(db, { actor: users.admin, userId: op.userId, disabled: false });
    expect(await actorOf(op.userId)).not.toBeNull();
    // Enabled again, the sessions they had stay ended (session version bumped): they sign in anew.
    expect(await getUserActor(db, op.userId, version)).toBeNull();
    expect((await verifyCredentials(db, { email: "operator@demo.test", password: "demo-operator-1" })).ok).toBe(true);
    const enabled = await db.auditEvent.findFirstOrThrow({ where: { action: "user.enable" }, orderBy: { createdAt: "desc" } });
    expect(enabled).toMatchObject({ before: { status: "DISABLED" }, after: { status: "ACTIVE", email: "operator@demo.test" } });
  });
});

describe("forgot password", () => {
  it("answers the same for an unknown address (nothing sent) and e-mails a 1-hour link to a known one", async () => {
    const jobs = (await tokenJobs()).length;
    expect(await requestPasswordReset(db, { email: "nobody@example.test", clientAddress: "198.51.100.1" })).toEqual({ ok: true });
    expect(await tokenJobs()).toHaveLength(jobs);
    expect(await requestPasswordReset(db, { email: "Viewer@Demo.test", clientAddress: "198.51.100.1" })).toEqual({ ok: true });
    expect(await tokenJobs()).toHaveLength(jobs + 1);
    const mail = await deliverLastTokenMail();
    expect(mail.rcptTo).toEqual(["viewer@demo.test"]);
    expect(mail.parsed.subject).toBe("Réinitialisation de votre mot de passe");
    const token = linkToken(mail.parsed.text ?? "", "reset")!;
    const row = await db.userToken.findFirstOrThrow({
      where: { userId: users.viewer.userId, kind: "RESET", usedAt: null, revokedAt: null },
    });
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - RESET_TTL_MS)).toBeLessThan(5000);

    expect(await failure(resetPassword(db, { token, password: "azerty" }))).toMatchObject({ fields: { password: "err_password_short" } });
    const { sessionVersion } = await db.user.findUniqueOrThrow({ where: { id: users.viewer.userId }, select: { sessionVersion: true } });
    expect(await getUserActor(db, users.viewer.userId, sessionVersion)).not.toBeNull();
    expect(await resetPassword(db, { token, password: GOOD })).toEqual({ userId: users.viewer.userId, email: "viewer@demo.test" });
    // Every session the account had is over.
    expect(await getUserActor(db, users.viewer.userId, sessionVersion)).toBeNull();
    expect(await failure(resetPassword(db, { token, password: `${GOOD}!` }))).toMatchObject({ reason: "token_used" });
    expect((await verifyCredentials(db, { email: "viewer@demo.test", password: "demo-viewer-1" })).ok).toBe(false);
    expect((await verifyCredentials(db, { email: "viewer@demo.test", password: GOOD })).ok).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", actorId: users.viewer.userId } })).toBe(1);
  });

  it("a reset link expires after its hour", async () => {
    await requestPasswordReset(db, { email: "admin@demo.test", clientAddress: "198.51.100.2" });
    const token = linkToken((await deliverLastTokenMail()).parsed.text ?? "", "reset")!;
    await db.userToken.updateMany({
      where: { userId: users.admin.userId, kind: "RESET", usedAt: null, revokedAt: null },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await failure(describeUserLink(db, { token, kind: "RESET" }))).toMatchObject({
      reason: "token_expired",
      message: "err_token_expired",
    });
    expect(await failure(resetPassword(db, { token, password: GOOD }))).toMatchObject({ reason: "token_expired" });
  });

  it("is rate-limited per e-mail (known or not alike) and per client address", async () => {
    for (const email of ["limited@example.test", "second-admin@demo.test"]) {
      for (let i = 0; i < FORGOT_LIMITS.perEmail; i++)
        expect(await requestPasswordReset(db, { email, clientAddress: `192.0.2.${i}` })).toEqual({ ok: true });
      const r = await requestPasswordReset(db, { email, clientAddress: "192.0.2.200" });
      expect(r.ok).toBe(false);
      expect(r.ok === false && r.retryAfterSeconds).toBeGreaterThan(3000);
    }
    const address = "203.0.113.7";
    for (let i = 0; i < FORGOT_LIMITS.perAddress; i++)
      expect(await requestPasswordReset(db, { email: `someone${i}@example.test`, clientAddress: address })).toEqual({ ok: true });
    expect((await requestPasswordReset(db, { email: "someone-else@example.test", clientAddress: address })).ok).toBe(false);
    expect((await requestPasswordReset(db, { email: "someone-else@example.test", clientAddress: "203.0.113.8" })).ok).toBe(true);
  });
});

describe("shop access is enforced where shops are scoped", () => {
  it("a user limited to one shop never sees another's orders, transactions, export rows or keys; all-shops users see new shops too", async () => {
    const companyId = users.admin.companyId;
    await createShop(db, { id: "23456789", companyId, name: "Deuxième Boutique" });
    // Alice (the demo's administrator) sees every shop of the company, the new one too.
    const alice = (await actorOf(users.admin.userId))!;
    expect(alice.shopIds).toEqual(["12345678", "23456789"]);
    const a = await newOrder(alice, { shopId: "12345678", reference: "SHOP-A" });
    const b = await newOrder(alice, { shopId: "23456789", reference: "SHOP-B" });
    await payNow({ token: a.token, card: card("4970100000000055") });
    await payNow({ token: b.token, card: card("4970100000000055") });

    const inv = await inviteUser(db, alice, { email: "one-shop@example.test", role: "ADMIN", allShops: false, shopIds: ["23456789"] });
    const token = linkToken((await deliverLastTokenMail()).parsed.text ?? "", "invite")!;
    await acceptInvitation(db, { token, name: "Une Boutique", password: GOOD });
    const limited = (await actorOf(inv.userId))!;
    expect(limited.shopIds).toEqual(["23456789"]);

    expect((await findOrders(db, { actor: limited, mode: "TEST" })).map((o) => o.reference)).toEqual(["SHOP-B"]);
    expect((await findTransactions(db, { actor: limited })).rows.map((t) => t.order.reference)).toEqual(["SHOP-B"]);
    const csv = await new Response(
      exportOrdersCsv(db, { actor: limited, mode: "TEST", search: orderSearchSchema.parse({}), t: translator("en") }),
    ).text();
    expect(csv).toContain("SHOP-B");
    expect(csv).not.toContain("SHOP-A");
    // Even asking for the other shop by its id.
    const other = await new Response(
      exportOrdersCsv(db, { actor: limited, mode: "TEST", search: orderSearchSchema.parse({ shop: "12345678" }), t: translator("en") }),
    ).text();
    expect(other).not.toContain("SHOP-A");
    expect(await failure(getShopKeys(db, { actor: limited, shopId: "12345678" }))).toMatchObject({ code: "NOT_FOUND" });
    expect((await getShopKeys(db, { actor: limited, shopId: "23456789" })).shopId).toBe("23456789");
    // …and cannot grant what it cannot see.
    expect(
      await failure(
        updateUserAccess(db, {
          actor: limited,
          userId: users.viewer.userId,
          role: "VIEWER",
          allShops: false,
          shopIds: ["12345678", "23456789"],
        }),
      ),
    ).toMatchObject({
      code: "OK",
    });
    expect(await failure(updateUserAccess(db, { actor: limited, userId: inv.userId, role: "ADMIN", allShops: true }))).toMatchObject({
      fields: { shopIds: "err_user_shops_grant" },
    });

    // Access removed: effective on the next request.
    await updateUserAccess(db, { actor: alice, userId: inv.userId, role: "ADMIN", allShops: false, shopIds: ["12345678"] });
    const moved = (await actorOf(inv.userId))!;
    expect((await findOrders(db, { actor: moved, mode: "TEST" })).map((o) => o.reference)).not.toContain("SHOP-B");

    // All shops: today's and those created later.
    await createShop(db, { id: "34567890", companyId, name: "Troisième Boutique" });
    expect((await actorOf(alice.userId))!.shopIds).toEqual(["12345678", "23456789", "34567890"]);
    expect((await actorOf(users.other.userId))!.shopIds).toEqual(["87654321"]);
  });
});
