// The routes the server front answers itself, without Next (scripts/server.ts): the operations
// endpoints (/api/health, /api/ready, /api/metrics), the REST API (/api-payment/V4/*) and the
// buyer pages (/pay/*, /collect/*, /pay-assets/*). Here, not in lib/server: the front is
// infrastructure and knows no domain.
import { badPathV4, handleV4Raw } from "../lyra-api/handler";
import { handleOpsRaw, OPS_PATHS } from "../ops/handler";
import { handlePayRaw } from "../pay-page/handler";
import { handleConnectorNotification, NOTIFY_PATH } from "../payments/connectors/handle-notification";
import { getDb } from "../server/db";
import { type FrontRoutes, fail, readBody, send } from "../server/front";
import { allJobs } from "./jobs";

const V4_PREFIX = "/api-payment/V4/";
const QUEUES = allJobs.map((j) => j.name);

export const frontRoutes: FrontRoutes = {
  badPath: (pathname) => (pathname.startsWith(V4_PREFIX) ? badPathV4(pathname.slice(V4_PREFIX.length)) : null),
  handle(req, res, url, pathname) {
    if (OPS_PATHS.has(pathname)) {
      const authorization = req.headers.authorization ?? null;
      handleOpsRaw({ method: req.method ?? "GET", pathname, authorization }, { queues: QUEUES }).then(
        (r) => send(res, r ?? { status: 404, headers: {}, body: "" }),
        (e) => fail(res, e, "ops endpoint"),
      );
      return true;
    }
    if (req.method === "POST" && url.startsWith(V4_PREFIX)) {
      const service = decodeURIComponent(url.slice(V4_PREFIX.length).split("?")[0] ?? "");
      const idem = req.headers["idempotency-key"];
      handleV4Raw(service, {
        authorization: req.headers.authorization ?? null,
        idempotencyKey: typeof idem === "string" ? idem : null,
        readBody: () => readBody(req),
      }).then(
        (r) => send(res, r),
        (e) => fail(res, e, "api call"),
      );
      return true;
    }
    // A payment processor's notification (issue 20): POST /api/connectors/<shopConnectorId>/notify.
    const notify = url.startsWith("/api/connectors/") ? NOTIFY_PATH.exec(pathname) : null;
    if (notify?.[1]) {
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      readBody(req)
        .then((rawBody) =>
          handleConnectorNotification(getDb(), { shopConnectorId: notify[1] as string, method: req.method ?? "GET", headers, rawBody }),
        )
        .then(
          (r) => send(res, r),
          (e) => fail(res, e, "processor notification"),
        );
      return true;
    }
    if (url.startsWith("/pay/") || url.startsWith("/pay-assets/") || url.startsWith("/collect/")) {
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(", ") : v;
      handlePayRaw({ method: req.method ?? "GET", url, headers, readBody: () => readBody(req) }).then(
        (r) => send(res, r),
        (e) => fail(res, e, "buyer page"),
      );
      return true;
    }
    return false;
  },
};
