import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { ColumnHeads } from "@/components/ui/data-table";
import type { T } from "@/lib/i18n";

// The services in the order a merchant meets them; `extension`: ours, not in Lyra's V4 API.
const SERVICES = [
  { path: "Charge/CreatePaymentOrder", purpose: "api_svc_create" },
  { path: "Charge/PaymentOrder/Get", purpose: "api_svc_get" },
  { path: "Charge/PaymentOrder/Update", purpose: "api_svc_update" },
  { path: "Charge/SDKTest", purpose: "api_svc_sdktest" },
  { path: "Order/Get", purpose: "api_svc_order_get" },
  { path: "Charge/PaymentOrder/Cancel", purpose: "api_svc_cancel", extension: true },
  { path: "Charge/PaymentOrder/Reactivate", purpose: "api_svc_reactivate", extension: true },
];

/** The example shown and copied: the shop's real id, the password left for the reader to fill in. */
export const curlExample = (baseUrl: string, shopId: string) =>
  [
    `curl -u ${shopId}:testpassword_… \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '{"amount":1990,"currency":"EUR","orderId":"CMD-42"}' \\`,
    `  ${baseUrl}Charge/CreatePaymentOrder`,
  ].join("\n");

const h2 = "mb-2 text-lg font-semibold";
const code = "rounded bg-slate-100 px-1 font-mono text-sm";

/** Settings › REST API: how to call the API, in our own words. */
export function ApiGuide({ t, baseUrl, shopId, isAdmin }: { t: T; baseUrl: string; shopId: string; isAdmin: boolean }) {
  const example = curlExample(baseUrl, shopId);
  return (
    <div className="flex flex-col gap-6 rounded-lg border border-slate-200 bg-white p-6">
      <div>
        <h2 className={h2}>{t("api_base_url")}</h2>
        <p>
          <code className={code} data-testid="api-base-url">
            {baseUrl}
          </code>
        </p>
      </div>
      <div>
        <h2 className={h2}>{t("api_auth_title")}</h2>
        <p className="mb-3 text-sm text-slate-700">{t("api_auth_body")}</p>
        <dl className="mb-3 grid grid-cols-[16rem_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">{t("api_user")}</dt>
          <dd className="font-mono">{shopId}</dd>
          <dt className="text-slate-600">{t("api_password")}</dt>
          <dd className="font-mono">testpassword_… / prodpassword_…</dd>
        </dl>
        <p className="text-sm text-slate-700">
          {isAdmin ? (
            <>
              {t("api_password_where_admin")}{" "}
              <Link href="/settings/api-keys" className="text-brand-700 underline">
                {t("api_keys_link")}
              </Link>
              .
            </>
          ) : (
            t("api_password_where_other")
          )}{" "}
          {t("api_server_only")}
        </p>
      </div>
      <div>
        <h2 className={h2}>{t("api_services_title")}</h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-slate-100 text-xs uppercase text-slate-700">
            <tr>
              <ColumnHeads labels={[t("api_col_service"), t("api_col_purpose")]} />
            </tr>
          </thead>
          <tbody>
            {SERVICES.map((s) => (
              <tr key={s.path} className="border-t border-slate-100">
                <td className="px-3 py-2 whitespace-nowrap font-mono">
                  {s.path}
                  {s.extension ? (
                    <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 font-sans text-xs text-amber-900">{t("api_extension")}</span>
                  ) : null}
                </td>
                <td className="px-3 py-2">{t(s.purpose)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-slate-600">{t("api_extensions_note")}</p>
      </div>
      <div>
        <h2 className={h2}>{t("api_idempotency_title")}</h2>
        <p className="text-sm text-slate-700">{t("api_idempotency_body")}</p>
      </div>
      <div className="flex flex-col gap-2">
        <h2 className={h2}>{t("api_example_title")}</h2>
        <label htmlFor="curl-example" className="text-sm font-medium">
          {t("api_example_label")}
        </label>
        <textarea
          id="curl-example"
          readOnly
          rows={4}
          wrap="off"
          value={example}
          spellCheck={false}
          aria-describedby="curl-example-help"
          className="w-full rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-sm"
        />
        <div className="flex items-center gap-2">
          <CopyButton
            value={example}
            targetId="curl-example"
            labels={{ copy: t("apikeys_copy"), copied: t("apikeys_copied"), fallback: t("apikeys_copy_fallback") }}
          />
        </div>
        <p id="curl-example-help" className="text-sm text-slate-700">
          {t("api_example_help")}
        </p>
      </div>
      <p className="text-sm">
        <a href="/api-payment/openapi.json" className="text-brand-700 underline">
          {t("api_openapi")}
        </a>
      </p>
    </div>
  );
}
