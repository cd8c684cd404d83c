import { z } from "zod";
import { SHOP_KEY_NAMES } from "./shop-keys";

// Messages are keys of the message catalogue (lib/i18n/messages).

export const shopIdSchema = z.string().regex(/^\d{8}$/, { error: "err_shop" });

/** Reveal or rotate one key of one shop (Settings › REST API keys). */
export const shopKeyActionSchema = z.object({
  shopId: shopIdSchema,
  key: z.enum(SHOP_KEY_NAMES, { error: "err_key_name" }),
});

export type ShopKeyActionInput = z.infer<typeof shopKeyActionSchema>;
