import { CriterionInput, CriterionSelect, SearchForm } from "@/components/ui/search-form";
import { AUDIT_AREA_KEYS, AUDIT_AREAS, actionLabelKey } from "@/lib/audit/audit-actions";
import { AUDIT_ACTOR_TYPES } from "@/lib/audit/schemas";
import type { T } from "@/lib/i18n";

type Props = { t: T; values: Record<string, string>; errors: Record<string, string>; shops: { id: string; name: string }[] };

export const AUDIT_LOG = "/settings/audit-log";

/** GET form of the audit log: every criterion is a query parameter, checked on the server. */
export function AuditSearchForm({ t, values, errors, shops }: Props) {
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);
  const common = (name: string) => ({ name, label: t(`audit_search_${name}`), error: error(name), value: values[name] });
  const field = (name: string, props: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value"> = {}, help?: string) => (
    <CriterionInput {...common(name)} help={help} {...props} />
  );
  const select = (name: string, children: React.ReactNode) => (
    <CriterionSelect {...common(name)} any={t("audit_search_any")}>
      {children}
    </CriterionSelect>
  );
  const action = values.action ?? "";
  const known =
    action === "" || AUDIT_AREA_KEYS.some((a) => `area:${a}` === action || (AUDIT_AREAS[a].actions as readonly string[]).includes(action));
  return (
    <SearchForm
      action={AUDIT_LOG}
      legend={t("audit_search_legend")}
      submit={{ label: t("audit_search_submit"), testId: "audit-search-submit" }}
      reset={t("audit_search_reset")}
    >
      {field("from", { type: "date" })}
      {field("to", { type: "date" })}
      {select(
        "actorType",
        AUDIT_ACTOR_TYPES.map((a) => (
          <option key={a} value={a}>
            {t(`audit_actor_type_${a}`)}
          </option>
        )),
      )}
      {field("actor", { maxLength: 100 }, t("audit_search_actor_help"))}
      {select(
        "action",
        <>
          {known ? null : <option value={action}>{action}</option>}
          {AUDIT_AREA_KEYS.map((area) => (
            <optgroup key={area} label={t(`audit_area_${area}`)}>
              <option value={`area:${area}`}>{t("audit_area_all").replace("{area}", t(`audit_area_${area}`))}</option>
              {AUDIT_AREAS[area].actions.map((a) => (
                <option key={a} value={a}>
                  {t(actionLabelKey(a))} ({a})
                </option>
              ))}
            </optgroup>
          ))}
        </>,
      )}
      {select(
        "shop",
        shops.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.id})
          </option>
        )),
      )}
      {field("order", { maxLength: 32, className: "w-72 font-mono", spellCheck: false })}
    </SearchForm>
  );
}
