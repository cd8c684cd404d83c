-- Retention (issue 11): when the sweep purged an order's personal data; the order and its transactions
-- stay until the accounting retention has passed. Additive, nullable: no rewrite of the table.
-- AlterTable
ALTER TABLE "PaymentOrder" ADD COLUMN     "anonymisedAt" TIMESTAMP(3);
