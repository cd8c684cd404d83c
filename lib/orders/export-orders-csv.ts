import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { UserActor } from "../auth/actor";
import type { T } from "../i18n";
import { currencyExponent } from "../money/currencies";
import { minorToDecimalString } from "../money/format-money";
import type { Db } from "../server/db";
import type { Mode } from "../server/generated/prisma/enums";
import { csvField } from "../shared/csv";
import type { OrderSearch } from "./schemas";
import { type OrderSearchRow, searchOrders } from "./search-orders";

const BATCH = 1000;

const isoInZone = (at: Date, tz: string) => format(new TZDate(at.getTime(), tz), "yyyy-MM-dd'T'HH:mm:ssXXX");

const COLUMNS: [string, (o: OrderSearchRow) => string, boolean][] = [
  ["csv_id", (o) => o.id, false],
  ["csv_shop", (o) => o.shopId, false],
  ["csv_mode", (o) => o.mode, false],
  ["col_reference", (o) => o.reference ?? "", true],
  ["col_created", (o) => isoInZone(o.createdAt, o.shop.timeZone), false],
  ["col_amount", (o) => minorToDecimalString(o.amount, currencyExponent(o.currency)), false],
  ["csv_currency", (o) => o.currency, false],
  ["col_channel", (o) => o.channel, false],
  ["col_status", (o) => o.status, false],
  ["col_delivery", (o) => o.deliveryStatus, false],
  ["col_valid_until", (o) => isoInZone(o.validUntil, o.shop.timeZone), false],
  ["col_recipient", (o) => o.recipient ?? "", true],
  ["csv_buyer_email", (o) => o.buyerEmail ?? "", true],
];

const line = (fields: string[]) => `${fields.join(",")}\r\n`;

/**
 * The filtered order list as CSV (RFC 4180, UTF-8 with BOM, header row), produced batch by batch
 * through keyset pages as the reader pulls: any size, bounded memory. Amounts in major units next
 * to their currency; dates ISO 8601 with the shop's offset; statuses as codes (as people see them).
 */
export function exportOrdersCsv(
  db: Db,
  input: { actor: UserActor; mode: Mode; search: OrderSearch; t: T; batch?: number },
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  const now = new Date();
  let after: string | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(enc.encode(`\uFEFF${line(COLUMNS.map(([label]) => csvField(input.t(label))))}`));
        return;
      }
      const page = await searchOrders(db, {
        actor: input.actor,
        mode: input.mode,
        ...input.search,
        after,
        limit: input.batch ?? BATCH,
        now,
      });
      if (page.rows.length) {
        controller.enqueue(
          enc.encode(page.rows.map((o) => line(COLUMNS.map(([, value, text]) => (text ? csvField(value(o)) : value(o))))).join("")),
        );
      }
      if (!page.nextCursor) controller.close();
      else after = page.nextCursor;
    },
  });
}
