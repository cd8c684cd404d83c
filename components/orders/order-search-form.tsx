import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { T } from "@/lib/i18n";

const CHANNELS = ["URL", "MAIL", "SMS", "WHATSAPP", "INVOICE"];
const STATUSES = ["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"];
const DELIVERIES = ["IN_PROGRESS", "SENT", "FAILED", "MANUAL"];

type Props = {
  path: string;
  t: T;
  values: Record<string, string>;
  errors: Record<string, string>;
  shops: { id: string; name: string; currencies: string[] }[];
  /** Unfolded when criteria are in use (folded, the list starts higher on the page). */
  open: boolean;
};

/** The search tool: a plain GET form (works without JavaScript), one labelled control per criterion, in a foldable panel. */
export function OrderSearchForm({ path, t, values, errors, shops, open }: Props) {
  const currencies = [...new Set(shops.flatMap((s) => s.currencies))].sort();
  const select = (name: string, label: string, options: { value: string; label: string }[], withAny = true) => (
    <SelectField
      id={`q-${name}`}
      name={name}
      label={label}
      error={errors[name] ? t(errors[name]) : undefined}
      defaultValue={values[name] ?? ""}
      placeholder={withAny ? t("osearch_any") : undefined}
      options={options}
    />
  );
  const input = (name: string, label: string, type = "text", extra: Record<string, string> = {}) => (
    <Field
      id={`q-${name}`}
      name={name}
      label={label}
      type={type}
      defaultValue={values[name] ?? ""}
      error={errors[name] ? t(errors[name]) : undefined}
      {...extra}
    />
  );
  return (
    <search aria-labelledby="search-title" className="mb-4 block rounded-lg border border-slate-200 bg-white p-4">
      <details open={open} data-testid="search-panel">
        <summary id="search-title" className="cursor-pointer text-lg font-semibold">
          {t("osearch_title")}
        </summary>
        <form method="get" action={path} className="mt-3">
          {values.sort ? <input type="hidden" name="sort" value={values.sort} /> : null}
          {values.dir ? <input type="hidden" name="dir" value={values.dir} /> : null}
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {shops.length > 1
              ? select(
                  "shop",
                  t("osearch_shop"),
                  shops.map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })),
                )
              : null}
            {select(
              "channel",
              t("osearch_channel"),
              CHANNELS.map((c) => ({ value: c, label: t(`channel_${c}`) })),
            )}
            {select(
              "status",
              t("osearch_status"),
              STATUSES.map((s) => ({ value: s, label: t(`status_${s}`) })),
            )}
            {select(
              "delivery",
              t("osearch_delivery"),
              DELIVERIES.map((d) => ({ value: d, label: t(`delivery_${d}`) })),
            )}
            {input("createdFrom", t("osearch_created_from"), "date")}
            {input("createdTo", t("osearch_created_to"), "date")}
            {input("validFrom", t("osearch_valid_from"), "date")}
            {input("validTo", t("osearch_valid_to"), "date")}
            {select(
              "currency",
              t("osearch_currency"),
              currencies.map((c) => ({ value: c, label: c })),
              currencies.length > 1,
            )}
            {input("amountMin", t("osearch_amount_min"), "text", { inputMode: "decimal", autoComplete: "off" })}
            {input("amountMax", t("osearch_amount_max"), "text", { inputMode: "decimal", autoComplete: "off" })}
            {input("reference", t("osearch_reference"), "search", { autoComplete: "off" })}
            {input("recipient", t("osearch_recipient"), "search", { autoComplete: "off" })}
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <button type="submit" className={buttonClass()} data-testid="search-submit">
              {t("osearch_submit")}
            </button>
            <Link href={path} className={buttonClass("secondary")}>
              {t("osearch_reset")}
            </Link>
          </div>
        </form>
      </details>
    </search>
  );
}
