import { randomBytesPooled } from "./secrets";

/** RFC 9562 UUIDv7 (time-ordered), as Prisma's uuid(7) default makes them, for rows inserted in SQL. */
export function uuid7(now = Date.now()): string {
  const b = randomBytesPooled(16);
  b.writeUIntBE(now, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
