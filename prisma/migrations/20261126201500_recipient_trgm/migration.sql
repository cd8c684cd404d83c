-- Recipient search ("contains", case-insensitive, over the recipient and the buyer e-mail) served by
-- a trigram index on the exact expression the search uses. Hand-written: Prisma cannot declare
-- expression indexes.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "PaymentOrder_recipient_trgm_idx" ON "PaymentOrder" USING gin ((COALESCE("recipient", '') || ' ' || COALESCE("buyerEmail", '')) gin_trgm_ops);
