-- Sorting the order list by Reference, Channel, Status, Delivery or Recipient (issue 18): one
-- index per sortable column in the list's scoping (shop, mode), ending with the sort's tiebreak
-- (id), so that a page reads its 50 rows down the index instead of sorting the shop's orders
-- (0.45–1.95 s → a few ms on 1,000,000 orders, docs/benchmarks.md). The reference needs a plain
-- btree of its own: "PaymentOrder_shopId_mode_reference_idx" is varchar_pattern_ops (prefix
-- search), whose order is not the collation's, so ORDER BY cannot use it.

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_reference_id_idx" ON "PaymentOrder"("shopId", "mode", "reference", "id");

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_channel_id_idx" ON "PaymentOrder"("shopId", "mode", "channel", "id");

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_status_id_idx" ON "PaymentOrder"("shopId", "mode", "status", "id");

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_deliveryStatus_id_idx" ON "PaymentOrder"("shopId", "mode", "deliveryStatus", "id");

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_recipient_id_idx" ON "PaymentOrder"("shopId", "mode", "recipient", "id");
