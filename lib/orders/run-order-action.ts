"use server";
// One server action for the order actions of F-ACT (toolbar, row menu, detail page): the use case
// through authedAction, then back to the order with what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { authedAction, noticeOf } from "../auth/authed-action";
import { daySchema } from "../shared/day";
import { cancelOrder } from "./cancel-order";
import { changeValidity } from "./change-validity";
import { markOrderSent } from "./mark-order-sent";
import { reactivateOrder } from "./reactivate-order";
import { resendOrder } from "./resend-order";

// Only the day can be badly typed by a person; any other bad value is a forged form.
const orderId = z.string({ error: "err_date_format" });
const actionSchema = z.discriminatedUnion(
  "action",
  [
    z.object({ action: z.literal("cancel"), orderId }),
    z.object({ action: z.literal("reactivate"), orderId }),
    z.object({ action: z.literal("resend"), orderId }),
    z.object({ action: z.literal("markSent"), orderId }),
    z.object({ action: z.literal("changeValidity"), orderId, day: daySchema }),
  ],
  { error: "err_date_format" },
);

const USE_CASES = { cancel: cancelOrder, reactivate: reactivateOrder, resend: resendOrder, markSent: markOrderSent };

function back(orderId: string, notice: string): never {
  revalidatePath("/orders");
  revalidatePath("/test-orders");
  revalidatePath(`/orders/${orderId}`);
  redirect(`/orders/${orderId}?${notice}`);
}

export const runOrderAction = authedAction({
  read: (formData: FormData) => ({
    ...Object.fromEntries(formData.entries()),
    action: String(formData.get("action") ?? ""),
    orderId: String(formData.get("orderId") ?? ""),
  }),
  schema: actionSchema,
  run: async (db, a) => {
    await (a.action === "changeValidity" ? changeValidity(db, a) : USE_CASES[a.action](db, a));
  },
  done: (_r, { orderId, action }) => back(orderId, `done=${action}`),
  refused: (r, { orderId }) => back(orderId, `error=${noticeOf(r)}`),
});
