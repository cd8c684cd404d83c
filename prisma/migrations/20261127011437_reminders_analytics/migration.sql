-- CreateTable
CREATE TABLE "OrderReminder" (
    "orderId" CHAR(32) NOT NULL,
    "step" INTEGER NOT NULL,
    "messageId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderReminder_pkey" PRIMARY KEY ("orderId","step")
);

-- CreateTable
CREATE TABLE "ShopDailyStats" (
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "day" DATE NOT NULL,
    "channel" "Channel" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "slot" SMALLINT NOT NULL,
    "created" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "paid" INTEGER NOT NULL DEFAULT 0,
    "refused" INTEGER NOT NULL DEFAULT 0,
    "expired" INTEGER NOT NULL DEFAULT 0,
    "cancelled" INTEGER NOT NULL DEFAULT 0,
    "paidAmount" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ShopDailyStats_pkey" PRIMARY KEY ("shopId","mode","day","channel","currency","slot")
);

-- CreateTable
CREATE TABLE "ShopDailyPayTime" (
    "shopId" VARCHAR(8) NOT NULL,
    "mode" "Mode" NOT NULL,
    "day" DATE NOT NULL,
    "bucket" SMALLINT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ShopDailyPayTime_pkey" PRIMARY KEY ("shopId","mode","day","bucket","slot")
);

-- AddForeignKey
ALTER TABLE "OrderReminder" ADD CONSTRAINT "OrderReminder_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "PaymentOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the analytics counters (ShopDailyStats, ShopDailyPayTime) kept by statement-level
-- triggers on PaymentOrder, so every path that creates or changes orders (one order, a fan-out, an
-- import, a sweep) counts, in its own transaction, with one grouped upsert per statement.
-- Days are in the shop's time zone. Time to pay goes to bucket floor(log_1.25(minutes)) in 0..59.
CREATE FUNCTION po_pay_time_bucket(minutes double precision) RETURNS smallint LANGUAGE sql IMMUTABLE AS $$
  SELECT LEAST(59, GREATEST(0, floor(ln(GREATEST(minutes, 1)) / ln(1.25))))::smallint
$$;

CREATE FUNCTION po_stats_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, created)
  SELECT n."shopId", n.mode, ((n."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, n.channel, n.currency,
         (random() * 7)::smallint, count(*)
  FROM new_rows n JOIN "Shop" s ON s.id = n."shopId"
  GROUP BY n."shopId", n.mode, 3, n.channel, n.currency
  ON CONFLICT ("shopId", mode, day, channel, currency, slot) DO UPDATE SET created = "ShopDailyStats".created + EXCLUDED.created;
  RETURN NULL;
END $$;

CREATE FUNCTION po_stats_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH ev AS (
    SELECT n."shopId", n.mode, n.channel, n.currency, n.amount, n."createdAt", n."paidAt", n."firstOpenedAt",
           (o."firstOpenedAt" IS NULL AND n."firstOpenedAt" IS NOT NULL) AS opened,
           (o.status <> 'PAID' AND n.status = 'PAID') AS paid,
           (o.status = 'RUNNING' AND n.status = 'REFUSED') AS refused,
           (o.status <> 'EXPIRED' AND n.status = 'EXPIRED') AS expired,
           (o.status <> 'CANCELLED' AND n.status = 'CANCELLED') AS cancelled
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (o."firstOpenedAt" IS NULL AND n."firstOpenedAt" IS NOT NULL) OR o.status <> n.status
  ), dated AS (
    SELECT ev.*, s."timeZone" AS tz FROM ev JOIN "Shop" s ON s.id = ev."shopId"
  ), counted AS (
    SELECT "shopId", mode, ((at AT TIME ZONE 'UTC') AT TIME ZONE tz)::date AS day, channel, currency,
           count(*) FILTER (WHERE kind = 'opened') AS opened,
           count(*) FILTER (WHERE kind = 'paid') AS paid,
           count(*) FILTER (WHERE kind = 'refused') AS refused,
           count(*) FILTER (WHERE kind = 'expired') AS expired,
           count(*) FILTER (WHERE kind = 'cancelled') AS cancelled,
           COALESCE(sum(amount) FILTER (WHERE kind = 'paid'), 0) AS "paidAmount"
    FROM (
      SELECT "shopId", mode, channel, currency, amount, tz, "firstOpenedAt" AS at, 'opened' AS kind FROM dated WHERE opened
      UNION ALL SELECT "shopId", mode, channel, currency, amount, tz, COALESCE("paidAt", now() AT TIME ZONE 'UTC'), 'paid' FROM dated WHERE paid
      UNION ALL SELECT "shopId", mode, channel, currency, amount, tz, now() AT TIME ZONE 'UTC', 'refused' FROM dated WHERE refused
      UNION ALL SELECT "shopId", mode, channel, currency, amount, tz, now() AT TIME ZONE 'UTC', 'expired' FROM dated WHERE expired
      UNION ALL SELECT "shopId", mode, channel, currency, amount, tz, now() AT TIME ZONE 'UTC', 'cancelled' FROM dated WHERE cancelled
    ) e
    GROUP BY 1, 2, 3, 4, 5
  )
  INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, opened, paid, refused, expired, cancelled, "paidAmount")
  SELECT "shopId", mode, day, channel, currency, (random() * 7)::smallint, opened, paid, refused, expired, cancelled, "paidAmount" FROM counted
  ON CONFLICT ("shopId", mode, day, channel, currency, slot) DO UPDATE SET
    opened = "ShopDailyStats".opened + EXCLUDED.opened,
    paid = "ShopDailyStats".paid + EXCLUDED.paid,
    refused = "ShopDailyStats".refused + EXCLUDED.refused,
    expired = "ShopDailyStats".expired + EXCLUDED.expired,
    cancelled = "ShopDailyStats".cancelled + EXCLUDED.cancelled,
    "paidAmount" = "ShopDailyStats"."paidAmount" + EXCLUDED."paidAmount";

  INSERT INTO "ShopDailyPayTime" ("shopId", mode, day, bucket, slot, count)
  SELECT n."shopId", n.mode, ((COALESCE(n."paidAt", now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date,
         po_pay_time_bucket(extract(epoch FROM COALESCE(n."paidAt", now() AT TIME ZONE 'UTC') - n."createdAt") / 60),
         (random() * 7)::smallint, count(*)
  FROM new_rows n JOIN old_rows o ON o.id = n.id JOIN "Shop" s ON s.id = n."shopId"
  WHERE o.status <> 'PAID' AND n.status = 'PAID'
  GROUP BY n."shopId", n.mode, 3, 4
  ON CONFLICT ("shopId", mode, day, bucket, slot) DO UPDATE SET count = "ShopDailyPayTime".count + EXCLUDED.count;
  RETURN NULL;
END $$;

CREATE TRIGGER po_stats_insert AFTER INSERT ON "PaymentOrder" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION po_stats_after_insert();
CREATE TRIGGER po_stats_update AFTER UPDATE ON "PaymentOrder" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION po_stats_after_update();

-- Existing orders, counted once (cancellations and refusals on the day of the last change).
INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, created, opened, paid, refused, expired, cancelled, "paidAmount")
SELECT "shopId", mode, day, channel, currency, 0, sum(created), sum(opened), sum(paid), sum(refused), sum(expired), sum(cancelled), sum("paidAmount")
FROM (
  SELECT o."shopId", o.mode, ((o."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date AS day, o.channel, o.currency,
         1 AS created, 0 AS opened, 0 AS paid, 0 AS refused, 0 AS expired, 0 AS cancelled, 0::bigint AS "paidAmount"
  FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId"
  UNION ALL
  SELECT o."shopId", o.mode, ((o."firstOpenedAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency, 0, 1, 0, 0, 0, 0, 0
  FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId" WHERE o."firstOpenedAt" IS NOT NULL
  UNION ALL
  SELECT o."shopId", o.mode, ((o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency, 0, 0, 1, 0, 0, 0, o.amount
  FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId" WHERE o.status = 'PAID' AND o."paidAt" IS NOT NULL
  UNION ALL
  SELECT o."shopId", o.mode, ((COALESCE(o."updatedAt", o."createdAt") AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency, 0, 0, 0,
         (o.status = 'REFUSED')::int, 0, (o.status = 'CANCELLED')::int, 0
  FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId" WHERE o.status IN ('REFUSED', 'CANCELLED')
  UNION ALL
  SELECT o."shopId", o.mode, ((o."validUntil" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency, 0, 0, 0, 0, 1, 0, 0
  FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId" WHERE o.status = 'EXPIRED'
) x
GROUP BY "shopId", mode, day, channel, currency;

INSERT INTO "ShopDailyPayTime" ("shopId", mode, day, bucket, slot, count)
SELECT o."shopId", o.mode, ((o."paidAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date,
       po_pay_time_bucket(extract(epoch FROM o."paidAt" - o."createdAt") / 60), 0, count(*)
FROM "PaymentOrder" o JOIN "Shop" s ON s.id = o."shopId"
WHERE o.status = 'PAID' AND o."paidAt" IS NOT NULL
GROUP BY 1, 2, 3, 4;
