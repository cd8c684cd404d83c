import { dueDates, readInstalmentPlan } from "../instalments/plan";
import { readAmountUpdate } from "../orders/amount-update";
import { effectiveStatus } from "../orders/order-view";
import type { Db } from "../server/db";
import type { AliasMode, Mode, OrderStatus, TransactionStatus } from "../server/generated/prisma/enums";
import { logger } from "../server/logger";

type Row = {
  id: string;
  reference: string | null;
  amount: string;
  currency: string;
  locale: string;
  validUntil: Date;
  status: OrderStatus;
  mode: Mode;
  description: string | null;
  aliasMode: AliasMode;
  dataCollectionForm: boolean;
  hasCollectedData: boolean;
  amountUpdate: unknown;
  installmentPlan: unknown;
  unopened: boolean;
  channel: string;
  shopId: string;
  shopName: string;
  shopTimeZone: string;
  shopUrl: string | null;
  shopLanguage: string;
  acceptedBrands: string[];
  companySuspended: boolean;
  txId: string | null;
  txNumber: string | null;
  txStatus: TransactionStatus | null;
  txBrand: string | null;
  txLast4: string | null;
  txCreatedAt: Date | null;
  txErrorMessage: string | null;
  txAliasId: string | null;
  connectorKind: string | null;
};

// The buyer page's one query (the hottest read of the product: docs/benchmarks.md), in SQL on
// the shared pool and prepared once per connection: Prisma's nested select costs ~1 ms of CPU more.
const QUERY = `
  SELECT o.id, o.reference, o.amount::text AS amount, o.currency, o.locale, o."validUntil", o.status, o.mode,
         o.description, o."aliasMode", o."dataCollectionForm", o."collectedData" IS NOT NULL AS "hasCollectedData",
         o."amountUpdate", o."installmentPlan",
         o."firstOpenedAt" IS NULL AS unopened,
         o.channel, o."shopId",
         s.name AS "shopName", s."timeZone" AS "shopTimeZone", s.url AS "shopUrl", s."defaultLanguage" AS "shopLanguage",
         s."acceptedBrands", c."suspendedAt" IS NOT NULL AS "companySuspended",
         t.id AS "txId", t.number AS "txNumber", t.status AS "txStatus", t.brand AS "txBrand", t.last4 AS "txLast4",
         t."createdAt" AS "txCreatedAt", t."errorMessage" AS "txErrorMessage", t."aliasId" AS "txAliasId",
         (SELECT c.kind::text FROM "ShopConnector" c
          WHERE c."shopId" = o."shopId" AND c.mode = o.mode AND c."verifiedAt" IS NOT NULL) AS "connectorKind"
  FROM "PaymentOrder" o
  JOIN "Shop" s ON s.id = o."shopId"
  JOIN "Company" c ON c.id = s."companyId"
  LEFT JOIN LATERAL (
    SELECT id, number, status, brand, last4, "createdAt", "errorMessage", "aliasId"
    FROM "Transaction" WHERE "orderId" = o.id AND "operationType" = 'DEBIT' ORDER BY "createdAt" DESC LIMIT 1
  ) t ON true
  WHERE o.token = $1`;

/** What the buyer's page needs, by link token. Null when the token matches nothing. */
export async function getPaymentPage(db: Db, input: { token: string }) {
  const { token } = input;
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return null;
  const { rows } = await db.sql<Row>({ name: "pay-page", text: QUERY, values: [token] });
  const r = rows[0];
  if (!r) return null;
  const plan = readInstalmentPlan(r.installmentPlan);
  // The schedule as it would run if paid now (the first today, the others from their dates).
  const due = plan ? dueDates(plan, new Date(), r.shopTimeZone) : [];
  return {
    id: r.id,
    reference: r.reference,
    amount: Number(r.amount),
    currency: r.currency,
    locale: r.locale,
    validUntil: r.validUntil,
    mode: r.mode,
    description: r.description,
    aliasMode: r.aliasMode,
    dataCollectionForm: r.dataCollectionForm,
    hasCollectedData: r.hasCollectedData,
    /** The buyer may adjust the amount within these bounds (issue 12). */
    amountUpdate: readAmountUpdate(r.amountUpdate),
    /** Paid in instalments (issue 12): each amount and its due date if paid now. */
    instalments: plan ? plan.amounts.map((amount, i) => ({ amount, due: due[i] as Date })) : null,
    unopened: r.unopened,
    channel: r.channel,
    shopId: r.shopId,
    /** The shop's company is suspended by the platform (setup19): the link shows "unavailable". */
    companySuspended: r.companySuspended,
    status: effectiveStatus(r.status, r.validUntil),
    /** Paid on this processor's page (the shop's verified connector for the order's mode); null: the sandbox's card form. */
    connectorKind: r.connectorKind,
    /** The sandbox serves TEST orders only: a PRODUCTION order without a verified connector cannot be paid. */
    payable: r.mode === "TEST" || r.connectorKind !== null,
    shop: { name: r.shopName, timeZone: r.shopTimeZone, url: r.shopUrl, defaultLanguage: r.shopLanguage, acceptedBrands: r.acceptedBrands },
    lastTransaction: r.txId
      ? {
          id: r.txId,
          number: r.txNumber!,
          status: r.txStatus!,
          brand: r.txBrand,
          last4: r.txLast4,
          createdAt: r.txCreatedAt!,
          errorMessage: r.txErrorMessage,
          aliasId: r.txAliasId,
        }
      : null,
  };
}

export type PaymentPage = NonNullable<Awaited<ReturnType<typeof getPaymentPage>>>;

/**
 * The link's first visit (analytics: "opened"), recorded once per order and without anything
 * about the visitor — only the time. Never fails the page.
 */
export async function recordFirstOpen(db: Db, orderId: string): Promise<void> {
  await db
    .sql(`UPDATE "PaymentOrder" SET "firstOpenedAt" = now() AT TIME ZONE 'UTC' WHERE id = $1 AND "firstOpenedAt" IS NULL`, [orderId])
    .catch((err) => logger.error({ err, orderId }, "first open not recorded"));
}
