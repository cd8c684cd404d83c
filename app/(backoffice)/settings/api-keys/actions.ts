"use server";
// Server actions on a shop's REST API keys: authenticate, parse, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { requireSession } from "@/lib/auth/session";
import { getDb } from "@/lib/server/db";
import { isAppError } from "@/lib/server/errors";
import { fieldErrorsOf, safeParseInput } from "@/lib/server/validation";
import { revealShopKey } from "@/lib/shops/reveal-shop-key";
import { rotateShopKey } from "@/lib/shops/rotate-shop-key";
import { shopKeyActionSchema } from "@/lib/shops/schemas";

/** The key in clear after a reveal or a rotation, or a message key. */
export type KeyActionState = { value?: string; rotated?: boolean; error?: string };

type Run = typeof revealShopKey;

async function run(operation: Run, formData: FormData): Promise<KeyActionState> {
  const { actor } = await requireSession();
  const parsed = safeParseInput(shopKeyActionSchema, { shopId: formData.get("shopId"), key: formData.get("key") });
  if (!parsed.success) return { error: Object.values(fieldErrorsOf(parsed.error))[0] ?? "err_generic" };
  try {
    return { value: await operation(getDb(), { actor, ...parsed.data }) };
  } catch (e) {
    if (isAppError(e) && (e.code === "FORBIDDEN" || e.code === "NOT_FOUND")) return { error: "err_forbidden" };
    throw e;
  }
}

export async function revealShopKeyAction(_prev: KeyActionState, formData: FormData): Promise<KeyActionState> {
  return run(revealShopKey, formData);
}

export async function rotateShopKeyAction(_prev: KeyActionState, formData: FormData): Promise<KeyActionState> {
  const state = await run(rotateShopKey, formData);
  if (!state.value) return state;
  revalidatePath("/settings/api-keys");
  return { ...state, rotated: true };
}
