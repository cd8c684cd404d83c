import { SearchForm } from "@/components/ui/search-form";
import { AUDIT_AREA_KEYS, AUDIT_AREAS, actionLabelKey } from "@/lib/audit/audit-actions";
import { AUDIT_ACTOR_TYPES } from "@/lib/audit/schemas";
import type { T } from "@/lib/i18n";

type Props = { t: T; values: Record<string, string>; errors: Record<string, string>; shops: { id: string; name: string }[] };

const input = "rounded-md border border-slate-400 px-2 py-1.5 text-sm aria-[invalid=true]:border-red-700";
export const AUDIT_LOG = "/settings/audit-log";

/** GET form of the audit log: every criterion is a query parameter, checked on the server. */
export function AuditSearchForm({ t, values, errors, shops }: Props) {
  const describedBy = (name: string, help = false) =>
    [help ? `help-${name}` : null, errors[name] ? `err-${name}` : null].filter(Boolean).join(" ") || undefined;
  const aria = (name: string, help = false) => ({
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy(name, help),
  });
  const errorOf = (name: string) =>
    errors[name] ? (
      <span id={`err-${name}`} className="text-xs font-normal text-red-800">
        {t(errors[name])}
      </span>
    ) : null;
  const field = (name: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, help?: string) => (
    <div className="flex flex-col gap-1 text-xs font-medium">
      <label htmlFor={name}>{t(`audit_search_${name}`)}</label>
      <input id={name} name={name} defaultValue={values[name] ?? ""} className={input} {...aria(name, Boolean(help))} {...props} />
      {help ? (
        <span id={`help-${name}`} className="max-w-56 font-normal text-slate-600">
          {help}
        </span>
      ) : null}
      {errorOf(name)}
    </div>
  );
  const select = (name: string, children: React.ReactNode) => (
    <label className="flex flex-col gap-1 text-xs font-medium">
      {t(`audit_search_${name}`)}
      <select id={name} name={name} defaultValue={values[name] ?? ""} className={input} {...aria(name)}>
        <option value="">{t("audit_search_any")}</option>
        {children}
      </select>
      {errorOf(name)}
    </label>
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
      {field("order", { maxLength: 32, className: `${input} w-72 font-mono`, spellCheck: false })}
    </SearchForm>
  );
}
