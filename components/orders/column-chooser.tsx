import { buttonClass } from "@/components/ui/button";
import type { T } from "@/lib/i18n";
import { saveListColumnsAction } from "@/lib/orders/list-actions";
import { COLUMN_LABEL, ORDER_COLUMNS, type OrderColumn, REQUIRED_ORDER_COLUMNS } from "@/lib/orders/list-columns";

/** Checkboxes of the list's columns; the choice is saved with the user and applies on every visit. */
export function ColumnChooser({ t, shown, returnTo }: { t: T; shown: OrderColumn[]; returnTo: string }) {
  return (
    <details className="relative" data-testid="column-chooser">
      <summary className={`${buttonClass("secondary")} cursor-pointer list-none`}>{t("osearch_columns")}</summary>
      <form
        action={saveListColumnsAction}
        className="absolute right-0 z-10 mt-1 w-64 rounded-md border border-slate-300 bg-white p-3 shadow-lg"
      >
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{t("osearch_columns")}</legend>
          <input type="hidden" name="returnTo" value={returnTo} />
          {ORDER_COLUMNS.map((c) => (
            <label key={c} className="flex items-center gap-2 py-1 text-sm">
              <input
                type="checkbox"
                name="columns"
                value={c}
                defaultChecked={shown.includes(c)}
                disabled={REQUIRED_ORDER_COLUMNS.includes(c)}
              />
              {t(COLUMN_LABEL[c])}
            </label>
          ))}
        </fieldset>
        <button type="submit" className={`${buttonClass()} mt-2 w-full`}>
          {t("osearch_columns_save")}
        </button>
      </form>
    </details>
  );
}
