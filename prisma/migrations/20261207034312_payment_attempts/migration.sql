-- CreateEnum
CREATE TYPE "PaymentAttemptKind" AS ENUM ('PAYMENT', 'CHALLENGE', 'INSTALMENT');

-- CreateEnum
CREATE TYPE "PaymentAttemptStatus" AS ENUM ('PENDING', 'ACCEPTED', 'REFUSED', 'CHALLENGED', 'ABANDONED');

-- CreateTable
CREATE TABLE "PaymentAttempt" (
    "id" CHAR(32) NOT NULL,
    "orderId" CHAR(32) NOT NULL,
    "kind" "PaymentAttemptKind" NOT NULL,
    "status" "PaymentAttemptStatus" NOT NULL DEFAULT 'PENDING',
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" VARCHAR(4) NOT NULL,
    "expiryMonth" INTEGER NOT NULL,
    "expiryYear" INTEGER NOT NULL,
    "cardName" TEXT,
    "saveCard" BOOLEAN NOT NULL DEFAULT false,
    "lang" VARCHAR(2),
    "challengeId" CHAR(32),
    "instalmentChargeId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "settledAt" TIMESTAMP(3),

    CONSTRAINT "PaymentAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PaymentAttempt_orderId_idx" ON "PaymentAttempt"("orderId");

-- CreateIndex
CREATE INDEX "PaymentAttempt_status_createdAt_idx" ON "PaymentAttempt"("status", "createdAt");

-- AddForeignKey
ALTER TABLE "PaymentAttempt" ADD CONSTRAINT "PaymentAttempt_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one attempt in flight per order (written by hand: Prisma cannot declare a partial index).
-- Reservations are serialised by the order's row lock; this is the backstop: a second reservation
-- inserts nothing (ON CONFLICT DO NOTHING) and the buyer is told "payment in progress".
CREATE UNIQUE INDEX "PaymentAttempt_orderId_pending_key" ON "PaymentAttempt"("orderId") WHERE "status" = 'PENDING';
