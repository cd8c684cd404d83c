-- refunds20 (issue 20): a refund is its own transaction (operationType CREDIT) of its parent debit,
-- PENDING while the processor is asked; and the analytics' refunded amounts (net = paid - refunded).

-- IF NOT EXISTS: another branch may add the same value / column (lyraform20's processorRef).
ALTER TYPE "TransactionStatus" ADD VALUE IF NOT EXISTS 'PENDING';

-- CreateEnum
CREATE TYPE "OperationType" AS ENUM ('DEBIT', 'CREDIT');

-- AlterTable
ALTER TABLE "Transaction" ADD COLUMN "operationType" "OperationType" NOT NULL DEFAULT 'DEBIT',
ADD COLUMN "parentId" CHAR(32),
ADD COLUMN IF NOT EXISTS "processorRef" TEXT,
ADD COLUMN "comment" VARCHAR(255);

-- CreateIndex
CREATE INDEX "Transaction_parentId_idx" ON "Transaction"("parentId");

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Transaction"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "ShopDailyStats" ADD COLUMN "refundedAmount" BIGINT NOT NULL DEFAULT 0;

-- Hand-written: what the analytics subtract from the amounts paid, on the day it happens (shop's
-- zone), per the order's channel and currency: a refund once the processor confirmed it, and an
-- authorised amount that will never be captured (cancelled, expired unvalidated, or lowered).
CREATE FUNCTION tx_reversed_upsert(ev_order text[], ev_amount bigint[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, "refundedAmount")
  SELECT p."shopId", p.mode, (now() AT TIME ZONE s."timeZone")::date, p.channel, p.currency, (random() * 7)::smallint, sum(e.amount)
  FROM unnest(ev_order, ev_amount) AS e("orderId", amount)
  JOIN "PaymentOrder" p ON p.id = e."orderId" JOIN "Shop" s ON s.id = p."shopId"
  WHERE e.amount > 0
  GROUP BY 1, 2, 3, 4, 5
  ON CONFLICT ("shopId", mode, day, channel, currency, slot) DO UPDATE SET "refundedAmount" = "ShopDailyStats"."refundedAmount" + EXCLUDED."refundedAmount";
$$;

CREATE FUNCTION tx_stats_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tx_reversed_upsert(array_agg(n."orderId"::text), array_agg(n.amount))
  FROM new_rows n WHERE n."operationType" = 'CREDIT' AND n.status = 'CAPTURED';
  RETURN NULL;
END $$;

CREATE FUNCTION tx_stats_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM tx_reversed_upsert(array_agg(x."orderId"), array_agg(x.amount))
  FROM (
    SELECT n."orderId"::text AS "orderId",
      CASE
        WHEN n."operationType" = 'CREDIT' THEN CASE WHEN o.status::text <> 'CAPTURED' AND n.status::text = 'CAPTURED' THEN n.amount ELSE 0 END
        WHEN o.status::text IN ('AUTHORISED', 'AUTHORISED_TO_VALIDATE') AND n.status::text IN ('CANCELLED', 'EXPIRED') THEN o.amount
        WHEN o.status::text IN ('AUTHORISED', 'AUTHORISED_TO_VALIDATE') AND n.amount < o.amount THEN o.amount - n.amount
        ELSE 0
      END AS amount
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.status <> n.status OR o.amount <> n.amount
  ) x;
  RETURN NULL;
END $$;

CREATE TRIGGER tx_stats_insert AFTER INSERT ON "Transaction" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tx_stats_after_insert();
CREATE TRIGGER tx_stats_update AFTER UPDATE ON "Transaction" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION tx_stats_after_update();

-- Existing authorisations that ended uncaptured, counted once on the day they were made.
INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, "refundedAmount")
SELECT p."shopId", p.mode, ((t."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, p.channel, p.currency, 0, sum(t.amount)
FROM "Transaction" t JOIN "PaymentOrder" p ON p.id = t."orderId" JOIN "Shop" s ON s.id = p."shopId"
WHERE t.status IN ('CANCELLED', 'EXPIRED')
GROUP BY 1, 2, 3, 4, 5
ON CONFLICT ("shopId", mode, day, channel, currency, slot) DO UPDATE SET "refundedAmount" = "ShopDailyStats"."refundedAmount" + EXCLUDED."refundedAmount";
