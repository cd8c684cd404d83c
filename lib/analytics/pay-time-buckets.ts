// Time from creation to payment, kept as a histogram per day (ShopDailyPayTime): bucket b holds
// payments that took [1.25^b, 1.25^(b+1)) minutes (bucket 0 also everything under 1.25 min, bucket
// 59 everything over ~1.8 years) — the SQL function po_pay_time_bucket. The median is read from
// the histogram, within ±12 % (half a bucket), whatever the number of orders.
export const PAY_TIME_BUCKETS = 60;
const RATIO = 1.25;

export const bucketOf = (minutes: number) =>
  Math.min(PAY_TIME_BUCKETS - 1, Math.max(0, Math.floor(Math.log(Math.max(minutes, 1)) / Math.log(RATIO))));

/** The median in minutes from bucket counts (index = bucket), interpolated inside its bucket; null without payments. */
export function medianMinutes(counts: number[]): number | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (!total) return null;
  const half = total / 2;
  let seen = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b] ?? 0;
    if (seen + c >= half && c > 0) {
      const low = b === 0 ? 0 : RATIO ** b;
      const high = RATIO ** (b + 1);
      // Geometric inside the bucket (linear for the first one, which starts at 0).
      const f = (half - seen) / c;
      return b === 0 ? low + (high - low) * f : low * (high / low) ** f;
    }
    seen += c;
  }
  return null;
}
