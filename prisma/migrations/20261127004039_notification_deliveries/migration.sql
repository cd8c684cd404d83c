-- AlterTable
ALTER TABLE "WebhookAttempt" ADD COLUMN     "replay" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "url" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "alertEmail" TEXT,
ADD COLUMN     "alertedAt" TIMESTAMP(3),
ADD COLUMN     "deliveredAt" TIMESTAMP(3),
ADD COLUMN     "format" "NotificationFormat" NOT NULL DEFAULT 'REST',
ADD COLUMN     "lastError" TEXT,
ADD COLUMN     "lastStatusCode" INTEGER,
ADD COLUMN     "mode" "Mode" NOT NULL DEFAULT 'TEST',
ADD COLUMN     "retry" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "transactionId" CHAR(32);

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");
