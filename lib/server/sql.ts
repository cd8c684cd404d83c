import type pg from "pg";
import type { Db as IDatabase } from "pg-boss";
import { getPool } from "./db";

export type SqlClient = pg.PoolClient;

/** BEGIN … COMMIT on one pooled connection (ROLLBACK on any error). */
export async function withSqlTransaction<T>(fn: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

/** pg-boss on the caller's transaction: a job sent with this commits or rolls back with it. */
export const bossDb = (client: SqlClient): IDatabase => ({
  executeSql: (text: string, values?: unknown[]) => client.query(text, values),
});
