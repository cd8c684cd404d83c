import { handleV4 } from "@/lib/lyra-api/handler";

export const DEMO_TEST = { shopId: "12345678", password: "testpassword_DEMOSHOPKEY0000000001" };
export const DEMO_PROD = { shopId: "12345678", password: "prodpassword_DEMOSHOPKEY0000000001" };
export const OTHER_TEST = { shopId: "87654321", password: "testpassword_OTHERSHOPKEY000000002" };

export const basic = (c: { shopId: string; password: string }) => `Basic ${Buffer.from(`${c.shopId}:${c.password}`).toString("base64")}`;

type CallOptions = { creds?: { shopId: string; password: string } | null; headers?: Record<string, string>; raw?: string };

/** Calls a V4 service through the same handler the route uses, with a real Request. */
export async function callApi(service: string, body: unknown, opts: CallOptions = {}) {
  const creds = opts.creds === undefined ? DEMO_TEST : opts.creds;
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (creds) headers.authorization = basic(creds);
  const res = await handleV4(
    service,
    new Request(`http://localhost/api-payment/V4/${service}`, { method: "POST", headers, body: opts.raw ?? JSON.stringify(body) }),
  );
  const json = await res.json();
  return { http: res.status, headers: res.headers, json, answer: json.answer, status: json.status as "SUCCESS" | "ERROR" };
}

export const create = (body: Record<string, unknown>, opts?: CallOptions) => callApi("Charge/CreatePaymentOrder", body, opts);
