"use server";
// Settings › Company › Security: the company's two-factor requirement (administrators).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "../auth/authed-action";
import { setTwoFactorRequirement } from "./set-two-factor-requirement";

/** `required`: as submitted, shown again after the answer (React resets the form to its defaults). */
export type TwoFactorRequirementState = { error?: string; saved?: boolean; required?: boolean };

export const setTwoFactorRequirementAction = authedAction({
  role: "ADMIN",
  schema: z.object({ required: z.boolean() }),
  read: (_prev: TwoFactorRequirementState, formData: FormData) => ({ required: formData.get("required") === "on" }),
  run: (db, input) => setTwoFactorRequirement(db, input),
  done: (_r, { required }): TwoFactorRequirementState => {
    revalidatePath("/settings/company");
    return { saved: true, required };
  },
  refused: ({ error }, { required }): TwoFactorRequirementState => ({ error: error ?? "err_generic", required }),
});
