"use server";
// Server action of the order list: save the column chooser's choice, then back to the list.
import { redirect } from "next/navigation";
import { authedAction } from "../auth/authed-action";
import { saveListColumns } from "../users/save-list-columns";
import { listColumnsFormSchema } from "./schemas";

export const saveListColumnsAction = authedAction({
  read: (form: FormData) => ({ columns: form.getAll("columns"), returnTo: form.get("returnTo") }),
  schema: listColumnsFormSchema,
  run: async (db, { actor, columns, returnTo }) => {
    await saveListColumns(db, { actor, columns });
    return returnTo;
  },
  done: (returnTo) => redirect(returnTo),
  // Nothing saved: back to the list as it was.
  refused: () => redirect("/orders"),
});
