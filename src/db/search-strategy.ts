/**
 * @module Which items are on a search page, found without ranking every match.
 *
 * Ranking every match reads every matching row's full vector, which is what makes common words
 * slow (seconds at 500k items). So:
 * - **few matches**: counted from the GIN bitmap, reading at most `exactLimit + 1` rows, and then
 *   all ranked (or sorted) — exactly the naive result. Counting comes first whenever the planner
 *   does not call the query common (`countShare`): for a word outside its statistics it guesses
 *   0.5 % of the rows, which used to send rare words down the date-order path;
 * - **many matches, by date**: the newest (oldest) rows are read in date order until a page of
 *   matches is found, else the bitmap is sorted; the total is the planner's estimate;
 * - **many matches, by relevance**, candidates ranked exactly by the full rank:
 *   - one word or prefix: the head tiers (migration 0014) — title/decision occurrence counts per
 *     lexeme and per word start — read strongest first until `tierCandidates` are found; a
 *     two-word phrase or a 3-letter prefix likewise from the pair tiers (migration 0020);
 *   - several words on PostgreSQL with RUM: the best `rankCandidates` by `tsv <=> query`;
 *   - otherwise (phrases, PGlite, section types, case numbers): the title/decision matches
 *     pre-ranked by the small vector, and the newest matches.
 * Planner switches are SET LOCAL, so they only last for the caller's transaction.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../archive/types.js';
import type { Tx } from './content.js';
import { queryRows } from './rows.js';

export interface Tuning {
  /** Matches are counted exactly up to this many, and then all ranked; beyond, the total is an estimate. */
  exactLimit: number;
  /**
   * Above this share of the eligible rows the planner's estimate is trusted to mean "many" and
   * nothing is counted. Below it the bounded count decides: a word outside the planner's
   * statistics gets a default estimate (0.5 % of the rows) however rare it is.
   */
  countShare: number;
  /** Rows a date-order scan may expect to read (page end ÷ share of rows matching) to be chosen. */
  scanBudget: number;
  /** The most rows a date-order scan reads before it gives up and falls back to the bitmap. */
  denseScanLimit: number;
  /** Tiered rank: head tiers are read, strongest first, until this many candidates are found. */
  tierCandidates: number;
  /**
   * Tiered rank: of the last tier read, at most this many rows are read and the newest taken (the
   * naive order's tie-break), rather than the first in index order.
   */
  boundaryLimit: number;
  /** Ranked (RUM): the best this many by the index's distance are re-ranked exactly. */
  rankCandidates: number;
  /** Two-phase rank: title/decision matches read and pre-ranked by the small vector, at most. */
  headLimit: number;
  /** Two-phase rank: of those, the best this many are ranked by the full vector. */
  headCandidates: number;
  /** Two-phase rank: body matches (newest first) added when title/decision matches are too few. */
  bodyCandidates: number;
  /**
   * The reference the bench and the quality tests compare with: every match counted and ranked,
   * `order by rank limit k` with the planner left alone. Exact, and slow for common words.
   */
  naive?: boolean;
}

/** Measured with bench/search-quality.ts (see bench/README.md). */
export const TUNING: Tuning = {
  exactLimit: 1000,
  countShare: 0.02,
  scanBudget: 5000,
  denseScanLimit: 20_000,
  tierCandidates: 100,
  boundaryLimit: 2000,
  rankCandidates: 400,
  headLimit: 20_000,
  headCandidates: 200,
  bodyCandidates: 200,
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
  /**
   * A title/decision match that is always a match (no exclusions, case numbers or section
   * type): counting these first can spare counting matches in the full vectors.
   */
  headSubset: ((alias: string) => SQL) | null;
  /**
   * The tsquery when the match is exactly `i.tsv @@ it` for anonymous viewers (no section type,
   * no case numbers, public rows only): then the RUM index, where there is one, orders matches.
   */
  rumQuery: SQL | null;
  /**
   * For a query of one word (or prefix), for anonymous viewers: its label words in the head tiers
   * (migration 0014), `/lexeme` or `*start`, which follow a tier's name (`a2b1/kommun`; see
   * tierLabels). Empty when the tiers cannot serve the query.
   */
  tierWords: string[];
  /**
   * The label words of `tierWords` whose tiers hold more than the query matches (a `*start` cut
   * at 8 letters): their rows are checked against the title/decision vector before they count.
   */
  cutTierWords: string[];
  /**
   * Which tiers hold the label words: the head tiers (one word, a prefix of four letters or more)
   * or the pair tiers (migration 0020: a phrase of two words `"region midtjylland`, a prefix of
   * three letters `*byg`).
   */
  tierIndex: 'head' | 'pair';
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

/** The relevance order of exactly ranked rows; ties newest first, as the naive reference. */
const RANK_ORDER = (a: string) => sql.raw(`rank desc, ${a}.meeting_date desc nulls last, ${a}.id desc`);

/** The ids (and ranks) of the requested page, and the total number of matches. */
export async function findPage(tx: Tx, plan: SearchPlan): Promise<PageIds> {
  if (plan.tuning.naive) return naivePage(tx, plan);
  const { exactLimit, countShare, scanBudget } = plan.tuning;
  const [estimate, eligible] = await estimateBoth(tx, sql`${plan.filters} and ${plan.match('i')}`, plan.filters);
  const share = estimate / Math.max(eligible, 1);
  let count: number | null = null;
  let tierRead: TierRow[] | null = null;
  if (estimate <= exactLimit || share < countShare) {
    // Few, or the planner cannot tell: count from the index bitmap, reading at most exactLimit + 1 rows.
    await planner(tx, 'bitmap');
    // Every title/decision match is a match, and testing one reads the small head vector, where a
    // phrase's match reads each row's full vector: enough of them, and the matches are many.
    let heads = 0;
    if (plan.headSubset && estimate > exactLimit) {
      // Pair tiers: the tier statement reads more rows than the count would, each a distinct
      // title/decision match (one label word: an item is in one tier), so it counts them too.
      if (plan.tierIndex === 'pair' && plan.sort === 'relevance') {
        tierRead = await tierRows(tx, plan);
        heads = tierRead.length;
      } else heads = await countUpTo(tx, plan, plan.headSubset, exactLimit + 1);
    }
    count = heads > exactLimit ? heads : await countUpTo(tx, plan, plan.match, exactLimit + 1);
    if (count <= exactLimit) return { total: count, exact: true, hits: await everyMatch(tx, plan, false) };
  }
  const total = rounded(Math.max(estimate, count ?? 0));
  const knownShare = Math.max(share, (count ?? 0) / Math.max(eligible, 1));
  if (plan.sort !== 'relevance') {
    // Date order: read the newest (oldest) rows until a page of matches is found, when that looks cheap.
    const pageEnd = plan.offset + plan.limit;
    const ids = pageEnd <= scanBudget * knownShare ? await dated(tx, plan, plan.match, plan.sort, pageEnd) : null;
    if (ids) return { total, exact: false, hits: ids.slice(plan.offset).map((id) => ({ id, rank: 0 })) };
    return { total, exact: false, hits: await everyMatch(tx, plan) };
  }
  const hits = (await tiered(tx, plan, knownShare, tierRead)) ?? (await rumRanked(tx, plan)) ?? (await twoPhase(tx, plan, knownShare));
  return { total, exact: false, hits };
}

/** The rows meeting the filters and `condition`, counted from the index bitmap up to `limit`. */
async function countUpTo(tx: Tx, plan: SearchPlan, condition: (alias: string) => SQL, limit: number): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from (select 1 from agenda_items i where ${plan.filters} and ${condition('i')} limit ${limit}) s`,
  );
  return row?.n ?? 0;
}

/** The naive reference (see Tuning.naive): rank every match, count every match. */
async function naivePage(tx: Tx, plan: SearchPlan): Promise<PageIds> {
  const { match, filters, offset, limit } = plan;
  const order = plan.sort === 'relevance' ? RANK_ORDER('i') : dateOrder(plan.sort, 'i');
  const hits = await queryRows<Hit>(
    tx,
    sql`select i.id, ${plan.rank('i')}::float8 as rank from agenda_items i where ${filters} and ${match('i')}
        order by ${order} limit ${limit} offset ${offset}`,
  );
  const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from agenda_items i where ${filters} and ${match('i')}`);
  return { total: row?.n ?? 0, exact: true, hits };
}

/** Every match from the index bitmap, in the page's order: exact; used when matches are few. */
async function everyMatch(tx: Tx, plan: SearchPlan, steer = true): Promise<Hit[]> {
  // (Already steered to bitmaps when it follows the count.)
  if (steer) await planner(tx, 'bitmap');
  const relevance = plan.sort === 'relevance';
  return queryRows<Hit>(
    tx,
    sql`select i.id, ${relevance ? plan.rank('i') : sql`0`}::float8 as rank from agenda_items i where ${plan.filters} and ${plan.match('i')}
        order by ${relevance ? RANK_ORDER('i') : dateOrder(plan.sort, 'i')} limit ${plan.limit} offset ${plan.offset}`,
  );
}

/**
 * The head tiers, strongest first: `aNbM` holds items whose title has the word N times (4: or
 * more) and whose decision has it M times (3: or more). ts_rank (no normalisation) of one term is
 * (w₀ + Σⱼ wⱼ/(j+1)²) / 1.645 over its occurrences in text order, weights A 1, B 0.4, C 0.2,
 * D 0.1, and title and decision come first; so a tier's least head score is below, and the body
 * adds at most 0.2·(π²/6 − 1) — less than the gap between most neighbouring tiers.
 */
export const HEAD_TIERS: string[] = (() => {
  const score = (a: number, b: number) => {
    const w = [...Array<number>(a).fill(1), ...Array<number>(b).fill(0.4)];
    return w.reduce((sum, x, j) => sum + (j === 0 ? x : x / (j + 1) ** 2), 0);
  };
  const tiers: Array<{ label: string; score: number }> = [];
  for (let a = 0; a <= 4; a++) for (let b = 0; b <= 3; b++) if (a + b > 0) tiers.push({ label: `a${a}b${b}`, score: score(a, b) });
  return tiers.sort((x, y) => y.score - x.score).map((t) => t.label);
})();

/**
 * The labels to read, strongest tier first, for a query's label words: a word that also matches
 * as a compound start has two, its lexeme (`/teamled`) and its start (`*teamled`), and reading
 * each tier of both finds the items that rank by the word itself (the exact query's half of the
 * rank) as well as those whose compounds pile up in the title. The lexeme goes first in a tier.
 */
export function tierLabels(words: readonly string[]): string[] {
  return HEAD_TIERS.flatMap((tier) => words.map((word) => `${tier}${word}`));
}

/** A tier label as a tsquery operand: quoted, its backslashes and quotes escaped. */
export function labelOperand(label: string): string {
  return `'${label.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The tier function of the plan's labels (both GIN expression indexes are partial: public rows). */
export function tierFunction(plan: Pick<SearchPlan, 'tierIndex'>, alias: string): SQL {
  return sql.raw(`${plan.tierIndex === 'pair' ? 'referat_pair_tiers' : 'referat_head_tiers'}(${alias}.head_tsv)`);
}

/**
 * Many matches of one word, prefix or two-word phrase: the tiers are read strongest first until
 * twice `tierCandidates` items are found (each a small GIN lookup: the strong tiers of even the
 * commonest word are small), then ranked exactly. Of the last tier read, which is cut, the newest
 * of at most `boundaryLimit` rows are taken: its items rank alike by title and decision, and the
 * naive order breaks ties newest first. Body matches join only when the title/decision matches are
 * fewer than the page needs.
 */
async function tiered(tx: Tx, plan: SearchPlan, share: number, read: TierRow[] | null = null): Promise<Hit[] | null> {
  if (plan.tierWords.length === 0) return null;
  const pageEnd = plan.offset + plan.limit;
  const ids = strongestFirst(read ?? (await tierRows(tx, plan)), tierWant(plan));
  if (ids.length < pageEnd) ids.push(...(await bodyMatches(tx, plan, Math.max(plan.tuning.bodyCandidates, pageEnd), share)));
  return rerank(tx, plan, [...new Set(ids)]);
}

type TierRow = { id: number; ord: number; day: string | null };

/** The candidates a tiered read wants: twice the page end or `tierCandidates`. */
const tierWant = (plan: SearchPlan) => 2 * Math.max(plan.offset + plan.limit, plan.tuning.tierCandidates);

/**
 * The rows of the tiers, strongest first, with their tier (`ord`) and date. One statement, each
 * tier a GIN lookup (heap rows only for the date, no vector read); the outer LIMIT stops the loop
 * once the tiers read hold the wanted items and the last of them has given up to `boundary` rows
 * (and more than `exactLimit`, so that the rows read also tell whether the matches are many).
 */
async function tierRows(tx: Tx, plan: SearchPlan): Promise<TierRow[]> {
  const want = tierWant(plan);
  const boundary = Math.max(plan.tuning.boundaryLimit, want);
  const words = tierLabels(plan.tierWords);
  const labels = words.map(labelOperand);
  // A cut start's tier also holds items that do not match at all ("sundhedsklynge" for
  // `sundhedsaftal:*`): were they counted, they could fill the candidates before the word's own
  // tiers are read (a page of 6 results for 31,019 matches at 1 M items). Only those labels read the vector.
  const cut = words.map((label) => plan.cutTierWords.some((w) => label.endsWith(w)));
  await planner(tx, 'bitmap');
  return queryRows<TierRow>(
    tx,
    sql`select s.id, t.ord::int as ord, s.day from unnest(${textArray(labels)}::text[], ${`{${cut.join(',')}}`}::boolean[]) with ordinality as t(label, cut, ord)
        cross join lateral (
          select i.id, i.meeting_date::text as day from agenda_items i
          where ${plan.filters} and ${tierFunction(plan, 'i')} @@ t.label::tsquery and (not t.cut or ${plan.headMatch ? plan.headMatch('i') : sql`true`}) limit ${boundary}
        ) s limit ${Math.max(want + boundary, plan.tuning.exactLimit + 1)}`,
  );
}

/**
 * The ids of whole tiers (rows in tier order) until `want` are found, the last tier's newest
 * (date, then id, descending) making up the rest.
 */
export function strongestFirst(rows: ReadonlyArray<{ id: number; ord: number; day: string | null }>, want: number): number[] {
  const seen = new Set<number>();
  const ids: number[] = [];
  for (let i = 0; i < rows.length && ids.length < want; ) {
    let j = i;
    while (j < rows.length && rows[j]!.ord === rows[i]!.ord) j++;
    const tier = rows.slice(i, j).filter((r) => !seen.has(r.id));
    if (ids.length + tier.length > want) {
      tier.sort((a, b) => (a.day === b.day ? b.id - a.id : a.day === null ? 1 : b.day === null ? -1 : a.day < b.day ? 1 : -1));
    }
    for (const r of tier.slice(0, want - ids.length)) {
      seen.add(r.id);
      ids.push(r.id);
    }
    i = j;
  }
  return ids;
}

/** A PostgreSQL text array literal. */
function textArray(values: string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

/**
 * Many matches on PostgreSQL with the RUM index (migration 0014): the index returns matches in
 * order of `tsv <=> query`, which for one term is 1 / ts_rank but differs for compounds (our rank
 * averages two queries) and in ties; so the best `rankCandidates` by distance are re-ranked
 * exactly. Null when the index is missing or the query cannot use it.
 */
async function rumRanked(tx: Tx, plan: SearchPlan): Promise<Hit[] | null> {
  if (!plan.rumQuery) return null;
  const [has] = await queryRows<{ rum: boolean }>(tx, sql`select to_regclass('agenda_items_tsv_rum_idx') is not null as rum`);
  if (!has?.rum) return null;
  await planner(tx, 'ordered');
  const n = Math.max(plan.tuning.rankCandidates, 2 * (plan.offset + plan.limit));
  const rows = await queryRows<{ id: number }>(
    tx,
    sql`select i.id from agenda_items i where ${plan.filters} and i.tsv @@ ${plan.rumQuery} order by i.tsv <=> ${plan.rumQuery} limit ${n}`,
  );
  return rerank(tx, plan, rows.map((r) => r.id));
}

/**
 * Many matches without RUM (PGlite, or a query RUM cannot serve): title and decision weigh most
 * (A, B against C, D), so the candidates are the title/decision matches pre-ranked by the small
 * vector (at most `headLimit` read, the best `headCandidates` kept), and the newest matches
 * (`bodyCandidates` of them when title/decision matches are fewer than the page needs, else a
 * few, for ties). The candidates are ranked exactly.
 */
async function twoPhase(tx: Tx, plan: SearchPlan, share: number): Promise<Hit[]> {
  const { headLimit, headCandidates, bodyCandidates } = plan.tuning;
  const pageEnd = plan.offset + plan.limit;
  const ids: number[] = [];
  let heads = 0;
  if (plan.headMatch && plan.headRank) {
    await planner(tx, 'bitmap');
    const rows = await queryRows<{ id: number; n: number }>(
      tx,
      sql`select s.id, count(*) over ()::int as n from (
            select i.id, i.meeting_date, ${plan.headRank('i')} as pre from agenda_items i
            where ${plan.filters} and ${plan.headMatch('i')} limit ${headLimit}
          ) s order by s.pre desc, s.meeting_date desc nulls last, s.id desc limit ${Math.max(headCandidates, pageEnd)}`,
    );
    ids.push(...rows.map((r) => r.id));
    heads = rows[0]?.n ?? 0;
  }
  // The newest matches too: they win the ties (equal ranks are common when words are excluded or few), and
  // they are the body matches needed when title/decision matches are too few for the page.
  ids.push(...(await bodyMatches(tx, plan, Math.max(heads < pageEnd ? bodyCandidates : 2 * plan.limit, pageEnd), share)));
  return rerank(tx, plan, [...new Set(ids)]);
}

/**
 * Up to `count` matches: the newest, when reading rows in date order should find them within the
 * scan budget (matches are a fair share of the rows) and does; else from the bitmap.
 */
async function bodyMatches(tx: Tx, plan: SearchPlan, count: number, share: number): Promise<number[]> {
  const recent = count <= plan.tuning.scanBudget * share ? await dated(tx, plan, plan.match, 'newest', count) : null;
  if (recent) return recent;
  await planner(tx, 'bitmap');
  const rows = await queryRows<{ id: number }>(tx, sql`select i.id from agenda_items i where ${plan.filters} and ${plan.match('i')} limit ${count}`);
  return rows.map((r) => r.id);
}

/** The page of candidates ranked exactly by the full rank (a title/decision candidate may not match: `-word` in the body). */
async function rerank(tx: Tx, plan: SearchPlan, ids: number[]): Promise<Hit[]> {
  if (ids.length === 0) return [];
  await planner(tx, 'bitmap');
  // The candidates by id, and only then the match tested on each (`offset 0` keeps them apart):
  // else the planner may AND the ids' bitmap with the match's, built from the whole GIN index —
  // 147 ms for `bygge*` (`byg:*`, 110,804 matches) at 1 M items, where it guessed 31,023.
  return queryRows<Hit>(
    tx,
    sql`select i.id, ${plan.rank('i')}::float8 as rank from (select * from agenda_items c where c.id = any(${intArray(ids)}::int[]) offset 0) i
        where ${plan.filters} and ${plan.match('i')}
        order by ${RANK_ORDER('i')} limit ${plan.limit} offset ${plan.offset}`,
  );
}

interface PlanNode {
  'Node Type': string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

/** The top node of the planner's plan for `statement` (EXPLAIN, nothing executed). */
async function explainedPlan(tx: Tx, statement: SQL): Promise<PlanNode | null> {
  const [row] = await queryRows<Record<string, unknown>>(tx, sql`explain (format json) ${statement}`);
  const raw = row ? Object.values(row)[0] : null;
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }> | null;
  return plan?.[0]?.Plan ?? null;
}

/** The planner's row estimate for items meeting a condition (EXPLAIN, nothing executed). */
export async function estimateRows(tx: Tx, condition: SQL): Promise<number> {
  return (await explainedPlan(tx, sql`select 1 from agenda_items i where ${condition}`))?.['Plan Rows'] ?? 0;
}

/**
 * The planner's estimates for two conditions from one EXPLAIN (a UNION ALL's Append keeps one
 * child per branch): a round trip less on every search. Two EXPLAINs if the planner folded a branch.
 */
async function estimateBoth(tx: Tx, first: SQL, second: SQL): Promise<[number, number]> {
  const top = await explainedPlan(tx, sql`select 1 from agenda_items i where ${first} union all select 1 from agenda_items i where ${second}`);
  if (top?.['Node Type'] === 'Append' && top.Plans?.length === 2) return [top.Plans[0]!['Plan Rows'], top.Plans[1]!['Plan Rows']];
  return [await estimateRows(tx, first), await estimateRows(tx, second)];
}

/**
 * Steers the planner for the rest of the transaction: bitmap scans (few matches, or candidates
 * from the index), index order (date order), or an ordered index scan without a sort (RUM).
 */
async function planner(tx: Tx, mode: 'bitmap' | 'index' | 'ordered'): Promise<void> {
  const bitmap = mode === 'bitmap';
  // set_config(…, true) is SET LOCAL, as one statement (the extended protocol takes one at a time).
  await tx.execute(
    sql`select set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', ${bitmap ? 'off' : 'on'}, true),
        set_config('enable_bitmapscan', ${bitmap ? 'on' : 'off'}, true), set_config('enable_sort', ${mode === 'ordered' ? 'off' : 'on'}, true)`,
  );
}

/**
 * Ids of the first `count` rows in date order that match, reading at most `denseScanLimit`
 * (or 20 per wanted match) rows; null when the scan ran out before finding them. The inner LIMIT bounds the rows read
 * and the outer LIMIT stops the scan early (no outer ORDER BY, which would read them all).
 */
async function dated(
  tx: Tx,
  plan: SearchPlan,
  match: (alias: string) => SQL,
  sort: 'newest' | 'oldest',
  count: number,
): Promise<number[] | null> {
  await planner(tx, 'index');
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
