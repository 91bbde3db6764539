/** @module Raw SQL through Drizzle on either driver: both results carry `rows`. */
import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** Runs a raw query and returns its rows (cast numbers and dates to text/int in SQL: drivers differ). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
