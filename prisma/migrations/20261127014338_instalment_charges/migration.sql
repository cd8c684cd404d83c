-- CreateEnum
CREATE TYPE "InstalmentStatus" AS ENUM ('PENDING', 'PAID', 'FAILED', 'CANCELLED');

-- CreateTable
CREATE TABLE "InstalmentCharge" (
    "id" UUID NOT NULL,
    "orderId" CHAR(32) NOT NULL,
    "index" INTEGER NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "amount" BIGINT NOT NULL,
    "status" "InstalmentStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "transactionId" CHAR(32),
    "aliasId" UUID,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstalmentCharge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstalmentCharge_status_nextAttemptAt_idx" ON "InstalmentCharge"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "InstalmentCharge_orderId_index_key" ON "InstalmentCharge"("orderId", "index");

-- AddForeignKey
ALTER TABLE "InstalmentCharge" ADD CONSTRAINT "InstalmentCharge_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
