// Real local HTTP servers implementing the two provider APIs for tests: the Twilio Messages API
// (form POST, Basic auth, 201 + sid, signed status callbacks) and the WhatsApp Cloud API (JSON,
// bearer token, messages[0].id, Graph errors). Each can be told how to answer the next requests,
// stopped (connections refused) and started again on the same port.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { twilioSignature } from "@/lib/channels/twilio-signature";

export type Received = { method: string; path: string; headers: http.IncomingHttpHeaders; raw: string };
type Reply = { status: number; body: unknown };

export type FakeProvider = {
  url: string;
  port: number;
  received: Received[];
  /** Answers used before the default one, in order (e.g. two 503 then the normal answer). */
  script: (Reply | "close")[];
  stop(): Promise<void>;
  start(): Promise<void>;
};

async function startFake(answer: (req: Received) => Reply): Promise<FakeProvider> {
  const fake: FakeProvider = { url: "", port: 0, received: [], script: [], stop: async () => {}, start: async () => {} };
  let server: http.Server | null = null;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on("data", (c: Buffer) => chunks.push(c));
        req.on("end", () => {
          const r: Received = {
            method: req.method ?? "",
            path: req.url ?? "",
            headers: req.headers,
            raw: Buffer.concat(chunks).toString("utf8"),
          };
          fake.received.push(r);
          const next = fake.script.shift();
          if (next === "close") {
            req.socket.destroy();
            return;
          }
          const reply = next ?? answer(r);
          res.writeHead(reply.status, { "content-type": "application/json" });
          res.end(JSON.stringify(reply.body));
        });
      });
      server.once("error", reject);
      server.listen(fake.port, "127.0.0.1", () => {
        fake.port = (server!.address() as AddressInfo).port;
        fake.url = `http://127.0.0.1:${fake.port}`;
        resolve();
      });
    });
  fake.stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = null;
    });
  fake.start = listen;
  await listen();
  return fake;
}

export const form = (r: Received) => Object.fromEntries(new URLSearchParams(r.raw));

/** A Twilio-like provider for one account; refuses other credentials like Twilio does. */
export async function startFakeTwilio(account: { login: string; password: string }) {
  let n = 0;
  const fake = await startFake((r) => {
    const auth = `Basic ${Buffer.from(`${account.login}:${account.password}`).toString("base64")}`;
    if (r.headers.authorization !== auth) return { status: 401, body: { code: 20003, message: "Authenticate", status: 401 } };
    if (r.path !== `/2010-04-01/Accounts/${account.login}/Messages.json`)
      return { status: 404, body: { code: 20404, message: "Not found", status: 404 } };
    const f = form(r);
    if (!/^\+[1-9]\d{6,14}$/.test(f.To ?? "") || f.To?.endsWith("4000")) {
      return { status: 400, body: { code: 21211, message: `The 'To' number ${f.To} is not a valid phone number.`, status: 400 } };
    }
    n += 1;
    return { status: 201, body: { sid: `SM${String(n).padStart(32, "0")}`, status: "queued", to: f.To, from: f.From, body: f.Body } };
  });
  return {
    ...fake,
    /** Posts a signed delivery report to the StatusCallback of a received request, as Twilio does. */
    async report(r: Received, sid: string, status: string, opts: { password?: string; errorCode?: string } = {}) {
      const f = form(r);
      const params: Record<string, string> = {
        AccountSid: account.login,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: f.To!,
        From: f.From!,
        ...(opts.errorCode ? { ErrorCode: opts.errorCode } : {}),
      };
      const res = await fetch(f.StatusCallback!, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "x-twilio-signature": twilioSignature(f.StatusCallback!, params, opts.password ?? account.password),
        },
        body: new URLSearchParams(params).toString(),
      });
      return res.status;
    },
  };
}

/** A WhatsApp Cloud API-like provider for one phone number id and token. */
export async function startFakeWhatsApp(account: { phoneNumberId: string; token: string }) {
  let n = 0;
  return startFake((r) => {
    if (r.headers.authorization !== `Bearer ${account.token}`) {
      return { status: 401, body: { error: { message: "Invalid OAuth access token.", type: "OAuthException", code: 190 } } };
    }
    if (r.path !== `/${account.phoneNumberId}/messages`) {
      return {
        status: 400,
        body: { error: { message: "Unsupported post request.", type: "GraphMethodException", code: 100, error_subcode: 33 } },
      };
    }
    const body = JSON.parse(r.raw) as { to: string };
    n += 1;
    return {
      status: 200,
      body: { messaging_product: "whatsapp", contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.TEST${n}` }] },
    };
  });
}
