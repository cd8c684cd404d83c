-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "apiRequestsPerMinute" INTEGER,
ADD COLUMN     "apiTestRecipientsPerHour" INTEGER;

-- Every REST call now counts in a bucket (lib/lyra-api/quotas.ts): unlogged, a counter's write
-- commits without a WAL flush. Prisma does not model it, so the schema is unchanged. After a crash
-- the table is empty: the limits start again from zero, which is all it costs.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
