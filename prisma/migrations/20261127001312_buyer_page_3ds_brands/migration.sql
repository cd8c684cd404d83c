-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "acceptedBrands" TEXT[] DEFAULT ARRAY['VISA', 'MASTERCARD', 'AMEX', 'MAESTRO', 'DISCOVER', 'JCB', 'DINERS', 'UNIONPAY']::TEXT[];

-- CreateTable
CREATE TABLE "PaymentChallenge" (
    "id" CHAR(32) NOT NULL,
    "orderId" CHAR(32) NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" VARCHAR(4) NOT NULL,
    "expiryMonth" INTEGER NOT NULL,
    "expiryYear" INTEGER NOT NULL,
    "cardName" TEXT,
    "saveCard" BOOLEAN NOT NULL DEFAULT false,
    "codeDigest" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "acquirerState" JSONB NOT NULL,
    "threeDs" JSONB NOT NULL,
    "lang" VARCHAR(2),
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "transactionId" CHAR(32),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PaymentChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentChallenge_orderId_idx" ON "PaymentChallenge"("orderId");

-- AddForeignKey
ALTER TABLE "PaymentChallenge" ADD CONSTRAINT "PaymentChallenge_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
