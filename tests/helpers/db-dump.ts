// The whole test database as text, one row a line ("schema.table<TAB>row as JSON"), without
// pg_dump (absent where the embedded Postgres runs): every table of every schema — ours in public,
// pg-boss' jobs in pgboss — read with row_to_json.
import { db } from "./db";

export async function dumpDatabaseRows(): Promise<{ tables: string[]; text: string }> {
  const tables = await db.$queryRaw<{ table_schema: string; table_name: string }[]>`
    SELECT table_schema, table_name FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      -- a partition's rows are read through its parent (pg-boss partitions its jobs by queue)
      AND format('%I.%I', table_schema, table_name)::regclass NOT IN (SELECT inhrelid FROM pg_inherits)
    ORDER BY table_schema, table_name`;
  const lines: string[] = [];
  for (const { table_schema: schema, table_name: table } of tables) {
    const quoted = `"${schema.replaceAll('"', '""')}"."${table.replaceAll('"', '""')}"`;
    const rows = await db.$queryRawUnsafe<{ j: string }[]>(`SELECT row_to_json(t)::text AS j FROM ${quoted} t`);
    for (const r of rows) lines.push(`${schema}.${table}\t${r.j}`);
  }
  return { tables: tables.map((t) => `${t.table_schema}.${t.table_name}`), text: lines.join("\n") };
}
