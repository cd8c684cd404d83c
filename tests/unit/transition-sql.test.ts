import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActorValues, insertAuditSql } from "@/lib/audit/audit-sql";
import type { UserActor } from "@/lib/auth/actor";
import { ORDER_TRANSITIONS, type OrderEvent } from "@/lib/orders/order-status";
import { transitionOrdersSql } from "@/lib/orders/transition-orders-sql";
import { AuditEventScalarFieldEnum } from "@/lib/server/generated/prisma/internal/prismaNamespace";
import { sqlLiterals } from "@/lib/server/sql-literals";

describe("order transitions in SQL (transitionOrdersSql)", () => {
  for (const [event, rule] of Object.entries(ORDER_TRANSITIONS)) {
    it(`${event}: takes rows only in the table's from-statuses, to its target, audited as order.${event}`, () => {
      const sql = transitionOrdersSql(event as OrderEvent, { where: "true", tail: "" });
      const from = sql.match(/WHERE status IN \(([^)]*)\)/)?.[1]?.match(/'([A-Z_]+)'/g);
      expect(from?.map((s) => s.slice(1, -1))).toEqual([...rule.from]);
      expect(sql).toContain(`SET status = '${rule.to}'`);
      expect(sql).toContain(`'order.${event}'`);
      expect(sql).toContain(`'{"status":"${rule.to}"}'::jsonb`);
    });
  }
});

describe("audit events in SQL (insertAuditSql)", () => {
  it("names every column of AuditEvent once, a value for each", () => {
    const sql = insertAuditSql({ actor: "SYSTEM", action: "'x.y'" });
    const columns = sql
      .match(/\(([^)]*)\)/)![1]!
      .split(",")
      .map((c) => c.trim().replace(/"/g, ""));
    expect(columns.toSorted()).toEqual(Object.values(AuditEventScalarFieldEnum).toSorted());
    expect(sql.slice(sql.indexOf("SELECT ") + 7).split(", ")).toHaveLength(columns.length);
  });

  it("encodes the actor as recordAuditEvent does: a user's company, the type, the id", () => {
    const sql = insertAuditSql({ actor: { param: 4 }, action: "'x.y'" });
    expect(sql).toContain(`SELECT gen_random_uuid(), $4::uuid, NULL, NULL, $5::"ActorType", $6, 'x.y'`);
    const user: UserActor = { type: "USER", userId: "u1", companyId: "c1", role: "ADMIN", shopIds: [] };
    expect(auditActorValues(user)).toEqual(["c1", "USER", "u1"]);
    expect(auditActorValues({ type: "API_KEY", shopId: "12345678", mode: "TEST" })).toEqual([null, "API_KEY", "12345678:TEST"]);
    expect(auditActorValues({ type: "SYSTEM" })).toEqual([null, "SYSTEM", null]);
    expect(insertAuditSql({ actor: "SYSTEM", action: "'x.y'" })).toContain(
      `SELECT gen_random_uuid(), NULL, NULL, NULL, 'SYSTEM', NULL, 'x.y'`,
    );
  });

  it('is the only code under lib/ that writes INSERT INTO "AuditEvent"', () => {
    // sweep-transactions.ts is another helper's area (lib/payments): to move to insertAuditSql.
    const allowed = ["audit/audit-sql.ts", "payments/sweep-transactions.ts"];
    const files = (fs.readdirSync("lib", { recursive: true }) as string[]).filter((f) => f.endsWith(".ts") && !f.includes("generated"));
    const writers = files.filter((f) => /INSERT INTO "AuditEvent" \(/.test(fs.readFileSync(path.join("lib", f), "utf8")));
    expect(writers.filter((f) => !allowed.includes(f))).toEqual([]);
  });
});

describe("sqlLiterals", () => {
  it("writes our constants, refuses anything that could leave the quotes", () => {
    expect(sqlLiterals(["RUNNING", "order.delivery.failed"])).toBe("'RUNNING', 'order.delivery.failed'");
    expect(() => sqlLiterals(["RUNNING'); DROP TABLE x; --"])).toThrow(/not an SQL constant/);
  });
});
