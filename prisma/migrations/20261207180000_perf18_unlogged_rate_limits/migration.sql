-- Rate-limit counters (API calls per minute, sign-in and payment attempts) are UNLOGGED: they
-- write no WAL, so the commit of a statement that only counts a call does not wait for a disk
-- flush (PostgreSQL commits such a transaction asynchronously). A crash or a failover empties the
-- table, i.e. resets every window: counters that are minutes old at most, never money or state.
ALTER TABLE "RateLimitBucket" SET UNLOGGED;
