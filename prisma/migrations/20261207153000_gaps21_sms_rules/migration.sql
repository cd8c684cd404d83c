-- Issue 21 (manual §1.3.1): merchant SMS notifications — a rule of kind SMS sends an SMS to the
-- merchant's phone on the chosen events, its credits counted like any SMS.
ALTER TYPE "RuleKind" ADD VALUE 'SMS';
ALTER TABLE "NotificationRule" ADD COLUMN "smsPhone" TEXT;
