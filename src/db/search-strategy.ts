/**
 * @module Which items are on a search page, found without visiting every match.
 *
 * Visiting every matching row is what makes common words slow (STACK-NOTES: ~200 ms at 200k
 * items), so the planner's estimate picks one of two strategies:
 * - sparse (few matches, or matches spread thin): the GIN index gives the matches as a bitmap;
 *   they are counted exactly (up to `exactLimit`), pre-ranked by the small title+decision vector,
 *   and only the best few are ranked by the full vector;
 * - dense (many matches, a fair share of all rows): the newest rows are read in date order until
 *   enough match — a handful of rows per hit — and the total is the planner's estimate.
 *   Relevance ranks the newest matches together with the best title/decision matches.
 * Planner switches are SET LOCAL, so they only last for the caller's transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../archive/types.js';
import type { Tx } from './content.js';
import { queryRows } from './rows.js';

export interface Tuning {
  /** Matches are counted exactly up to this many; beyond, the total is an estimate. */
  exactLimit: number;
  /** Rows a dense scan may expect to read (page end ÷ share of rows matching) to be chosen. */
  scanBudget: number;
  /** At most this many newest matches are ranked for relevance in the dense strategy. */
  denseCandidates: number;
  /** Sparse relevance: how many pre-ranked matches get the full ranking. */
  sparseCandidates: number;
  /** The most rows a dense scan reads before it gives up and falls back to the bitmap. */
  denseScanLimit: number;
  /**
   * The reference the bench and the quality tests compare with: every match counted and ranked,
   * `order by rank limit k` with the planner left alone. Exact, and slow for common words.
   */
  naive?: boolean;
}

/** Measured with `npm run bench` on 200,000 items (see README). */
export const TUNING: Tuning = {
  exactLimit: 1000,
  scanBudget: 5000,
  denseCandidates: 100,
  sparseCandidates: 200,
  denseScanLimit: 20_000,
};

export interface SearchPlan {
  /** The item matches: `vector @@ query`, possibly or a case's papers (alias `i`; a scan's alias `s` has id, paper_id and the vectors). */
  match: (alias: string) => SQL;
  /** Every other condition (public, kind/current, body, dates, a person's meetings), alias `i`. */
  filters: SQL;
  /** Full rank of a matching row (alias given), and the cheap pre-rank, when there is one. */
  rank: (alias: string) => SQL;
  headMatch: ((alias: string) => SQL) | null;
  headRank: ((alias: string) => SQL) | null;
  sort: SearchSort;
  offset: number;
  limit: number;
  tuning: Tuning;
}

export interface PageIds {
  total: number;
  exact: boolean;
  hits: Array<{ id: number; rank: number }>;
}

type Hit = { id: number; rank: number };

/** The ids (and ranks) of the requested page, and the total number of matches. */
export async function findPage(tx: Tx, plan: SearchPlan): Promise<PageIds> {
  if (plan.tuning.naive) return naivePage(tx, plan);
  const estimate = await estimateRows(tx, sql`${plan.filters} and ${plan.match('i')}`);
  const eligible = await estimateRows(tx, plan.filters);
  const { exactLimit, scanBudget, denseCandidates } = plan.tuning;
  const share = estimate / Math.max(eligible, 1);
  const pageEnd = plan.offset + plan.limit;
  // Dense when reading rows in date order should find the page within the scan budget.
  const looksDense = estimate > exactLimit && pageEnd <= scanBudget * share;
  if (looksDense) {
    const candidates = Math.max(pageEnd, Math.min(denseCandidates, Math.floor(scanBudget * share)));
    const hits = await dense(tx, plan, candidates);
    if (hits) return { total: rounded(estimate), exact: false, hits };
  }
  await planner(tx, 'bitmap');
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from agenda_items i where ${plan.filters} and ${plan.match('i')} limit ${exactLimit + 1}) s`,
  );
  const count = row?.n ?? 0;
  if (count <= exactLimit) return { total: count, exact: true, hits: await sparse(tx, plan) };
  // Many matches, but (as far as the estimate knows) spread thin: try date order once, unless it just failed.
  const knownShare = Math.max(share, count / Math.max(eligible, 1));
  const hits = looksDense
    ? null
    : await dense(tx, plan, Math.max(pageEnd, Math.min(denseCandidates, Math.floor(scanBudget * knownShare))));
  return { total: rounded(Math.max(estimate, count)), exact: false, hits: hits ?? (await sparse(tx, plan)) };
}

/** The naive reference (see Tuning.naive): rank every match, count every match. */
async function naivePage(tx: Tx, plan: SearchPlan): Promise<PageIds> {
  const { match, filters, offset, limit } = plan;
  const order = plan.sort === 'relevance' ? sql`rank desc, i.meeting_date desc nulls last, i.id desc` : dateOrder(plan.sort, 'i');
  const hits = await queryRows<Hit>(
    tx,
    sql`select i.id, ${plan.rank('i')}::float8 as rank from agenda_items i where ${filters} and ${match('i')}
        order by ${order} limit ${limit} offset ${offset}`,
  );
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from agenda_items i where ${filters} and ${match('i')}`);
  return { total: row?.n ?? 0, exact: true, hits };
}

/** The planner's row estimate for items meeting a condition (EXPLAIN, nothing executed). */
export async function estimateRows(tx: Tx, condition: SQL): Promise<number> {
  const [row] = await queryRows<Record<string, unknown>>(
    tx,
    sql`explain (format json) select 1 from agenda_items i where ${condition}`,
  );
  const raw = row ? Object.values(row)[0] : null;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: { 'Plan Rows': number } }> | null;
  return plan?.[0]?.Plan['Plan Rows'] ?? 0;
}

/** Steers the planner for the rest of the transaction: bitmap scans (sparse) or index order (dense). */
async function planner(tx: Tx, mode: 'bitmap' | 'index'): Promise<void> {
  const bitmap = mode === 'bitmap';
  // set_config(…, true) is SET LOCAL, as one statement (the extended protocol takes one at a time).
  await tx.execute(
    sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', ${bitmap ? 'off' : 'on'}, true),
        set_config('enable_bitmapscan', ${bitmap ? 'on' : 'off'}, true)`,
  );
}

/** Sparse strategy: all matches from the bitmap, exactly ordered. */
async function sparse(tx: Tx, plan: SearchPlan): Promise<Hit[]> {
  const { match, filters, offset, limit } = plan;
  if (plan.sort !== 'relevance') {
    return queryRows<Hit>(
      tx,
      sql`select i.id, 0::float8 as rank from agenda_items i where ${filters} and ${match('i')}
          order by ${dateOrder(plan.sort, 'i')} limit ${limit} offset ${offset}`,
    );
  }
  const pre = plan.headRank ?? plan.rank;
  return queryRows<Hit>(
    tx,
    sql`with pre as (
          select i.id, i.meeting_date, ${pre('i')} as pre from agenda_items i where ${filters} and ${match('i')}
          order by pre desc, i.meeting_date desc nulls last, i.id desc limit ${Math.max(plan.tuning.sparseCandidates, offset + limit)})
        select p.id, ${plan.rank('i')}::float8 as rank from pre p join agenda_items i on i.id = p.id
        order by rank desc, p.pre desc, p.meeting_date desc nulls last, p.id desc limit ${limit} offset ${offset}`,
  );
}

/** Dense strategy; null when the date-order scan found too few matches (the estimate was off). */
async function dense(tx: Tx, plan: SearchPlan, candidates: number): Promise<Hit[] | null> {
  await planner(tx, 'index');
  if (plan.sort !== 'relevance') {
    const ids = await newest(tx, plan, plan.match, plan.sort, plan.offset + plan.limit);
    return ids && ids.slice(plan.offset).map((id) => ({ id, rank: 0 }));
  }
  const recent = await newest(tx, plan, plan.match, 'newest', candidates);
  if (!recent) return null;
  // The best title/decision matches join the newest ones, so a strong title match anywhere in
  // time can still come first.
  const head = plan.headMatch ? await headCandidates(tx, plan, plan.headMatch, plan.headRank!, candidates) : [];
  const ids = [...new Set([...recent, ...head])];
  return queryRows<Hit>(
    tx,
    sql`select i.id, ${plan.rank('i')}::float8 as rank from agenda_items i where i.id = any(${intArray(ids)}::int[])
        order by rank desc, i.meeting_date desc nulls last, i.id desc limit ${plan.limit} offset ${plan.offset}`,
  );
}

/** The best title/decision matches: ranked from the bitmap when few, else the newest of them. */
async function headCandidates(
  tx: Tx,
  plan: SearchPlan,
  headMatch: (alias: string) => SQL,
  headRank: (alias: string) => SQL,
  count: number,
): Promise<number[]> {
  if ((await estimateRows(tx, sql`${plan.filters} and ${headMatch('i')}`)) > plan.tuning.exactLimit) {
    return (await newest(tx, plan, headMatch, 'newest', count)) ?? [];
  }
  await planner(tx, 'bitmap');
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select i.id from agenda_items i where ${plan.filters} and ${headMatch('i')}
        order by ${headRank('i')} desc, i.meeting_date desc nulls last limit ${count}`,
  );
  await planner(tx, 'index');
  return rows.map((r) => r.id);
}

/**
 * Ids of the first `count` rows in date order that match, reading at most `denseScanLimit`
 * (or 20 per wanted match) rows; null when the scan ran out before finding them. The inner LIMIT bounds the rows read
 * and the outer LIMIT stops the scan early (no outer ORDER BY, which would read them all).
 */
async function newest(
  tx: Tx,
  plan: SearchPlan,
  match: (alias: string) => SQL,
  sort: 'newest' | 'oldest',
  count: number,
): Promise<number[] | null> {
  const scanLimit = Math.max(plan.tuning.denseScanLimit, count * 20);
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select s.id from (
          select i.id, i.paper_id, i.tsv, i.head_tsv, i.typed_tsv from agenda_items i where ${plan.filters}
          order by ${dateOrder(sort, 'i')} limit ${scanLimit}
        ) s where ${match('s')} limit ${count}`,
  );
  if (rows.length === count) return rows.map((r) => r.id);
  // Fewer than asked: complete only if the filtered rows ran out before the scan limit.
  const [all] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from agenda_items i where ${plan.filters} limit ${scanLimit}) s`,
  );
  return (all?.n ?? 0) < scanLimit ? rows.map((r) => r.id) : null;
}

/** Date order of items: by meeting date, then the meeting's own item order; exactly the two indexes' order. */
export function dateOrder(sort: SearchSort, alias: string): SQL {
  const a = sql.raw(alias);
  return sort === 'oldest'
    ? sql`${a}.meeting_date asc nulls last, ${a}.meeting_id asc, ${a}.position asc`
    : sql`${a}.meeting_date desc nulls last, ${a}.meeting_id desc nulls last, ${a}.position asc`;
}

/** A PostgreSQL array literal of ids (integers from the database, so nothing to escape). */
export function intArray(ids: number[]): string {
  return `{${ids.map((id) => Math.trunc(id)).join(',')}}`;
}

/** An estimate shown to two significant digits, so it does not pretend to be exact. */
function rounded(n: number): number {
  if (n < 100) return Math.round(n);
  const magnitude = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / magnitude) * magnitude;
}
