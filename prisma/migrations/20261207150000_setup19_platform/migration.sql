-- setup19: platform operators' company, suspended companies, the first run's setup token.
ALTER TABLE "Company" ADD COLUMN "isPlatform" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Company" ADD COLUMN "suspendedAt" TIMESTAMP(3);

CREATE TABLE "SetupToken" (
    "id" UUID NOT NULL,
    "digest" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" TIMESTAMP(3),
    CONSTRAINT "SetupToken_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "SetupToken_digest_key" ON "SetupToken"("digest");
