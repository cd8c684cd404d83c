"use server";
// One server action for the order actions of F-ACT (toolbar, row menu, detail page): authenticate,
// parse, call the use case, come back to the order with what happened.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireSession } from "@/lib/auth/session";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { changeValidity } from "@/lib/orders/change-validity";
import { markOrderSent } from "@/lib/orders/mark-order-sent";
import { reactivateOrder } from "@/lib/orders/reactivate-order";
import { resendOrder } from "@/lib/orders/resend-order";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { safeParseInput } from "@/lib/server/validation";
import { daySchema } from "@/lib/shared/day";

const actionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("cancel"), orderId: z.string() }),
  z.object({ action: z.literal("reactivate"), orderId: z.string() }),
  z.object({ action: z.literal("resend"), orderId: z.string() }),
  z.object({ action: z.literal("markSent"), orderId: z.string() }),
  z.object({ action: z.literal("changeValidity"), orderId: z.string(), day: daySchema }),
]);

export async function runOrderAction(formData: FormData) {
  const { actor } = await requireSession();
  const parsed = safeParseInput(actionSchema, Object.fromEntries(formData.entries()));
  const orderId = String(formData.get("orderId") ?? "");
  if (!parsed.success) redirect(`/orders/${orderId}?error=err_date_format`);
  const a = parsed.data;
  const db = getDb();
  let error: string | null = null;
  try {
    if (a.action === "cancel") await cancelOrder(db, { actor, orderId });
    else if (a.action === "reactivate") await reactivateOrder(db, { actor, orderId });
    else if (a.action === "resend") await resendOrder(db, { actor, orderId });
    else if (a.action === "markSent") await markOrderSent(db, { actor, orderId });
    else await changeValidity(db, { actor, orderId, day: a.day });
  } catch (e) {
    if (!isAppError(e)) throw e;
    error =
      e.code === "VALIDATION"
        ? (Object.values(e.fields ?? {})[0] ?? "err_generic")
        : e.code === "INVALID_TRANSITION"
          ? "err_action_not_allowed"
          : e.code === "FORBIDDEN"
            ? "err_forbidden"
            : "err_generic";
  }
  revalidatePath("/orders");
  revalidatePath("/test-orders");
  revalidatePath(`/orders/${orderId}`);
  redirect(`/orders/${orderId}?${error ? `error=${error}` : `done=${a.action}`}`);
}
