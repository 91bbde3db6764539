/** @module Raw SQL through Drizzle on either driver: both results carry `rows`. */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** Runs a raw query and returns its rows (cast numbers and dates to text/int in SQL: drivers differ). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * The same rows, shipped from the database as one JSON array: for hundreds of rows per request
 * this is much cheaper on PGlite, which decodes every column of every row one by one. Column
 * values must be JSON-typed alike (text, int, boolean, null), as queryRows' callers already cast;
 * `order` sorts the rows by their columns (`t.id`).
 */
export async function queryRowsAsJson<T>(db: Db, query: SQL, order: SQL): Promise<T[]> {
  // The order is the aggregate's own (over the query's columns as t.…): a subquery's ORDER BY does not bind json_agg.
  const [row] = await queryRows<{ rows: T[] | string }>(db, sql`select coalesce(json_agg(t order by ${order}), '[]'::json) as rows from (${query}) t`);
  // json arrives parsed from both drivers; the string case guards a driver setting.
  return typeof row?.rows === 'string' ? (JSON.parse(row.rows) as T[]) : (row?.rows ?? []);
}

/**
 * The id `find` reads, else the one `insert` (… on conflict do nothing returning id) adds, else — a
 * concurrent writer added it meanwhile — the one `find` reads now: one round trip when the row exists.
 */
export async function findOrInsertId(db: Db, find: SQL, insert: SQL): Promise<number> {
  const [found] = await queryRows<{ id: number }>(db, find);
  if (found) return found.id;
  const [added] = await queryRows<{ id: number }>(db, insert);
  if (added) return added.id;
  const [again] = await queryRows<{ id: number }>(db, find);
  return again!.id;
}

/** Ids as one int[] parameter (`= any(…)`): one placeholder however many ids. */
export const idArray = (ids: readonly number[]): SQL => sql`${`{${ids.join(',')}}`}::int[]`;
