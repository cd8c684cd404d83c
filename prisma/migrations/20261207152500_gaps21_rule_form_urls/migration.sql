-- Issue 21 (manual §13): a notification rule may carry both a REST-format and a form-format URL.
ALTER TABLE "NotificationRule" ADD COLUMN "formUrlTest" TEXT, ADD COLUMN "formUrlProd" TEXT;
