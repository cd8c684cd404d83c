import { Field } from "@/components/ui/field";
import { fieldBinder, wholeNumber } from "@/components/ui/field-binding";
import { SettingsSection } from "@/components/ui/settings-form";
import type { Messages } from "@/lib/i18n/messages/types";

type Quotas = { requestsPerMinute: number; testRecipientsPerHour: number };
/** The platform's REST quotas (an empty field keeps them) and the highest a shop may set. */
export type ApiQuotaChoices = { apiQuotaDefaults: Quotas; apiQuotaLimits: Quotas };
type Values = { apiRequestsPerMinute: string; apiTestRecipientsPerHour: string };

export const API_QUOTA_LABELS: Record<string, string> = {
  apiRequestsPerMinute: "shopset_api_requests_per_minute",
  apiTestRecipientsPerHour: "shopset_api_test_recipients_per_hour",
};

/** The stored quotas as the form shows them: empty for the platform's. */
export const apiQuotaValues = (s: { apiRequestsPerMinute: number | null; apiTestRecipientsPerHour: number | null }): Values => ({
  apiRequestsPerMinute: s.apiRequestsPerMinute?.toString() ?? "",
  apiTestRecipientsPerHour: s.apiTestRecipientsPerHour?.toString() ?? "",
});

/** Settings › Shop, the REST API's quotas per key mode; the help shows the platform's value. */
export function ApiQuotaFields({
  values: v,
  choices,
  error,
  messages: m,
}: {
  values: { apiRequestsPerMinute: unknown; apiTestRecipientsPerHour: unknown };
  choices: ApiQuotaChoices;
  error: (field: string) => string | undefined;
  messages: Messages;
}) {
  const { apiQuotaDefaults: d, apiQuotaLimits: max } = choices;
  const rpm = String(v.apiRequestsPerMinute ?? "");
  const rph = String(v.apiTestRecipientsPerHour ?? "");
  const bind = fieldBinder(error, { apiRequestsPerMinute: rpm, apiTestRecipientsPerHour: rph });
  return (
    <SettingsSection id="api-quotas" title={m.shopset_section_api_quotas}>
      <p className="text-sm text-slate-700">{m.shopset_api_quotas_intro}</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          key={`rpm-${rpm}`}
          {...bind("apiRequestsPerMinute")}
          {...wholeNumber(1, max.requestsPerMinute)}
          label={m.shopset_api_requests_per_minute}
          optional={m.optional}
          help={m.shopset_api_requests_per_minute_help.replace("{default}", String(d.requestsPerMinute))}
        />
        <Field
          key={`rph-${rph}`}
          {...bind("apiTestRecipientsPerHour")}
          {...wholeNumber(0, max.testRecipientsPerHour)}
          label={m.shopset_api_test_recipients_per_hour}
          optional={m.optional}
          help={m.shopset_api_test_recipients_per_hour_help.replace("{default}", String(d.testRecipientsPerHour))}
        />
      </div>
    </SettingsSection>
  );
}
