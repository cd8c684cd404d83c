// A local Lyra-family processor for tests (issue 20), speaking its wire shapes over real HTTP:
// - POST /vads-payment/: the signed vads_* form (400 when the signature is wrong), answered with a
//   card page; its submit (or "Cancel") posts the signed notification to vads_url_check and sends
//   the browser back to vads_url_return (signed fields in the query, vads_return_mode=GET), in the
//   order asked for ("notify-first" or "return-first");
// - POST /api-payment/V4/Charge/SDKTest, Transaction/Validate, Transaction/CancelOrRefund, with
//   Basic auth site id : REST password.
// Card numbers are never kept: only the masked number goes back, as the processor's does.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { lyraSignature } from "@/lib/payments/connectors/lyra-signature";

export type ArrivalOrder = "notify-first" | "return-first";

export type FakeLyraOptions = {
  siteId?: string;
  signatureKey?: string;
  restPassword?: string;
};

export type FakeTransaction = { uuid: string; amount: number; currency: string; status: string; refunded: number; attemptId: string };

type Session = { fields: Record<string, string> };

const page = (title: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`;
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function luhn(pan: string) {
  let sum = 0;
  for (let i = 0; i < pan.length; i++) {
    let d = Number(pan[pan.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return pan.length >= 12 && sum % 10 === 0;
}

const readBody = (req: http.IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

export async function startFakeLyraForm(opts: FakeLyraOptions = {}) {
  const siteId = opts.siteId ?? "12345678";
  const signatureKey = opts.signatureKey ?? "prodkey-0123456789abcdef";
  const restPassword = opts.restPassword ?? "prodpassword_0123456789abcdef";
  const sessions = new Map<string, Session>();
  const transactions = new Map<string, FakeTransaction>();
  const state = {
    arrival: "notify-first" as ArrivalOrder,
    /** Delay of the notification after the return, in "return-first" (ms). */
    notifyDelayMs: 1500,
    /** false: the return URL gets no signed fields (the page must wait for the notification). */
    signedReturn: true,
    /** Tamper the amount the processor states (a mismatch), signed correctly. */
    amountOverride: null as number | null,
    /** Every form received (the fields as posted) and every notification answer. */
    forms: [] as Record<string, string>[],
    notifications: [] as { status: number; body: string; fields: Record<string, string> }[],
    restCalls: [] as { service: string; body: Record<string, unknown>; authorized: boolean }[],
  };
  let pendingNotify: Promise<void> = Promise.resolve();

  async function postNotification(url: string, fields: Record<string, string>) {
    const body = new URLSearchParams(fields).toString();
    const r = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    state.notifications.push({ status: r.status, body: await r.text(), fields });
  }

  function answerFields(sent: Record<string, string>, action: "pay" | "cancel", pan: string, expiry: string): Record<string, string> {
    const f: Record<string, string> = {};
    for (const k of [
      "vads_site_id",
      "vads_ctx_mode",
      "vads_trans_id",
      "vads_trans_date",
      "vads_amount",
      "vads_currency",
      "vads_order_id",
      "vads_ext_info_attempt",
      "vads_page_action",
      "vads_payment_config",
      "vads_capture_delay",
      "vads_validation_mode",
      "vads_language",
      "vads_version",
      "vads_action_mode",
    ]) {
      if (sent[k] !== undefined) f[k] = sent[k];
    }
    if (state.amountOverride !== null) f.vads_amount = String(state.amountOverride);
    const uuid = crypto.randomBytes(16).toString("hex");
    f.vads_trans_uuid = uuid;
    f.vads_url_check_src = "PAY";
    f.vads_hash = crypto.randomBytes(32).toString("hex");
    if (action === "cancel") {
      f.vads_trans_status = "ABANDONED";
      f.vads_result = "17";
    } else {
      const accepted = luhn(pan) && !pan.endsWith("0014");
      const [mm, yy] = expiry.split("/");
      f.vads_card_brand = pan.startsWith("5") ? "MASTERCARD" : "VISA";
      f.vads_card_number = `${pan.slice(0, 6)}XXXXXX${pan.slice(-4)}`;
      f.vads_expiry_month = String(Number(mm));
      f.vads_expiry_year = String(2000 + Number(yy));
      f.vads_result = accepted ? "00" : "05";
      f.vads_auth_result = accepted ? "00" : "05";
      f.vads_trans_status = accepted ? (sent.vads_validation_mode === "1" ? "AUTHORISED_TO_VALIDATE" : "AUTHORISED") : "REFUSED";
      if (accepted && sent.vads_page_action === "REGISTER_PAY") {
        f.vads_identifier = crypto.randomBytes(16).toString("hex");
        f.vads_identifier_status = "CREATED";
      }
      if (accepted) {
        transactions.set(uuid, {
          uuid,
          amount: Number(f.vads_amount),
          currency: f.vads_currency ?? "",
          status: f.vads_trans_status,
          refunded: 0,
          attemptId: f.vads_ext_info_attempt ?? "",
        });
      }
    }
    f.signature = lyraSignature(f, signatureKey);
    return f;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake.invalid");
    const send = (status: number, body: string, headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" }) => {
      res.writeHead(status, headers);
      res.end(body);
    };
    if (req.method === "POST" && url.pathname === "/vads-payment/") {
      const fields = Object.fromEntries(new URLSearchParams(await readBody(req)));
      state.forms.push(fields);
      if (fields.vads_site_id !== siteId || fields.signature !== lyraSignature(fields, signatureKey)) {
        return send(400, page("Signature error", "<p>The form's signature is wrong.</p>"));
      }
      const id = crypto.randomBytes(12).toString("hex");
      sessions.set(id, { fields });
      const amount = (Number(fields.vads_amount) / 100).toFixed(2);
      return send(
        200,
        page(
          "Fake Lyra payment page",
          `<p data-testid="fake-amount">${esc(amount)} (${esc(fields.vads_currency ?? "")})</p>
<form method="post" action="/vads-payment/pay/${id}">
<label for="pan">Card number</label><input id="pan" name="pan" autocomplete="off">
<label for="expiry">Expiry (MM/YY)</label><input id="expiry" name="expiry" value="12/30">
<label for="cvv">CVV</label><input id="cvv" name="cvv" value="123">
<button type="submit" name="action" value="pay">Pay</button>
<button type="submit" name="action" value="cancel">Cancel and return to the shop</button>
</form>`,
        ),
      );
    }
    const pay = /^\/vads-payment\/pay\/([0-9a-f]+)$/.exec(url.pathname);
    if (req.method === "POST" && pay?.[1]) {
      const session = sessions.get(pay[1]);
      if (!session) return send(404, page("Unknown session", ""));
      sessions.delete(pay[1]);
      const form = new URLSearchParams(await readBody(req));
      const pan = (form.get("pan") ?? "").replace(/\D/g, "");
      const answer = answerFields(session.fields, form.get("action") === "cancel" ? "cancel" : "pay", pan, form.get("expiry") ?? "12/30");
      const check = session.fields.vads_url_check ?? "";
      const back = new URL(session.fields.vads_url_return ?? "");
      if (state.signedReturn) for (const [k, v] of Object.entries(answer)) back.searchParams.set(k, v);
      if (state.arrival === "notify-first") {
        await postNotification(check, answer);
      } else {
        pendingNotify = new Promise((resolve) => setTimeout(resolve, state.notifyDelayMs)).then(() => postNotification(check, answer));
      }
      return send(302, "", { location: back.toString() });
    }
    const rest = /^\/api-payment\/V4\/(.+)$/.exec(url.pathname);
    if (req.method === "POST" && rest?.[1]) {
      const service = rest[1];
      const body = JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>;
      const authorized = req.headers.authorization === `Basic ${Buffer.from(`${siteId}:${restPassword}`).toString("base64")}`;
      state.restCalls.push({ service, body, authorized });
      const json = (status: "SUCCESS" | "ERROR", answer: Record<string, unknown>) =>
        send(200, JSON.stringify({ status, answer }), { "content-type": "application/json" });
      if (!authorized) return json("ERROR", { errorCode: "INT_905", errorMessage: "invalid shopId or password" });
      if (service === "Charge/SDKTest") return json("SUCCESS", { value: body.value });
      const t = transactions.get(String(body.uuid ?? ""));
      if (!t) return json("ERROR", { errorCode: "PSP_010", errorMessage: "transaction not found" });
      if (service === "Transaction/Validate") {
        if (t.status !== "AUTHORISED_TO_VALIDATE") return json("ERROR", { errorCode: "PSP_100", errorMessage: "not to validate" });
        t.status = "AUTHORISED";
        return json("SUCCESS", { uuid: t.uuid, detailedStatus: t.status, amount: t.amount });
      }
      if (service === "Transaction/CancelOrRefund") {
        const amount = typeof body.amount === "number" ? body.amount : t.amount - t.refunded;
        if (body.resolutionMode === "CANCELLATION_ONLY" || t.status === "AUTHORISED_TO_VALIDATE") {
          t.status = "CANCELLED";
          return json("SUCCESS", { uuid: t.uuid, detailedStatus: "CANCELLED", amount: t.amount });
        }
        if (t.refunded + amount > t.amount) return json("ERROR", { errorCode: "PSP_011", errorMessage: "refund over the captured amount" });
        t.refunded += amount;
        return json("SUCCESS", {
          uuid: crypto.randomBytes(16).toString("hex"),
          detailedStatus: "AUTHORISED",
          amount,
          operationType: "CREDIT",
        });
      }
      return json("ERROR", { errorCode: "INT_901", errorMessage: "web service not found" });
    }
    send(404, page("Not found", ""));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    formUrl: `${base}/vads-payment/`,
    restUrl: `${base}/api-payment/`,
    config: { siteId, formUrl: `${base}/vads-payment/`, restUrl: `${base}/api-payment/`, signatureKey, restPassword },
    state,
    transactions,
    /** Sign fields as the processor does (a notification built by a test). */
    sign: (fields: Record<string, string>) => ({ ...fields, signature: lyraSignature(fields, signatureKey) }),
    /** Resolves once the last deferred notification ("return-first") was answered. */
    notified: () => pendingNotify,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type FakeLyraForm = Awaited<ReturnType<typeof startFakeLyraForm>>;
