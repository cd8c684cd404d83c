"use server";
// Server action of the order list: save the column chooser's choice, then back to the list.
import { redirect } from "next/navigation";
import { requireSession } from "@/lib/auth/session";
import { listColumnsFormSchema } from "@/lib/orders/schemas";
import { getDb } from "@/lib/server/db";
import { safeParseInput } from "@/lib/server/validation";
import { saveListColumns } from "@/lib/users/save-list-columns";

export async function saveListColumnsAction(form: FormData) {
  const { actor } = await requireSession();
  const parsed = safeParseInput(listColumnsFormSchema, { columns: form.getAll("columns"), returnTo: form.get("returnTo") });
  const returnTo = parsed.success ? parsed.data.returnTo : "/orders";
  if (parsed.success) await saveListColumns(getDb(), { actor, columns: parsed.data.columns });
  redirect(returnTo);
}
