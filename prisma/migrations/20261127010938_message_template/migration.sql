-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "templateId" UUID;
