-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "credits" INTEGER,
ADD COLUMN     "encoding" TEXT,
ADD COLUMN     "providerStatus" TEXT,
ADD COLUMN     "segments" INTEGER;

-- CreateTable
CREATE TABLE "SandboxMessage" (
    "id" UUID NOT NULL,
    "channel" "Channel" NOT NULL,
    "shopId" VARCHAR(8),
    "account" TEXT,
    "from" TEXT,
    "to" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "providerMessageId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "statusCallback" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxMessage_providerMessageId_key" ON "SandboxMessage"("providerMessageId");

-- CreateIndex
CREATE INDEX "SandboxMessage_shopId_receivedAt_idx" ON "SandboxMessage"("shopId", "receivedAt" DESC);
