// The filtered transactions list as CSV (refunds20): one line per transaction, refunds included as
// their own lines (operation CREDIT, negative amount, the refunded transaction's number), so a sum
// of the amount column is the net collected. UTF-8 with BOM, RFC 4180, page by page as the reader
// pulls; amounts in major units beside their currency; dates ISO 8601 with the shop's offset.
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import type { UserActor } from "../auth/actor";
import { currencyExponent } from "../money/currencies";
import { minorToDecimalString } from "../money/format-money";
import type { Db } from "../server/db";
import { csvField } from "../shared/csv";
import { findTransactions } from "./find-transactions";
import type { TransactionFilters } from "./schemas";

const HEADER = [
  "created",
  "number",
  "operation",
  "refund_of",
  "amount",
  "currency",
  "status",
  "card",
  "order_reference",
  "order_id",
  "mode",
];

const isoInZone = (at: Date, tz: string) => format(new TZDate(at.getTime(), tz), "yyyy-MM-dd'T'HH:mm:ssXXX");
// Every cell defused (csvField) but the amount: our own digits, which a leading "-" must keep numeric.
const line = (fields: string[], raw = -1) => `${fields.map((f, i) => (i === raw ? f : csvField(f))).join(",")}\r\n`;

export function exportTransactionsCsv(
  db: Db,
  input: { actor: UserActor; filters?: Partial<TransactionFilters>; pageSize?: number },
): ReadableStream<Uint8Array> {
  const enc = new TextEncoder();
  let page = 0;
  let more = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (page === 0) {
        page = 1;
        controller.enqueue(enc.encode(`\uFEFF${line(HEADER)}`));
        return;
      }
      if (!more) return controller.close();
      const r = await findTransactions(db, { actor: input.actor, filters: input.filters, page, pageSize: input.pageSize ?? 200 });
      more = r.hasNext;
      page++;
      const text = r.rows
        .map((t) => {
          const sign = t.operationType === "CREDIT" ? -1 : 1;
          return line(
            [
              isoInZone(t.createdAt, t.shop.timeZone),
              t.number,
              t.operationType,
              t.parent?.number ?? "",
              minorToDecimalString(sign * t.amount, currencyExponent(t.currency)),
              t.currency,
              t.status,
              t.last4 ? `${t.brand ?? ""} ${t.last4}`.trim() : "",
              t.order.reference ?? "",
              t.order.id,
              t.mode,
            ],
            4,
          );
        })
        .join("");
      if (text) controller.enqueue(enc.encode(text));
      if (!more) controller.close();
    },
  });
}
