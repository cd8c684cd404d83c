import { CriterionInput, CriterionSelect, SearchForm } from "@/components/ui/search-form";
import type { T } from "@/lib/i18n";
import { NOTIFICATION_EVENTS } from "@/lib/notifications/events";
import { DELIVERY_MODES, DELIVERY_STATUSES } from "@/lib/notifications/schemas";

type Props = { t: T; values: Record<string, string>; errors: Record<string, string>; shops: { id: string; name: string }[] };

const LOG = "/notifications/deliveries";

/** GET form of the notification log: every criterion is a query parameter, checked on the server. */
export function DeliverySearchForm({ t, values, errors, shops }: Props) {
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const field = (name: string, label: string, props: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value"> = {}) => (
    <CriterionInput name={name} label={label} error={error(name)} value={values[name]} {...props} />
  );
  const select = (name: string, label: string, options: { value: string; label: string }[]) => (
    <CriterionSelect name={name} label={label} error={error(name)} value={values[name]} any={t("ndlv_search_any")} options={options} />
  );
  return (
    <SearchForm
      action={LOG}
      legend={t("ndlv_search_legend")}
      submit={{ label: t("ndlv_search_submit"), testId: "dsearch-submit" }}
      reset={t("ndlv_search_reset")}
    >
      {shops.length > 1
        ? select(
            "shop",
            t("ndlv_search_shop"),
            shops.map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })),
          )
        : null}
      {select(
        "mode",
        t("ndlv_search_mode"),
        DELIVERY_MODES.map((m) => ({ value: m, label: m })),
      )}
      {select(
        "status",
        t("ndlv_search_status"),
        DELIVERY_STATUSES.map((s) => ({ value: s, label: t(`ndlv_status_${s}`) })),
      )}
      {select(
        "event",
        t("ndlv_search_event"),
        NOTIFICATION_EVENTS.map((e) => ({ value: e, label: t(`ntf_event_${e}`) })),
      )}
      {field("order", t("ndlv_search_order"), { maxLength: 64 })}
      {field("from", t("ndlv_search_from"), { type: "date" })}
      {field("to", t("ndlv_search_to"), { type: "date" })}
    </SearchForm>
  );
}
