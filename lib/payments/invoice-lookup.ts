// The public invoice form (/collect/<shopId>, F-CH-INVOICE): the buyer types an invoice reference,
// we find the shop's open invoice order. Lookups are throttled per client address, and misses per
// shop, so references cannot be enumerated; a miss says nothing about why.
import { formUsable, getFormConfig } from "../collect-form/config";
import { hitRateLimit } from "../security/rate-limit";
import type { Db } from "../server/db";
import { AppError } from "../server/errors";

/** Per 10 minutes: a buyer paying a few invoices is never stopped, a script is. */
export const LOOKUP_LIMITS = { perAddress: 20, missesPerShop: 200, windowSeconds: 600 };

export type InvoiceForm = { shopId: string; shopName: string; defaultLanguage: string; testOnly: boolean };

/** The shop's public invoice form, or null when the shop takes no invoice payments there. */
export async function getInvoiceForm(db: Db, shopId: string): Promise<InvoiceForm | null> {
  if (!/^\d{8}$/.test(shopId)) return null;
  const [config, shop] = await Promise.all([
    getFormConfig(db, shopId),
    db.shop.findUnique({
      where: { id: shopId },
      select: { name: true, defaultLanguage: true, company: { select: { suspendedAt: true } } },
    }),
  ]);
  // A suspended company's invoice page is unavailable too (setup19).
  if (!shop || shop.company.suspendedAt || !config?.invoiceMode || !formUsable(config, "TEST")) return null;
  return { shopId, shopName: shop.name, defaultLanguage: shop.defaultLanguage, testOnly: !formUsable(config, "PRODUCTION") };
}

/**
 * The link token of the open invoice order of this shop with this reference (case and spaces
 * around ignored): PRODUCTION when the form is published, else TEST. Null when none.
 */
export async function findOpenInvoice(
  db: Db,
  input: { shopId: string; reference: string; clientAddress?: string },
): Promise<string | null> {
  if (input.clientAddress) {
    const r = await hitRateLimit(db, `collect:addr:${input.clientAddress}`, LOOKUP_LIMITS.perAddress, LOOKUP_LIMITS.windowSeconds);
    if (!r.allowed) throw new AppError("RATE_LIMITED", "too many invoice lookups", { details: { retryAfterSeconds: r.retryAfterSeconds } });
  }
  const form = await getInvoiceForm(db, input.shopId);
  if (!form) return null;
  const modes = form.testOnly ? ["TEST"] : ["PRODUCTION", "TEST"];
  const rows = await db.$queryRaw<{ token: string; mode: string }[]>`
    SELECT token, mode::text FROM "PaymentOrder"
    WHERE "shopId" = ${input.shopId} AND channel = 'INVOICE' AND status IN ('RUNNING', 'REFUSED')
      AND "validUntil" > now() AND lower(reference) = lower(${input.reference.trim()})
      AND mode::text = ANY(${modes})
    ORDER BY (mode = 'PRODUCTION') DESC, "createdAt" DESC LIMIT 1`;
  if (rows[0]) return rows[0].token;
  const miss = await hitRateLimit(db, `collect:shop-miss:${input.shopId}`, LOOKUP_LIMITS.missesPerShop, LOOKUP_LIMITS.windowSeconds);
  if (!miss.allowed)
    throw new AppError("RATE_LIMITED", "too many invoice misses for this shop", { details: { retryAfterSeconds: miss.retryAfterSeconds } });
  return null;
}
