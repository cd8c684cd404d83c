-- lyraform20 (issue 20): payment processor connectors per shop and mode, the processor's references
-- on attempts, transactions and aliases, and a counter for processor references (Lyra vads_trans_id).
CREATE TYPE "ConnectorKind" AS ENUM ('LYRA_FORM', 'STRIPE');

CREATE TABLE "ShopConnector" (
    "id" UUID NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "kind" "ConnectorKind" NOT NULL,
    "configEnc" TEXT NOT NULL,
    "publicConfig" JSONB NOT NULL,
    "verifiedAt" TIMESTAMP(3),
    "verifyError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ShopConnector_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "ShopConnector_shopId_mode_key" ON "ShopConnector"("shopId", "mode");
ALTER TABLE "ShopConnector" ADD CONSTRAINT "ShopConnector_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "ProcessorCounter" (
    "scope" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    CONSTRAINT "ProcessorCounter_pkey" PRIMARY KEY ("scope")
);

ALTER TABLE "PaymentAttempt" ADD COLUMN "connectorId" UUID, ADD COLUMN "processorRef" TEXT;
CREATE INDEX "PaymentAttempt_connectorId_processorRef_idx" ON "PaymentAttempt"("connectorId", "processorRef");

ALTER TABLE "Transaction" ADD COLUMN "connectorId" UUID, ADD COLUMN "processorRef" TEXT, ADD COLUMN "flaggedReason" TEXT;

ALTER TABLE "CardAlias" ADD COLUMN "processorToken" TEXT, ADD COLUMN "connectorId" UUID;
