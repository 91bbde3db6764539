/**
 * @module The search part of `npm run bench`: on the national corpus of each driver, Referat's
 * search (`searchItems` with TUNING) against the naive full ranking (`{ ...TUNING, naive: true }`:
 * every match ranked, `order by rank limit 20`) per query class (queries.ts), first page of 20:
 * p50/p95/p99 of each, the ratio, and how close Referat's first page is to the naive one —
 * overlap@20 and nDCG@20 with the naive ranks as gains (search-quality.ts).
 *
 * One warm-up pass of Referat over all queries, then per query `repeat` timed Referat runs and
 * `naiveRepeat` timed naive runs (the naive query takes seconds for common words at 1 M items).
 * Times are wall-clock; on a shared machine they include waiting for a core.
 */
import { ANONYMOUS } from '../src/model/index.js';
import type { Database } from '../src/db/client.js';
import { searchItems } from '../src/db/search.js';
import { ndcgAt, overlapAt } from '../src/db/search-quality.js';
import { TUNING } from '../src/db/search-strategy.js';
import { type BenchContext, type BenchFigures, drivers, percentile } from './context.js';
import { openNationalCorpus } from './national/load.js';
import { readSamples } from './national/samples.js';
import { type BenchQuery, QUERY_CLASSES, querySet } from './queries.js';

export interface SearchOptions {
  items: number;
  repeat: number;
  naiveRepeat: number;
  fresh: boolean;
}

const NAIVE = { ...TUNING, naive: true };
const K = 20;

interface Measured {
  query: BenchQuery;
  ours: number[];
  naive: number[];
  overlap: number;
  ndcg: number;
  total: number;
}

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

/** Measures every query on one database. */
export async function measureQueries(database: Database, queries: BenchQuery[], repeat: number, naiveRepeat: number): Promise<Measured[]> {
  for (const q of queries) await searchItems(database.db, ANONYMOUS, q.query, TUNING); // warm caches and plans
  const out: Measured[] = [];
  for (const q of queries) {
    const ours: number[] = [];
    let first = await searchItems(database.db, ANONYMOUS, q.query, TUNING);
    for (let r = 0; r < repeat; r++) {
      const t = await timed(() => searchItems(database.db, ANONYMOUS, q.query, TUNING));
      ours.push(t.ms);
      first = t.value;
    }
    const naive: number[] = [];
    let reference = first;
    for (let r = 0; r < naiveRepeat; r++) {
      const t = await timed(() => searchItems(database.db, ANONYMOUS, q.query, NAIVE));
      naive.push(t.ms);
      reference = t.value;
    }
    // Hits carry no item id: an item's URL is its identity (meeting and number), numbered here.
    const numbered = new Map<string, number>();
    const id = (url: string) => numbered.get(url) ?? (numbered.set(url, numbered.size), numbered.size - 1);
    const refIds = reference.results.map((h) => id(h.url));
    const gains = new Map(reference.results.map((h) => [id(h.url), h.rank]));
    const ourIds = first.results.map((h) => id(h.url));
    out.push({
      query: q,
      ours,
      naive,
      total: reference.total,
      overlap: overlapAt(K, ourIds, refIds),
      ndcg: ndcgAt(K, ourIds, gains, reference.results.map((h) => h.rank)),
    });
  }
  return out;
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export interface ClassFigures {
  class: string;
  queries: number;
  ours: { p50: number; p95: number; p99: number };
  naive: { p50: number; p95: number; p99: number };
  overlap: number;
  minOverlap: number;
  ndcg: number;
  matches: [number, number];
}

export function classFigures(measured: Measured[]): ClassFigures[] {
  return QUERY_CLASSES.map((c) => {
    const of = measured.filter((m) => m.query.class === c);
    const o = sorted(of.flatMap((m) => m.ours));
    const n = sorted(of.flatMap((m) => m.naive));
    const p = (xs: number[]) => ({ p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) });
    return {
      class: c,
      queries: of.length,
      ours: p(o),
      naive: p(n),
      overlap: mean(of.map((m) => m.overlap)),
      minOverlap: Math.min(...of.map((m) => m.overlap)),
      ndcg: mean(of.map((m) => m.ndcg)),
      matches: [Math.min(...of.map((m) => m.total)), Math.max(...of.map((m) => m.total))] as [number, number],
    };
  }).filter((f) => f.queries > 0);
}

/** The search part: every driver's corpus (built first when missing), every class. */
export async function searchBench(ctx: BenchContext, options: SearchOptions): Promise<BenchFigures> {
  const samples = await readSamples();
  const figures: BenchFigures = { part: 'search', rows: [] };
  const row = (label: string, driver: 'pglite' | 'postgres', value: string) => {
    let r = figures.rows.find((x) => x.label === label);
    if (!r) figures.rows.push((r = { label }));
    r[driver] = value;
  };
  for (const driver of drivers(ctx)) {
    const corpus = await openNationalCorpus(driver, ctx, options.items, options.fresh, ctx.log);
    try {
      if (corpus.builtSeconds !== null) row('national corpus built in', driver, `${corpus.builtSeconds} s`);
      ctx.log(`  ${driver}: ${corpus.meta.samplesCurve}`);
      ctx.log(`  ${driver}: ${corpus.meta.corpusCurve}`);
      const queries = await querySet(corpus.database.db, samples, options.items);
      ctx.log(`  ${driver}: ${queries.length} queries: ${queries.map((q) => `${q.query.q} [${q.class}]`).join(', ')}`);
      const measured = await measureQueries(corpus.database, queries, options.repeat, options.naiveRepeat);
      const classes = classFigures(measured);
      const maxRss = process.resourceUsage().maxRSS / 1024;
      const target = driver === 'postgres' ? 30 : 100;
      console.log(`\n${driver}: search on ${options.items.toLocaleString('en')} items, first page of ${K}; Referat ×${options.repeat}, naive ×${options.naiveRepeat} per query (ms, wall)`);
      console.log('class       matches            Referat p50/p95/p99    naive p50/p95/p99      naive÷Referat (p50)  overlap@20 (min)  nDCG@20');
      for (const f of classes) {
        const ratio = f.naive.p50 / f.ours.p50;
        console.log(
          `${f.class.padEnd(11)} ${`${f.matches[0].toLocaleString('en')}–${f.matches[1].toLocaleString('en')}`.padEnd(18)} ` +
            `${`${ms(f.ours.p50)} / ${ms(f.ours.p95)} / ${ms(f.ours.p99)}`.padEnd(22)} ${`${ms(f.naive.p50)} / ${ms(f.naive.p95)} / ${ms(f.naive.p99)}`.padEnd(22)} ` +
            `${`${ratio.toFixed(1)}×`.padEnd(20)} ${`${f.overlap.toFixed(2)} (${f.minOverlap.toFixed(2)})`.padEnd(17)} ${f.ndcg.toFixed(2)}`,
        );
        row(`search ${f.class}: p50 / p95 / p99 ms (naive p50)`, driver, `${ms(f.ours.p50)} / ${ms(f.ours.p95)} / ${ms(f.ours.p99)} (${ms(f.naive.p50)})`);
        row(`search ${f.class}: overlap@20 / nDCG@20`, driver, `${f.overlap.toFixed(2)} / ${f.ndcg.toFixed(2)}`);
      }
      for (const m of measured) ctx.log(`  ${driver}: ${m.query.class.padEnd(9)} ${m.query.query.q.padEnd(34)} ${m.total.toLocaleString('en').padStart(9)} matches  Referat ${ms(Math.min(...m.ours))} ms  naive ${ms(Math.min(...m.naive))} ms  overlap ${m.overlap.toFixed(2)}  nDCG ${m.ndcg.toFixed(2)}`);
      const checks = [
        [`p95 ≤ ${target} ms for every class`, classes.every((f) => f.ours.p95 <= target)],
        ['≥ 10× faster than naive on common words (p50)', classes.filter((f) => f.class === 'common').every((f) => f.naive.p50 / f.ours.p50 >= 10)],
        ['never slower than naive on rare words (p50)', classes.filter((f) => f.class === 'rare').every((f) => f.ours.p50 <= f.naive.p50)],
        ['overlap@20 ≥ 0.9 in every class (mean)', classes.every((f) => f.overlap >= 0.9)],
      ] as const;
      for (const [what, ok] of checks) console.log(`${driver}: target ${what}: ${ok ? 'met' : 'NOT met'}`);
      row('search targets met', driver, `${checks.filter((c) => c[1]).length} of ${checks.length}`);
      row('peak RSS after search (process)', driver, `${maxRss.toFixed(0)} MB`);
    } finally {
      await corpus.database.close();
    }
  }
  return figures;
}
