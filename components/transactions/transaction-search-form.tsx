import { SearchForm } from "@/components/ui/search-form";
import type { T } from "@/lib/i18n";
import { TRANSACTION_STATUSES } from "@/lib/payments/schemas";

type Props = { t: T; values: Record<string, string>; errors: Record<string, string> };

const input = "rounded-md border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-700";

/** GET form of the transactions list: every criterion is a query parameter, checked on the server. */
export function TransactionSearchForm({ t, values, errors }: Props) {
  const field = (name: string, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col gap-1 text-xs font-medium">
      {label}
      <input
        id={name}
        name={name}
        defaultValue={values[name] ?? ""}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `err-${name}` : undefined}
        className={input}
        {...props}
      />
      {errors[name] ? (
        <span id={`err-${name}`} className="text-xs font-normal text-red-800">
          {t(errors[name])}
        </span>
      ) : null}
    </label>
  );
  return (
    <SearchForm
      action="/transactions"
      legend={t("txsearch_legend")}
      submit={{ label: t("txsearch_submit"), testId: "txsearch-submit" }}
      reset={t("txsearch_reset")}
    >
      {field("from", t("txsearch_from"), { type: "date" })}
      {field("to", t("txsearch_to"), { type: "date" })}
      <label className="flex flex-col gap-1 text-xs font-medium">
        {t("txsearch_status")}
        <select id="status" name="status" defaultValue={values.status ?? ""} className={input}>
          <option value="">{t("txsearch_any")}</option>
          {TRANSACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`txs_${s}`)}
            </option>
          ))}
        </select>
      </label>
      {field("currency", t("txsearch_currency"), { size: 4, maxLength: 3, placeholder: "EUR" })}
      {field("amountMin", t("txsearch_amount_min"), { inputMode: "decimal", size: 10 })}
      {field("amountMax", t("txsearch_amount_max"), { inputMode: "decimal", size: 10 })}
      {field("reference", t("txsearch_reference"), { maxLength: 64 })}
      {field("last4", t("txsearch_last4"), { inputMode: "numeric", size: 5 })}
    </SearchForm>
  );
}
