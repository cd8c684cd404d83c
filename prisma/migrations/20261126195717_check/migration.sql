-- DropIndex
DROP INDEX "PaymentOrder_shopId_mode_reference_idx";

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_reference_idx" ON "PaymentOrder"("shopId", "mode", "reference" varchar_pattern_ops);
