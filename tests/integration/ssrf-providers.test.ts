// SSRF through the SMS and WhatsApp providers, with ALLOW_PRIVATE_WEBHOOKS unset (production's
// default): a company's own provider address (typed by a tenant) never reaches a private address —
// by name through /etc/hosts, or by a name resolving to loopback, metadata or IPv4-mapped
// addresses — and nothing the internal target could say is stored; the settings form refuses such
// addresses at once; the operator's configured WhatsApp address is trusted, another one is not,
// and a provider's redirect is not followed. With ALLOW_PRIVATE_WEBHOOKS=1 the same call goes out.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverSms } from "@/lib/channels/deliver-sms";
import { deliverWhatsApp } from "@/lib/channels/deliver-whatsapp";
import { BLOCKED_PROVIDER_REASON } from "@/lib/channels/provider-http";
import { sendWhatsApp } from "@/lib/channels/whatsapp-provider";
import { updateCompanySettings } from "@/lib/companies/update-company-settings";
import { createOrder } from "@/lib/orders/create-order";
import type { AppError } from "@/lib/server/errors";
import { encryptSecret } from "@/lib/server/secrets";
import { DEMO } from "@/prisma/demo-data";
import { db, dumpDatabaseText, resetDatabase, seedTenants } from "../helpers/db";
import { type FakeProvider, startFakeWhatsApp } from "../helpers/provider-servers";
import { closePrivateTargets, fakeDns, type InternalService, SECRET, startInternalService } from "../helpers/ssrf";

const WA = { phoneNumberId: "1098765", token: "wa-token-1" };
let users: Awaited<ReturnType<typeof seedTenants>>;
let internal: InternalService;
let wa: FakeProvider;
let restorePrivate: () => void;
let restoreDns: () => void;

beforeAll(async () => {
  restorePrivate = closePrivateTargets();
  await resetDatabase();
  users = await seedTenants();
  await db.company.updateMany({ data: { smsCredits: 1000 } });
  internal = await startInternalService();
  wa = await startFakeWhatsApp(WA);
  restoreDns = fakeDns({
    "sms-loopback.rebind.test": "127.0.0.1",
    "sms-metadata.rebind.test": "169.254.169.254",
    "sms-mapped.rebind.test": "::ffff:10.0.0.1",
    "sms-open.rebind.test": "127.0.0.1",
    "wa-metadata.rebind.test": "169.254.169.254",
  });
});
afterAll(async () => {
  restoreDns();
  restorePrivate();
  await internal.stop();
  await wa.stop();
  for (const k of ["WHATSAPP_API_URL", "WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID"]) delete process.env[k];
});

const companyId = () => users.admin.companyId;
const settings = (smsProviderUrl: string) =>
  ({ name: DEMO.company.name, managerEmail: DEMO.company.managerEmail, smsProviderUrl, smsLogin: "AC1", smsPassword: "pw" }) as never;
const refused = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: AppError) => e.fields ?? e.code,
  );

let seq = 0;
async function sendOne(channel: "SMS" | "WHATSAPP") {
  seq += 1;
  const o = await createOrder(db, {
    actor: users.operator,
    shopId: DEMO.shop.id,
    mode: "TEST",
    channel,
    recipient: "+33612345678",
    message: "Payez ici",
    amountMinor: 1590,
    currency: "EUR",
    reference: `SSRF-${seq}`,
  });
  const msg = await db.message.findFirstOrThrow({ where: { orderId: o.id } });
  await (channel === "SMS" ? deliverSms : deliverWhatsApp)(db, [msg.id]);
  return db.message.findUniqueOrThrow({ where: { id: msg.id } });
}

describe("a company's own SMS provider address", () => {
  it.each([
    ["localhost (resolved through /etc/hosts)", "localhost"],
    ["a name resolving to 127.0.0.1", "sms-loopback.rebind.test"],
    ["a name resolving to 169.254.169.254", "sms-metadata.rebind.test"],
    ["a name resolving to ::ffff:10.0.0.1", "sms-mapped.rebind.test"],
  ])("%s: never called; the message fails with the fixed reason, nothing of the target stored", async (_name, host) => {
    // https for the names that pass the form check (it requires https); blocked at the lookup, so
    // no TLS handshake is ever tried. localhost: stored as it is, as if saved before the guard existed.
    const url = `${host === "localhost" ? "http" : "https"}://${host}:${internal.port}`;
    if (host === "localhost") {
      await db.company.update({
        where: { id: companyId() },
        data: { smsProviderUrl: url, smsLogin: "AC1", smsPasswordEnc: encryptSecret("pw") },
      });
    } else {
      await updateCompanySettings(db, { actor: users.admin, settings: settings(url) });
    }
    const m = await sendOne("SMS");
    expect(m).toMatchObject({ status: "FAILED", attempts: 1, error: `PSP_1044: ${BLOCKED_PROVIDER_REASON}` });
    expect(internal.hits).toEqual([]);
    expect(await dumpDatabaseText()).not.toContain(SECRET);
  });

  it("the settings form refuses private, local and metadata addresses at once, naming the field", async () => {
    const before = await db.company.findUniqueOrThrow({ where: { id: companyId() } });
    for (const url of [
      "http://localhost:8080",
      "http://api.localhost",
      "http://127.0.0.1:9000",
      "http://[::1]:9000",
      "http://[::ffff:10.0.0.1]",
      "http://[::ffff:7f00:1]",
      "http://169.254.169.254/latest/meta-data",
      "http://10.0.0.5",
      "http://[fd00:ec2::254]",
    ]) {
      expect(await refused(updateCompanySettings(db, { actor: users.admin, settings: settings(url) })), url).toEqual({
        smsProviderUrl: "err_sms_url_private",
      });
    }
    for (const url of ["ftp://sms.example", "https://user:pw@sms.example", "javascript:alert(1)"]) {
      expect(await refused(updateCompanySettings(db, { actor: users.admin, settings: settings(url) })), url).toEqual({
        smsProviderUrl: "err_sms_url",
      });
    }
    // The account's password travels with every call: plain http is refused for a public host too.
    expect(await refused(updateCompanySettings(db, { actor: users.admin, settings: settings("http://api.sms.example") }))).toEqual({
      smsProviderUrl: "err_sms_url_https",
    });
    expect(await db.company.findUniqueOrThrow({ where: { id: companyId() } })).toEqual(before);
    expect(await refused(updateCompanySettings(db, { actor: users.admin, settings: settings("https://api.sms.example") }))).toBeNull();
  });

  it("with ALLOW_PRIVATE_WEBHOOKS=1 the same kind of address is called (and its answer quoted)", async () => {
    process.env.ALLOW_PRIVATE_WEBHOOKS = "1";
    try {
      await updateCompanySettings(db, { actor: users.admin, settings: settings(`http://sms-open.rebind.test:${internal.port}`) });
      const m = await sendOne("SMS");
      expect(internal.hits).toHaveLength(1);
      expect(m.error).toContain(SECRET);
    } finally {
      delete process.env.ALLOW_PRIVATE_WEBHOOKS;
      internal.hits.length = 0;
      await db.message.deleteMany();
    }
  });
});

describe("WhatsApp: only the operator's configured address is trusted", () => {
  beforeAll(() => {
    process.env.WHATSAPP_API_URL = wa.url;
    process.env.WHATSAPP_TOKEN = WA.token;
    process.env.WHATSAPP_PHONE_NUMBER_ID = WA.phoneNumberId;
  });

  it("WHATSAPP_API_URL on 127.0.0.1 (the operator's): sent, the guard closed", async () => {
    const m = await sendOne("WHATSAPP");
    expect(m).toMatchObject({ status: "SENT", providerMessageId: "wamid.TEST1" });
    expect(wa.received).toHaveLength(1);
  });

  it("another origin is guarded, even on the same port: blocked with the fixed reason", async () => {
    const account = { source: "environment", phoneNumberId: WA.phoneNumberId, token: WA.token, template: null } as const;
    const msg = { to: "+33612345678", text: "x", language: "fr", templateValues: [], shopId: DEMO.shop.id };
    for (const baseUrl of [
      `http://localhost:${internal.port}`,
      `http://localhost:${wa.port}`,
      `http://wa-metadata.rebind.test:${internal.port}`,
    ]) {
      expect(await sendWhatsApp({ ...account, baseUrl }, msg), baseUrl).toEqual({
        ok: false,
        permanent: true,
        code: "PSP_1001",
        reason: BLOCKED_PROVIDER_REASON,
      });
    }
    expect(internal.hits).toEqual([]);
    expect(wa.received).toHaveLength(1);
  });

  it("a redirect from the provider is not followed", async () => {
    const redirector = http.createServer((_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.1:${internal.port}/latest/meta-data` }).end();
    });
    await new Promise<void>((r) => redirector.listen(0, "127.0.0.1", r));
    process.env.WHATSAPP_API_URL = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}`;
    try {
      const m = await sendOne("WHATSAPP");
      expect(m.status).toBe("FAILED");
      expect(m.error).toMatch(/^PSP_1001: HTTP 302/);
      expect(internal.hits).toEqual([]);
    } finally {
      process.env.WHATSAPP_API_URL = wa.url;
      redirector.closeAllConnections();
      await new Promise<void>((r) => redirector.close(() => r()));
    }
  });
});
