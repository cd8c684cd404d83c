-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'OPERATOR', 'VIEWER');

-- CreateEnum
CREATE TYPE "Mode" AS ENUM ('TEST', 'PRODUCTION');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('URL', 'MAIL', 'SMS', 'WHATSAPP', 'INVOICE');

-- CreateEnum
CREATE TYPE "OrderStatus" AS ENUM ('RUNNING', 'PAID', 'REFUSED', 'EXPIRED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('IN_PROGRESS', 'SENT', 'FAILED', 'MANUAL');

-- CreateEnum
CREATE TYPE "ValidationMode" AS ENUM ('AUTOMATIC', 'MANUAL');

-- CreateEnum
CREATE TYPE "AliasMode" AS ENUM ('NONE', 'PROPOSE', 'AUTOMATIC');

-- CreateEnum
CREATE TYPE "ThreeDsPreference" AS ENUM ('NO_PREFERENCE', 'FRICTIONLESS', 'CHALLENGE');

-- CreateEnum
CREATE TYPE "CreatedVia" AS ENUM ('BACK_OFFICE', 'API', 'IMPORT');

-- CreateEnum
CREATE TYPE "MessageStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "TransactionStatus" AS ENUM ('AUTHORISED', 'AUTHORISED_TO_VALIDATE', 'CAPTURED', 'REFUSED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "ActorType" AS ENUM ('USER', 'API_KEY', 'SYSTEM', 'BUYER');

-- CreateEnum
CREATE TYPE "RuleKind" AS ENUM ('URL_CALL', 'EMAIL');

-- CreateEnum
CREATE TYPE "NotificationFormat" AS ENUM ('REST', 'FORM');

-- CreateEnum
CREATE TYPE "WebhookStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "Company" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "managerEmail" TEXT,
    "smsProviderUrl" TEXT,
    "smsLogin" TEXT,
    "smsPasswordEnc" TEXT,
    "smsSender" TEXT,
    "smsNotifyPhone" TEXT,
    "smsCredits" INTEGER NOT NULL DEFAULT 0,
    "smsLowCreditThreshold" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "id" VARCHAR(8) NOT NULL,
    "companyId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "url" TEXT,
    "managerEmail" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "defaultValidityDays" INTEGER NOT NULL DEFAULT 7,
    "referenceMandatory" BOOLEAN NOT NULL DEFAULT false,
    "defaultValidationMode" "ValidationMode" NOT NULL DEFAULT 'AUTOMATIC',
    "defaultCaptureDelay" INTEGER NOT NULL DEFAULT 0,
    "defaultLanguage" TEXT NOT NULL DEFAULT 'fr',
    "languages" TEXT[] DEFAULT ARRAY['fr', 'en']::TEXT[],
    "currencies" TEXT[] DEFAULT ARRAY['EUR']::TEXT[],
    "threeDsPreferences" "ThreeDsPreference"[] DEFAULT ARRAY['NO_PREFERENCE', 'FRICTIONLESS', 'CHALLENGE']::"ThreeDsPreference"[],
    "testPasswordDigest" TEXT NOT NULL,
    "testPasswordEnc" TEXT NOT NULL,
    "prodPasswordDigest" TEXT NOT NULL,
    "prodPasswordEnc" TEXT NOT NULL,
    "testHmacKeyEnc" TEXT NOT NULL,
    "prodHmacKeyEnc" TEXT NOT NULL,
    "remindersPolicy" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'OPERATOR',
    "locale" TEXT,
    "preferences" JSONB NOT NULL DEFAULT '{}',
    "disabledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserShopAccess" (
    "userId" UUID NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,

    CONSTRAINT "UserShopAccess_pkey" PRIMARY KEY ("userId","shopId")
);

-- CreateTable
CREATE TABLE "PaymentOrder" (
    "id" CHAR(32) NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'URL',
    "status" "OrderStatus" NOT NULL DEFAULT 'RUNNING',
    "deliveryStatus" "DeliveryStatus" NOT NULL DEFAULT 'MANUAL',
    "token" TEXT NOT NULL,
    "reference" VARCHAR(64),
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'fr_FR',
    "validUntil" TIMESTAMP(3) NOT NULL,
    "validationMode" "ValidationMode" NOT NULL DEFAULT 'AUTOMATIC',
    "captureDelay" INTEGER NOT NULL DEFAULT 0,
    "dataCollectionForm" BOOLEAN NOT NULL DEFAULT false,
    "aliasMode" "AliasMode" NOT NULL DEFAULT 'NONE',
    "threeDsPreference" "ThreeDsPreference" NOT NULL DEFAULT 'NO_PREFERENCE',
    "buyerEmail" TEXT,
    "description" TEXT,
    "merchantComment" TEXT,
    "taxAmount" BIGINT,
    "taxRate" DECIMAL(7,4),
    "recipient" TEXT,
    "bcc" TEXT,
    "subject" TEXT,
    "message" TEXT,
    "templateId" UUID,
    "sendCount" INTEGER NOT NULL DEFAULT 0,
    "apiData" JSONB NOT NULL DEFAULT '{}',
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "ipnTargetUrl" TEXT,
    "installmentPlan" JSONB,
    "amountUpdate" JSONB,
    "remindersOptOut" BOOLEAN NOT NULL DEFAULT false,
    "createdVia" "CreatedVia" NOT NULL DEFAULT 'BACK_OFFICE',
    "sourceUserId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),
    "firstOpenedAt" TIMESTAMP(3),

    CONSTRAINT "PaymentOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" UUID NOT NULL,
    "orderId" CHAR(32) NOT NULL,
    "channel" "Channel" NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'ORDER',
    "recipient" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" "MessageStatus" NOT NULL DEFAULT 'QUEUED',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "providerMessageId" TEXT,
    "error" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Transaction" (
    "id" CHAR(32) NOT NULL,
    "number" VARCHAR(6) NOT NULL,
    "orderId" CHAR(32) NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "amount" BIGINT NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "status" "TransactionStatus" NOT NULL,
    "errorCode" TEXT,
    "errorMessage" TEXT,
    "brand" TEXT,
    "last4" VARCHAR(4),
    "expiryMonth" INTEGER,
    "expiryYear" INTEGER,
    "threeDs" JSONB,
    "aliasId" UUID,
    "buyerData" JSONB,
    "installmentIndex" INTEGER,
    "captureDate" TIMESTAMP(3),
    "capturedAt" TIMESTAMP(3),
    "validatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Transaction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CardAlias" (
    "id" UUID NOT NULL,
    "token" CHAR(32) NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "brand" TEXT NOT NULL,
    "last4" VARCHAR(4) NOT NULL,
    "expiryMonth" INTEGER NOT NULL,
    "expiryYear" INTEGER NOT NULL,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CardAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Template" (
    "id" UUID NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,
    "channel" "Channel" NOT NULL DEFAULT 'MAIL',
    "kind" TEXT NOT NULL DEFAULT 'ORDER',
    "name" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "isDefault" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Template_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationRule" (
    "id" UUID NOT NULL,
    "shopId" VARCHAR(8) NOT NULL,
    "kind" "RuleKind" NOT NULL,
    "label" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "events" TEXT[],
    "sources" TEXT[] DEFAULT ARRAY['PAYMENT_ORDER']::TEXT[],
    "channels" "Channel"[],
    "alertEmail" TEXT,
    "retry" BOOLEAN NOT NULL DEFAULT true,
    "urlTest" TEXT,
    "urlProd" TEXT,
    "format" "NotificationFormat" NOT NULL DEFAULT 'REST',
    "emailTarget" TEXT,
    "templateId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "ruleId" UUID,
    "shopId" VARCHAR(8) NOT NULL,
    "orderId" CHAR(32),
    "event" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "WebhookStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookAttempt" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "statusCode" INTEGER,
    "error" TEXT,
    "latencyMs" INTEGER NOT NULL,
    "responseHead" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataCollectionForm" (
    "shopId" VARCHAR(8) NOT NULL,
    "fields" JSONB NOT NULL DEFAULT '[]',
    "invoiceMode" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DataCollectionForm_pkey" PRIMARY KEY ("shopId")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL,
    "companyId" UUID,
    "shopId" VARCHAR(8),
    "orderId" CHAR(32),
    "actorType" "ActorType" NOT NULL,
    "actorId" TEXT,
    "action" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "requestHash" TEXT NOT NULL,
    "response" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("shopId","mode","key")
);

-- CreateTable
CREATE TABLE "RateLimitBucket" (
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimitBucket_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Shop_testPasswordDigest_key" ON "Shop"("testPasswordDigest");

-- CreateIndex
CREATE UNIQUE INDEX "Shop_prodPasswordDigest_key" ON "Shop"("prodPasswordDigest");

-- CreateIndex
CREATE INDEX "Shop_companyId_idx" ON "Shop"("companyId");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_companyId_idx" ON "User"("companyId");

-- CreateIndex
CREATE INDEX "UserShopAccess_shopId_idx" ON "UserShopAccess"("shopId");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentOrder_token_key" ON "PaymentOrder"("token");

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_createdAt_idx" ON "PaymentOrder"("shopId", "mode", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "PaymentOrder_shopId_mode_reference_idx" ON "PaymentOrder"("shopId", "mode", "reference");

-- CreateIndex
CREATE INDEX "PaymentOrder_status_validUntil_idx" ON "PaymentOrder"("status", "validUntil");

-- CreateIndex
CREATE INDEX "Message_orderId_idx" ON "Message"("orderId");

-- CreateIndex
CREATE INDEX "Transaction_orderId_idx" ON "Transaction"("orderId");

-- CreateIndex
CREATE INDEX "Transaction_shopId_mode_createdAt_idx" ON "Transaction"("shopId", "mode", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Transaction_status_captureDate_idx" ON "Transaction"("status", "captureDate");

-- CreateIndex
CREATE UNIQUE INDEX "CardAlias_token_key" ON "CardAlias"("token");

-- CreateIndex
CREATE INDEX "Template_shopId_channel_language_idx" ON "Template"("shopId", "channel", "language");

-- CreateIndex
CREATE INDEX "NotificationRule_shopId_idx" ON "NotificationRule"("shopId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_shopId_createdAt_idx" ON "WebhookDelivery"("shopId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "WebhookDelivery_orderId_idx" ON "WebhookDelivery"("orderId");

-- CreateIndex
CREATE INDEX "WebhookAttempt_deliveryId_idx" ON "WebhookAttempt"("deliveryId");

-- CreateIndex
CREATE INDEX "AuditEvent_orderId_createdAt_idx" ON "AuditEvent"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_shopId_createdAt_idx" ON "AuditEvent"("shopId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- AddForeignKey
ALTER TABLE "Shop" ADD CONSTRAINT "Shop_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserShopAccess" ADD CONSTRAINT "UserShopAccess_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserShopAccess" ADD CONSTRAINT "UserShopAccess_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PaymentOrder" ADD CONSTRAINT "PaymentOrder_sourceUserId_fkey" FOREIGN KEY ("sourceUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Transaction" ADD CONSTRAINT "Transaction_aliasId_fkey" FOREIGN KEY ("aliasId") REFERENCES "CardAlias"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CardAlias" ADD CONSTRAINT "CardAlias_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Template" ADD CONSTRAINT "Template_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationRule" ADD CONSTRAINT "NotificationRule_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_ruleId_fkey" FOREIGN KEY ("ruleId") REFERENCES "NotificationRule"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookAttempt" ADD CONSTRAINT "WebhookAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataCollectionForm" ADD CONSTRAINT "DataCollectionForm_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
