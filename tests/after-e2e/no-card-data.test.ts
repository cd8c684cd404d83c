// No full card number is stored or logged: after the browser suite, against the same database
// (scripts/test.mjs runs this project last), every row of every table and every file in
// TEST_LOG_DIR — the server's output, its in-process worker's included, and the database as each
// browser test file left it (tests/e2e/harness.ts) — is searched for the test card numbers.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_CARDS } from "@/lib/payments/sandbox-acquirer";
import { cardNumbersInSource, findCardNumbers } from "../helpers/card-numbers";
import { dumpDatabaseRows } from "../helpers/db-dump";

const E2E_DIR = "tests/e2e";

/** The acquirer's test cards and every card-number literal of the browser tests (new ones count without a change here). */
function testCardNumbers(): string[] {
  const sources = fs.readdirSync(E2E_DIR).filter((f) => f.endsWith(".ts"));
  const literals = sources.flatMap((f) => cardNumbersInSource(fs.readFileSync(path.join(E2E_DIR, f), "utf8")));
  return [...new Set([...Object.keys(TEST_CARDS), ...literals])];
}

describe("the card-number detector", () => {
  it("finds a number whole, spaced or dashed, and nothing else", () => {
    const text = 'ok 4970100000000055 "4970 1000 0000 0055" 4970-1000-0000-0055 last4 0055 497010******0055';
    expect(findCardNumbers(text, ["4970100000000055"]).map((h) => h.match)).toEqual([
      "4970100000000055",
      "4970 1000 0000 0055",
      "4970-1000-0000-0055",
    ]);
    expect(findCardNumbers("card ending 0055, 497010XXXXXX0055", ["4970100000000055"])).toEqual([]);
  });

  it("collects the Luhn-valid literals of the browser tests", () => {
    expect(cardNumbersInSource('pay("4970 1000 0000 0055"); n = "4970100000000056"; t = 1700000000000;')).toEqual(["4970100000000055"]);
    expect(testCardNumbers()).toEqual(expect.arrayContaining(["4970100000000055", "4970100000000097", "5970100300000026"]));
  });
});

describe("after the browser suite", () => {
  it("stores and logs no full card number", async () => {
    const logDir = process.env.TEST_LOG_DIR;
    if (!logDir || !fs.existsSync(logDir))
      throw new Error("TEST_LOG_DIR is unset or missing: run through scripts/test.mjs with the e2e tests");
    const files = fs
      .readdirSync(logDir, { withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => ({ name: e.name, text: fs.readFileSync(path.join(logDir, e.name), "utf8") }));
    const live = await dumpDatabaseRows();
    const sources = [{ name: "database", text: live.text }, ...files];

    // Not vacuous: the server logged, and the dumps hold pg-boss' rows and the browser suite's payments.
    expect(live.tables).toContain("public.Transaction");
    expect(files.filter((f) => /^server-\d+\.log$/.test(f.name) && f.text.length > 0).length, "non-empty server logs").toBeGreaterThan(0);
    const dumps = sources.filter((s) => s.name === "database" || /^db-\d+\.txt$/.test(s.name));
    expect(
      dumps.some((s) => /^pgboss\.\w+\t/m.test(s.text)),
      "pg-boss rows",
    ).toBe(true);
    expect(
      dumps.some((s) => /^public\.Transaction\t.*"last4":"0055"/m.test(s.text)),
      "a Transaction ending 0055",
    ).toBe(true);

    const numbers = testCardNumbers();
    const hits = sources.flatMap((s) =>
      findCardNumbers(s.text, numbers).map((h) => ({
        in: s.name,
        number: h.number,
        around: s.text.slice(Math.max(0, h.index - 60), h.index + 80),
      })),
    );
    expect(hits).toEqual([]);
  });
});
