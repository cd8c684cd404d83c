"use server";
// Server actions on a shop's REST API keys: parse, call one use case, map the result.
import { revalidatePath } from "next/cache";
import { authedAction, noticeOf } from "../auth/authed-action";
import { revealShopKey } from "./reveal-shop-key";
import { rotateShopKey } from "./rotate-shop-key";
import { shopKeyActionSchema } from "./schemas";

/** The key in clear after a reveal or a rotation, or a message key. */
export type KeyActionState = { value?: string; rotated?: boolean; error?: string };

const keyAction = (operation: typeof revealShopKey) =>
  authedAction({
    read: (_prev: KeyActionState, formData: FormData) => ({ shopId: formData.get("shopId"), key: formData.get("key") }),
    schema: shopKeyActionSchema,
    run: operation,
    done: (value): KeyActionState => ({ value }),
    refused: (r): KeyActionState => ({ error: noticeOf(r) }),
  });

export const revealShopKeyAction = keyAction(revealShopKey);

const rotate = keyAction(rotateShopKey);

export async function rotateShopKeyAction(prev: KeyActionState, formData: FormData): Promise<KeyActionState> {
  const state = await rotate(prev, formData);
  if (!state.value) return state;
  revalidatePath("/settings/api-keys");
  return { ...state, rotated: true };
}
