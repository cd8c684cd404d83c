-- AlterTable
ALTER TABLE "NotificationRule" ADD COLUMN     "hashKey" TEXT NOT NULL DEFAULT 'password',
ADD COLUMN     "updatedAt" TIMESTAMP(3);
