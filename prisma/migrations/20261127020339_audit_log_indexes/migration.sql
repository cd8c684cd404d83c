-- CreateIndex
CREATE INDEX "AuditEvent_companyId_shopId_createdAt_idx" ON "AuditEvent"("companyId", "shopId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_action_createdAt_idx" ON "AuditEvent"("shopId", "action", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt" DESC);
