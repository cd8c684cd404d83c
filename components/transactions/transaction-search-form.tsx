import { CriterionInput, CriterionSelect, SearchForm } from "@/components/ui/search-form";
import type { T } from "@/lib/i18n";
import { TRANSACTION_STATUSES } from "@/lib/payments/schemas";

type Props = { t: T; values: Record<string, string>; errors: Record<string, string> };

/** GET form of the transactions list: every criterion is a query parameter, checked on the server. */
export function TransactionSearchForm({ t, values, errors }: Props) {
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const field = (name: string, label: string, props: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value"> = {}) => (
    <CriterionInput name={name} label={label} error={error(name)} value={values[name]} {...props} />
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
      <CriterionSelect
        name="status"
        label={t("txsearch_status")}
        error={error("status")}
        value={values.status}
        any={t("txsearch_any")}
        options={TRANSACTION_STATUSES.map((s) => ({ value: s, label: t(`txs_${s}`) }))}
      />
      {field("currency", t("txsearch_currency"), { size: 4, maxLength: 3, placeholder: "EUR" })}
      {field("amountMin", t("txsearch_amount_min"), { inputMode: "decimal", size: 10 })}
      {field("amountMax", t("txsearch_amount_max"), { inputMode: "decimal", size: 10 })}
      {field("reference", t("txsearch_reference"), { maxLength: 64 })}
      {field("last4", t("txsearch_last4"), { inputMode: "numeric", size: 5 })}
    </SearchForm>
  );
}
