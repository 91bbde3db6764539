/**
 * @module Case numbers however they are typed: `sag 2020 01697`, `SAG202001697` and
 * `SAG-2020-01697` all name the paper stored as written ("SAG-2020-01697").
 *
 * The comparison key (letters and digits, lower case) is not in the schema, and comparing it in
 * SQL reads every paper (≈ 250 ms for 200,000 papers on PGlite). Papers are records that are
 * never overwritten, so each process keeps the keys in memory and reads only papers added since
 * it last looked: one index lookup of max(id) per question. Ids may become visible out of order
 * on PostgreSQL (concurrent imports), so a refresh rereads a window below the highest id seen.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { caseKey } from './search-query.js';

/** Ids committed late by a concurrent import are this close to the highest id seen. */
const REREAD_WINDOW = 1000;

interface CaseKeys {
  maxId: number;
  byKey: Map<string, Map<number, string>>;
}

const indexes = new WeakMap<Db, CaseKeys>();

async function refreshed(db: Db): Promise<CaseKeys> {
  let index = indexes.get(db);
  if (!index) {
    index = { maxId: 0, byKey: new Map() };
    indexes.set(db, index);
  }
  const [top] = await queryRows<{ max: number | null }>(db, sql`select max(id)::int as max from papers`);
  const max = top?.max ?? 0;
  // A rebuilt archive starts its ids anew: start over.
  if (max < index.maxId) {
    index.maxId = 0;
    index.byKey.clear();
  }
  if (max === index.maxId) return index;
  const rows = await queryRows<{ id: number; reference: string }>(
    db,
    sql`select id, reference from papers where id > ${Math.max(0, index.maxId - REREAD_WINDOW)}`,
  );
  for (const row of rows) {
    const key = caseKey(row.reference);
    let papers = index.byKey.get(key);
    if (!papers) index.byKey.set(key, (papers = new Map()));
    papers.set(row.id, row.reference);
  }
  index.maxId = Math.max(index.maxId, max);
  return index;
}

/** The papers each key names (id → reference as written); keys that name none are left out. */
export async function papersByKey(db: Db, keys: readonly string[]): Promise<Map<string, Map<number, string>>> {
  const found = new Map<string, Map<number, string>>();
  if (keys.length === 0) return found;
  const index = await refreshed(db);
  for (const key of keys) {
    const papers = index.byKey.get(key);
    if (papers) found.set(key, papers);
  }
  return found;
}

/** The references of the papers a case number names however it is typed (none: empty). */
export async function caseReferences(db: Db, caseNumber: string): Promise<string[]> {
  const key = caseKey(caseNumber);
  const papers = (await papersByKey(db, [key])).get(key);
  return papers ? [...new Set(papers.values())].sort() : [];
}
