import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { ConfirmDeleteButton } from "@/components/ui/confirm-delete-button";
import type { T } from "@/lib/i18n";
import { deleteOrderAction } from "@/lib/orders/actions";
import type { OrderAction } from "@/lib/orders/order-actions";
import { runOrderAction } from "@/lib/orders/run-order-action";

type Props = {
  t: T;
  orderId: string;
  shopId: string;
  /** What the delete confirmation names. */
  name: string;
  mode: string;
  actions: OrderAction[];
  today: string;
  maxDay: string;
  proposedDay: string;
  /** The list's row menu asked to delete: the confirmation opens at once. */
  confirmDelete?: boolean;
};

/** The actions an order offers now (F-ACT), as links or one-button forms; forbidden ones are absent. */
export function OrderToolbar({ t, orderId, shopId, name, mode, actions, today, maxDay, proposedDay, confirmDelete }: Props) {
  const has = (a: OrderAction) => actions.includes(a);
  const post = (action: OrderAction, variant: "primary" | "secondary" | "danger" = "secondary") => (
    <form action={runOrderAction} key={action}>
      <input type="hidden" name="orderId" value={orderId} />
      <button type="submit" name="action" value={action} className={buttonClass(variant)} data-action={action}>
        {t(`action_${action}`)}
      </button>
    </form>
  );
  return (
    <div
      role="toolbar"
      aria-label={t("actions")}
      className="flex flex-wrap items-end gap-2 rounded-lg border border-slate-200 bg-white p-3"
    >
      {has("modifyResend") ? (
        <Link href={`/orders/${orderId}/edit`} className={buttonClass("secondary")} data-action="modifyResend">
          {t("action_modifyResend")}
        </Link>
      ) : null}
      {has("resend") ? post("resend") : null}
      {has("markSent") ? post("markSent") : null}
      {has("reactivate") ? post("reactivate", "primary") : null}
      {has("createFrom") ? (
        <Link href={`/orders/new?mode=${mode}&from=${orderId}`} className={buttonClass("secondary")} data-action="createFrom">
          {t("action_createFrom")}
        </Link>
      ) : null}
      {has("viewTransaction") ? (
        <a href="#transactions" className={buttonClass("secondary")} data-action="viewTransaction">
          {t("action_viewTransaction")}
        </a>
      ) : null}
      {has("changeValidity") ? (
        <form id="change-validity" action={runOrderAction} className="flex items-end gap-2">
          <input type="hidden" name="orderId" value={orderId} />
          <input type="hidden" name="action" value="changeValidity" />
          <label className="flex flex-col text-xs font-medium">
            {t("field_valid_until")}
            <input
              type="date"
              name="day"
              // Today + the shop's default validity (manual), not the current end.
              defaultValue={proposedDay < today ? today : proposedDay}
              min={today}
              max={maxDay}
              className="rounded-md border border-slate-400 px-2 py-1.5 text-sm"
            />
          </label>
          <button type="submit" className={buttonClass("secondary")} data-action="changeValidity">
            {t("action_changeValidity")}
          </button>
        </form>
      ) : null}
      {has("cancel") ? post("cancel", "danger") : null}
      {has("delete") ? (
        <ConfirmDeleteButton
          action={deleteOrderAction}
          shopId={shopId}
          targetId={orderId}
          name={name}
          openAtStart={confirmDelete}
          labels={{
            delete: t("action_delete"),
            title: t("delete_title"),
            body: t("delete_confirm"),
            confirm: t("delete_confirm_yes"),
            cancel: t("delete_confirm_no"),
          }}
        />
      ) : null}
    </div>
  );
}
