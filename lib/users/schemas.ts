import { z } from "zod";

// Settings › Users (issue 19). Messages are keys of the message catalogue (lib/i18n/messages/users19.ts).

export const ROLES = ["ADMIN", "OPERATOR", "VIEWER"] as const;

const email = z
  .string({ error: "err_email" })
  .trim()
  .max(254, { error: "err_email" })
  .pipe(z.email({ error: "err_email" }))
  .transform((s) => s.toLowerCase());

const shopId = z.string().regex(/^\d{8}$/, { error: "err_shop" });

/** Access to every shop of the company (present and future), or to the chosen ones (at least one). */
const shopAccess = {
  allShops: z.boolean(),
  shopIds: z.array(shopId).max(1000).default([]),
};
const someShop = (v: { allShops: boolean; shopIds: string[] }) => v.allShops || v.shopIds.length > 0;

export const inviteUserSchema = z
  .object({
    email,
    name: z.string().trim().max(120, { error: "err_user_name" }).default(""),
    role: z.enum(ROLES, { error: "err_user_role" }),
    ...shopAccess,
    /** The e-mail's and the interface's language for the invited user (else the company's). */
    locale: z.enum(["fr", "en"]).optional(),
  })
  .refine(someShop, { path: ["shopIds"], error: "err_user_shops" });
export type InviteUserInput = z.input<typeof inviteUserSchema>;

export const userIdSchema = z.object({ userId: z.uuid({ error: "err_generic" }) });

export const updateUserAccessSchema = z
  .object({ userId: z.uuid({ error: "err_generic" }), role: z.enum(ROLES, { error: "err_user_role" }), ...shopAccess })
  .refine(someShop, { path: ["shopIds"], error: "err_user_shops" });

export const setUserDisabledSchema = z.object({ userId: z.uuid({ error: "err_generic" }), disabled: z.boolean() });
