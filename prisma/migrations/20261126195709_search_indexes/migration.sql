-- Reference prefix search: varchar_pattern_ops (hand-written: Prisma cannot express it without
-- seeing a difference on every diff, so the schema declares the same columns without it).
-- DropIndex
DROP INDEX "PaymentOrder_shopId_mode_reference_idx";

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_reference_idx" ON "PaymentOrder"("shopId", "mode", "reference" varchar_pattern_ops);

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_validUntil_idx" ON "PaymentOrder"("shopId", "mode", "validUntil");

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_amount_idx" ON "PaymentOrder"("shopId", "mode", "amount");
