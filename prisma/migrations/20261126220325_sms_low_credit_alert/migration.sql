-- AlterTable
ALTER TABLE "Company" ADD COLUMN     "smsLowCreditAlertedAt" TIMESTAMP(3);
