import cardValidator from "card-validator";
import { z } from "zod";

// Card data as typed on the payment page. It lives in memory for one request and is never
// stored or logged: only brand, last 4 digits and expiry reach the database.

const BRANDS: Record<string, string> = {
  visa: "VISA",
  mastercard: "MASTERCARD",
  "american-express": "AMEX",
  maestro: "MAESTRO",
  discover: "DISCOVER",
  jcb: "JCB",
  "diners-club": "DINERS",
  unionpay: "UNIONPAY",
};

export { CARD_BRANDS, type CardBrand } from "./card-brands";

export const brandOf = (pan: string) => {
  const t = cardValidator.number(pan).card?.type;
  return (t && BRANDS[t]) || "CARD";
};

export const cardSchema = z
  .object({
    cardNumber: z.string().transform((s) => s.replace(/[\s-]/g, "")),
    expiry: z.string().trim(),
    cvc: z.string().trim(),
    cardName: z.string().trim().max(100, { error: "err_card_name" }).optional(),
  })
  .superRefine((v, ctx) => {
    const num = cardValidator.number(v.cardNumber);
    if (!/^\d{12,19}$/.test(v.cardNumber) || !num.isValid) {
      ctx.addIssue({ code: "custom", path: ["cardNumber"], message: "err_card_number" });
    }
    const m = /^(\d{2})\s*\/\s*(\d{2})$/.exec(v.expiry);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > 12) {
      ctx.addIssue({ code: "custom", path: ["expiry"], message: "err_card_expiry_format" });
    } else if (!cardValidator.expirationDate(`${m[1]}/${m[2]}`).isValid) {
      ctx.addIssue({ code: "custom", path: ["expiry"], message: "err_card_expired" });
    }
    const size = num.card?.code.size ?? 3;
    if (!new RegExp(`^\\d{${size}}$`).test(v.cvc)) {
      ctx.addIssue({ code: "custom", path: ["cvc"], message: "err_card_cvc" });
    }
  })
  .transform((v) => {
    const [mm, yy] = v.expiry.split("/").map((s) => Number(s.trim())) as [number, number];
    return { pan: v.cardNumber, expiryMonth: mm, expiryYear: 2000 + yy, cvc: v.cvc, name: v.cardName || null };
  });

export type CardInput = z.infer<typeof cardSchema>;
