-- AlterEnum
ALTER TYPE "MessageStatus" ADD VALUE 'SENDING';

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "bcc" TEXT,
ADD COLUMN     "claimedAt" TIMESTAMP(3),
ADD COLUMN     "failedAt" TIMESTAMP(3),
ADD COLUMN     "language" TEXT,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "text" TEXT,
ALTER COLUMN "body" DROP NOT NULL;

-- CreateTable
CREATE TABLE "CaughtMail" (
    "id" UUID NOT NULL,
    "shopId" VARCHAR(8),
    "messageId" TEXT,
    "envelopeFrom" TEXT,
    "envelopeTo" TEXT[],
    "from" TEXT,
    "to" TEXT,
    "subject" TEXT,
    "html" TEXT,
    "text" TEXT,
    "size" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaughtMail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaughtMail_shopId_receivedAt_idx" ON "CaughtMail"("shopId", "receivedAt" DESC);
