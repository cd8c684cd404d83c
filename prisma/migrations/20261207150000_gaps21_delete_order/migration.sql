-- Hand-written (issue 21): deleting an order (never attempted: no payment, so nothing paid) takes
-- its counts back from the analytics counters, dated as lib/analytics/rebuild-stats.ts dates them:
-- created on its creation day, opened on its first opening, refused and cancelled on its last
-- change, expired on its validity end. A negative row in another slot sums right with the others.
-- Only for the merchant's deletion (lib/orders/delete-order.ts sets po.delete_order in its
-- transaction): the retention sweep's deletions of old orders leave the history's counts alone.
CREATE FUNCTION po_stats_after_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('po.delete_order', true), '') <> 'on' THEN
    RETURN NULL;
  END IF;
  INSERT INTO "ShopDailyStats" ("shopId", mode, day, channel, currency, slot, created, opened, refused, expired, cancelled)
  SELECT "shopId", mode, day, channel, currency, (random() * 7)::smallint,
         -sum(created), -sum(opened), -sum(refused), -sum(expired), -sum(cancelled)
  FROM (
    SELECT o."shopId", o.mode, ((o."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date AS day, o.channel, o.currency,
           1 AS created, 0 AS opened, 0 AS refused, 0 AS expired, 0 AS cancelled
    FROM old_rows o JOIN "Shop" s ON s.id = o."shopId"
    UNION ALL
    SELECT o."shopId", o.mode, ((o."firstOpenedAt" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency, 0, 1, 0, 0, 0
    FROM old_rows o JOIN "Shop" s ON s.id = o."shopId" WHERE o."firstOpenedAt" IS NOT NULL
    UNION ALL
    SELECT o."shopId", o.mode, ((COALESCE(o."updatedAt", o."createdAt") AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency,
           0, 0, (o.status = 'REFUSED')::int, 0, (o.status = 'CANCELLED')::int
    FROM old_rows o JOIN "Shop" s ON s.id = o."shopId" WHERE o.status IN ('REFUSED', 'CANCELLED')
    UNION ALL
    SELECT o."shopId", o.mode, ((o."validUntil" AT TIME ZONE 'UTC') AT TIME ZONE s."timeZone")::date, o.channel, o.currency, 0, 0, 0, 1, 0
    FROM old_rows o JOIN "Shop" s ON s.id = o."shopId" WHERE o.status = 'EXPIRED'
  ) x
  GROUP BY "shopId", mode, day, channel, currency
  ON CONFLICT ("shopId", mode, day, channel, currency, slot) DO UPDATE SET
    created = "ShopDailyStats".created + EXCLUDED.created,
    opened = "ShopDailyStats".opened + EXCLUDED.opened,
    refused = "ShopDailyStats".refused + EXCLUDED.refused,
    expired = "ShopDailyStats".expired + EXCLUDED.expired,
    cancelled = "ShopDailyStats".cancelled + EXCLUDED.cancelled;
  RETURN NULL;
END $$;

CREATE TRIGGER po_stats_delete AFTER DELETE ON "PaymentOrder" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION po_stats_after_delete();
