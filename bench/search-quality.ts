/**
 * @module Search speed and ranking quality side by side: each query of a class runs through
 * `searchItems` with TUNING (Referat) and with `naive: true` (every match ranked, the reference),
 * and per class the p50/p95/p99 of both and overlap@20 / nDCG@20 of Referat's first page against
 * the naive one are reported. The search engine's development tool, for any database and a
 * synthetic corpus it can build; `npm run bench`'s search part (search.ts) measures the same on
 * the national corpus with queries chosen by the corpus's term frequencies. Run:
 *
 *   npx tsx bench/search-quality.ts (--url postgres://… | --dir data/pglite) [--repeat 5] [--build 200000 [--build-only]]
 *
 * `--build N` first inserts N synthetic items (src/db/testing-search-corpus.ts) into that database.
 */
import { sql } from 'drizzle-orm';
import type { SearchQuery } from '../src/archive/types.js';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { searchItems } from '../src/db/search.js';
import { ndcgAt, overlapAt } from '../src/db/search-quality.js';
import { TUNING } from '../src/db/search-strategy.js';
import { insertSearchCorpus } from '../src/db/testing-search-corpus.js';
import { ANONYMOUS } from '../src/model/index.js';
import { percentile } from './context.js';

export type QueryClass = 'common' | 'medium' | 'rare' | 'two words' | 'phrase' | 'prefix';
export interface QualityQuery {
  class: QueryClass;
  query: SearchQuery;
}
export interface Latency {
  p50: number;
  p95: number;
  p99: number;
}
export interface ClassFigures {
  class: QueryClass;
  queries: number;
  referat: Latency;
  naive: Latency;
  /** Means over the class's queries of overlap@20 and nDCG@20 against the naive first page. */
  overlap: number;
  ndcg: number;
}

const q = (cls: QueryClass, text: string): QualityQuery => ({ class: cls, query: { q: text } });

/** Words of the seed documents' vocabulary by how many items they are in (both corpora draw from it). */
export const QUALITY_QUERIES: QualityQuery[] = [
  ...['kommune', 'beslutning', 'udvalget', 'godkendt', 'sagen'].map((t) => q('common', t)),
  ...['budget', 'borgere', 'skole', 'trafik', 'tilskud'].map((t) => q('medium', t)),
  ...['vandløb', 'kystsikring', 'havvindmølleparken', 'letbanestrækningen', 'xylofonorkester'].map((t) => q('rare', t)),
  ...['kommune budget', 'udvalget skole', 'klima energi', 'borgere tilskud', 'sagen trafik'].map((t) => q('two words', t)),
  ...['"til efterretning"', '"grønne omstilling"', '"udvalget godkendte"', '"kommunens budget"', '"det specialiserede socialområde"'].map((t) => q('phrase', t)),
  ...['kommun*', 'budget*', 'skole*', 'klima*', 'trafik*'].map((t) => q('prefix', t)),
];

const latency = (times: number[]): Latency => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
};

/** Ids of a first page of results, with the naive rank of each (items identified by meeting and number). */
async function page(database: Database, query: SearchQuery, naive: boolean) {
  const started = performance.now();
  const result = await searchItems(database.db, ANONYMOUS, { ...query, limit: 20 }, naive ? { ...TUNING, naive: true } : TUNING);
  return { ms: performance.now() - started, hits: result.results.map((r) => ({ key: `${r.meetingId}/${r.itemNumber}`, rank: r.rank })) };
}

/** Runs every query `repeat` times each way (after one warm-up run) and reports per class. */
export async function searchQualityBench(database: Database, queries: QualityQuery[] = QUALITY_QUERIES, repeat = 3): Promise<ClassFigures[]> {
  const figures: ClassFigures[] = [];
  const classes = [...new Set(queries.map((x) => x.class))];
  for (const cls of classes) {
    const referat: number[] = [];
    const naive: number[] = [];
    const overlaps: number[] = [];
    const ndcgs: number[] = [];
    for (const { query } of queries.filter((x) => x.class === cls)) {
      const ours = await page(database, query, false);
      const reference = await page(database, query, true);
      for (let i = 0; i < repeat; i++) {
        referat.push((await page(database, query, false)).ms);
        naive.push((await page(database, query, true)).ms);
      }
      const ids = new Map<string, number>();
      const id = (key: string) => ids.get(key) ?? (ids.set(key, ids.size), ids.size - 1);
      const refIds = reference.hits.map((h) => id(h.key));
      overlaps.push(overlapAt(20, ours.hits.map((h) => id(h.key)), refIds));
      const gains = new Map(reference.hits.map((h) => [id(h.key), h.rank] as const));
      ndcgs.push(ndcgAt(20, ours.hits.map((h) => id(h.key)), gains, reference.hits.map((h) => h.rank)));
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
    figures.push({ class: cls, queries: overlaps.length, referat: latency(referat), naive: latency(naive), overlap: mean(overlaps), ndcg: mean(ndcgs) });
  }
  return figures;
}

/** The figures as a plain table. */
export function formatQualityFigures(figures: ClassFigures[]): string[] {
  const ms = (l: Latency) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} / ${l.p99.toFixed(1)}`;
  return [
    'class       | Referat p50/p95/p99 ms | naive p50/p95/p99 ms   | overlap@20 | nDCG@20',
    ...figures.map((f) => `${f.class.padEnd(11)} | ${ms(f.referat).padEnd(22)} | ${ms(f.naive).padEnd(22)} | ${f.overlap.toFixed(2).padEnd(10)} | ${f.ndcg.toFixed(3)}`),
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const url = arg('--url');
  const dir = arg('--dir');
  if (!url === !dir) throw new Error('Give --url postgres://… or --dir <PGlite data directory> (one of them).');
  const database = url ? await openPostgres(url) : await openPglite(dir!);
  try {
    const build = Number(arg('--build') ?? 0);
    if (build > 0) {
      const started = performance.now();
      await insertSearchCorpus(database.db, {
        items: build,
        onProgress: (n) => n % 50_000 === 0 && console.log(`${n} items, ${((performance.now() - started) / 1000).toFixed(0)} s`),
      });
      await database.db.execute(sql`analyze agenda_items`);
      await database.checkpoint();
      if (args.includes('--build-only')) return;
    }
    const figures = await searchQualityBench(database, QUALITY_QUERIES, Number(arg('--repeat') ?? 3));
    for (const line of formatQualityFigures(figures)) console.log(line);
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
