-- AlterTable
ALTER TABLE "PaymentOrder" ADD COLUMN     "collectedData" JSONB;

-- Hand-written (Prisma cannot declare a partial index): an invoice reference names at most one
-- open (running or refused) invoice order per shop and mode (paid, expired and cancelled ones free it).
CREATE UNIQUE INDEX "PaymentOrder_open_invoice_reference_key" ON "PaymentOrder" ("shopId", mode, reference)
  WHERE channel = 'INVOICE' AND status IN ('RUNNING', 'REFUSED');
