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
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { caseKey } from './search-query.js';
import { visibleItems } from './visibility.js';

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
    // A copy: callers may narrow it.
    if (papers) found.set(key, new Map(papers));
  }
  return found;
}

/** Of these papers, the ones with at least one item the viewer may read (a case known only from closed items stays unknown). */
export async function visiblePapers(db: Db, viewer: Viewer, paperIds: readonly number[]): Promise<Set<number>> {
  if (paperIds.length === 0) return new Set();
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select distinct i.paper_id as id from agenda_items i
        where i.paper_id = any(${`{${paperIds.map((id) => Math.trunc(id)).join(',')}}`}::int[]) and ${visibleItems(viewer, 'i')}`,
  );
  return new Set(rows.map((r) => r.id));
}

/** The case number as stored that a typed one names ("sag 2020 01697" → "SAG-2020-01697"), if the viewer may see the case. */
export async function resolveCaseNumber(db: Db, viewer: Viewer, typed: string): Promise<string | null> {
  const key = caseKey(typed);
  const papers = (await papersByKey(db, [key])).get(key);
  if (!papers) return null;
  const visible = await visiblePapers(db, viewer, [...papers.keys()]);
  const references = [...papers].filter(([id]) => visible.has(id)).map(([, reference]) => reference).sort();
  // The spelling as typed, when it is one of them; else the first.
  return references.includes(typed) ? typed : (references[0] ?? null);
}
