import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { SearchQuery } from '../archive/types.js';
import { ANONYMOUS } from '../model/index.js';
import type { Database } from './client.js';
import { queryRows } from './rows.js';
import { searchItems, tierWord } from './search.js';
import { ndcgAt, overlapAt } from './search-quality.js';
import { HEAD_TIERS, TUNING, type Tuning } from './search-strategy.js';
import { corpusVocabulary, insertSearchCorpus } from './testing-search-corpus.js';
import { openTestDatabase } from './testing.js';

// Lowered limits make a few thousand items "many": the ranked paths run as on a million.
const LOW: Tuning = { ...TUNING, exactLimit: 40, rankCandidates: 100, headLimit: 2000, headCandidates: 60, bodyCandidates: 60 };
const NAIVE: Tuning = { ...TUNING, naive: true };
const ITEMS = 3000;

let database: Database;
let words: string[];
beforeAll(async () => {
  database = await openTestDatabase();
  words = corpusVocabulary();
  await insertSearchCorpus(database.db, { items: ITEMS, seed: 14, vocabulary: words });
  await database.db.execute(sql`analyze agenda_items`);
}, 300_000);
afterAll(async () => {
  await database?.close();
});

const first = async (query: SearchQuery, tuning: Tuning) => searchItems(database.db, ANONYMOUS, { ...query, limit: 20 }, tuning);
const key = (r: { meetingId: number; itemNumber: string }) => `${r.meetingId}/${r.itemNumber}`;

/** Our first page against the naive one: overlap@20 and nDCG@20 (gains: the exact ranks). */
async function quality(query: SearchQuery) {
  const ours = await first(query, LOW);
  const naive = await first(query, NAIVE);
  const ids = new Map<string, number>();
  const id = (k: string) => ids.get(k) ?? (ids.set(k, ids.size), ids.size - 1);
  const reference = naive.results.map((r) => id(key(r)));
  const gains = new Map(naive.results.map((r) => [id(key(r)), r.rank] as const));
  const mine = ours.results.map((r) => id(key(r)));
  return {
    ours,
    naive,
    overlap: overlapAt(20, mine, reference),
    ndcg: ndcgAt(20, mine, gains, naive.results.map((r) => r.rank)),
  };
}

describe('ranked top 20 on many matches', () => {
  it('matches the naive ranking for common and medium words, pairs, phrases and prefixes', async () => {
    // Words by their frequency rank in the vocabulary the corpus was drawn from (Zipf).
    const long = words.filter((w) => w.length >= 5).slice(0, 120);
    // Stop words ("efter") stem to nothing: leave them out.
    const kept = await queryRows<{ w: string }>(
      database.db,
      sql`select w from unnest(string_to_array(${long.join(' ')}, ' ')) with ordinality as u(w, n) where numnode(to_tsquery('danish', w)) > 0 order by n`,
    );
    const content = kept.map((r) => r.w);
    const queries: SearchQuery[] = [
      ...[0, 2, 5, 10, 20, 40, 80].map((n) => ({ q: content[n]! })),
      { q: `${content[1]} ${content[3]}` },
      { q: `${content[4]} ${content[12]}` },
      { q: `"${content[0]} ${content[1]}"` },
      { q: `${content[6]!.slice(0, 4)}*` },
      { q: `${content[8]} -${content[9]}` },
    ];
    const overlaps: number[] = [];
    const report: string[] = [];
    const ndcgs: number[] = [];
    let ranked = 0;
    for (const query of queries) {
      const { ours, naive, overlap, ndcg } = await quality(query);
      if (naive.total > LOW.exactLimit) {
        // The many-matches path ran: its total is an estimate.
        expect(ours.totalIsEstimate, query.q).toBe(true);
        ranked++;
      }
      expect(ours.results.length, query.q).toBe(naive.results.length);
      overlaps.push(overlap);
      report.push(`${query.q}: ${naive.total} matches, overlap ${overlap}, nDCG ${ndcg.toFixed(3)}`);
      ndcgs.push(ndcg);
    }
    expect(ranked).toBeGreaterThanOrEqual(10);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(overlaps), report.join('\n')).toBeGreaterThanOrEqual(0.9);
    // Phrases are the weak class: their rank follows body text the candidates cannot pre-rank.
    expect(Math.min(...overlaps), report.join('\n')).toBeGreaterThanOrEqual(0.5);
    expect(mean(ndcgs), report.join('\n')).toBeGreaterThanOrEqual(0.93);
  });

  it('keeps the exact path exact: few matches are all ranked, with an exact total', async () => {
    const rare = await queryRows<{ word: string }>(
      database.db,
      sql`select word from ts_stat('select tsv from agenda_items') where ndoc between 5 and 30 and length(word) >= 6 order by word limit 3`,
    );
    expect(rare.length).toBe(3);
    for (const { word } of rare) {
      const ours = await first({ q: word }, LOW);
      const naive = await first({ q: word }, NAIVE);
      expect(ours.totalIsEstimate).toBe(false);
      expect(ours.total).toBe(naive.total);
      expect(ours.results.map(key)).toEqual(naive.results.map(key));
    }
  });

  it('pages through the ranked path like the naive ranking', async () => {
    const query = { q: words.filter((w) => w.length >= 5)[2]!, page: 2 };
    const ours = await searchItems(database.db, ANONYMOUS, { ...query, limit: 10 }, LOW);
    const naive = await searchItems(database.db, ANONYMOUS, { ...query, limit: 10 }, NAIVE);
    const ids = new Map(naive.results.map((r, i) => [key(r), i]));
    const mine = ours.results.map((r) => ids.get(key(r)) ?? -1);
    expect(overlapAt(10, mine, naive.results.map((_, i) => i))).toBeGreaterThanOrEqual(0.8);
  });

  it('uses the RUM index on PostgreSQL where the extension is available, and runs without it elsewhere', async () => {
    const [row] = await queryRows<{ available: boolean; index: boolean }>(
      database.db,
      sql`select exists(select 1 from pg_available_extensions where name = 'rum') as available, to_regclass('agenda_items_tsv_rum_idx') is not null as index`,
    );
    expect(row!.index).toBe(row!.available);
    if (database.driver === 'pglite') expect(row!.index).toBe(false);
  });
});

describe('head tiers', () => {
  it('orders the tiers by the head score of their fewest occurrences: title counts first', () => {
    expect(HEAD_TIERS[0]).toBe('a4b3');
    expect(HEAD_TIERS.at(-1)).toBe('a0b1');
    expect(HEAD_TIERS.indexOf('a2b0')).toBeLessThan(HEAD_TIERS.indexOf('a1b3'));
    expect(HEAD_TIERS.indexOf('a1b0')).toBeLessThan(HEAD_TIERS.indexOf('a0b3'));
    expect(HEAD_TIERS).toHaveLength(19);
  });

  it("labels a one-word query: a word's start (8 letters at most) when it matches compounds, else the lexeme", () => {
    expect(tierWord("'kommun' | 'kommun':*")).toBe('*kommun');
    expect(tierWord("'klimastrategi':*")).toBe('*klimastr');
    expect(tierWord("'kommun'")).toBe('/kommun');
    expect(tierWord("'kkr':*")).toBeNull();
    expect(tierWord("'covid-19' <-> 'covid' <-> '19'")).toBeNull();
  });
});
