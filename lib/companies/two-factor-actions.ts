"use server";
// Settings › Company › Security: the company's two-factor requirement (administrators).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "../auth/authed-action";
import { setTwoFactorRequirement } from "./set-two-factor-requirement";

export type TwoFactorRequirementState = { error?: string; saved?: boolean };

export const setTwoFactorRequirementAction = authedAction({
  role: "ADMIN",
  schema: z.object({ required: z.boolean() }),
  read: (_prev: TwoFactorRequirementState, formData: FormData) => ({ required: formData.get("required") === "on" }),
  run: (db, input) => setTwoFactorRequirement(db, input),
  done: (): TwoFactorRequirementState => {
    revalidatePath("/settings/company");
    return { saved: true };
  },
  refused: ({ error }): TwoFactorRequirementState => ({ error: error ?? "err_generic" }),
});
