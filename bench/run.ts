/**
 * @module `npm run bench`: parser throughput on the seeds, storage throughput, then a synthetic
 * corpus of ≥ 200,000 items and search latency (p50/p95/p99) over a fixed query set, on PGlite
 * and — when DATABASE_URL is set — on PostgreSQL.
 *
 * Options: --items N (corpus size, default 200000), --repeat R (timed passes, default 3),
 * --fresh (rebuild a corpus kept from an earlier run), --only pglite|postgres,
 * --part core|public|pdf (core: parser, storage, search; public: iCalendar and OParl lists, public.ts;
 * pdf: rendering a 20-item meeting as PDF, pdf.ts).
 */
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import { storeDocument } from '../src/db/store.js';
import { importBytes } from '../src/import/index.js';
import { ANONYMOUS, type MeetingDocument } from '../src/model/index.js';
import { readManifest } from '../src/cli/serve.js';
import { syntheticDocuments, vocabularyOf } from './corpus.js';
import { openBenchDatabase } from './databases.js';
import { itemCount, loadBatch } from './load.js';
import { pdfBench } from './pdf.js';
import { publicBench } from './public.js';
import { QUERIES } from './queries.js';

interface Options {
  items: number;
  repeat: number;
  fresh: boolean;
  only: 'pglite' | 'postgres' | null;
  part: 'core' | 'public' | 'pdf' | null;
}

function parseArgs(args: string[]): Options {
  const options: Options = { items: 200_000, repeat: 3, fresh: false, only: null, part: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--items') options.items = Number(args[++i]);
    else if (arg === '--repeat') options.repeat = Number(args[++i]);
    else if (arg === '--fresh') options.fresh = true;
    else if (arg === '--only') options.only = args[++i] as Options['only'];
    else if (arg === '--part') options.part = args[++i] as Options['part'];
    else throw new Error(`unknown option ${arg}`);
  }
  if (!Number.isInteger(options.items) || options.items < 1) throw new Error('--items needs a positive whole number');
  if (options.part !== null && !['core', 'public', 'pdf'].includes(options.part)) throw new Error('--part is core, public or pdf');
  return options;
}

const log = (message: string) => process.stderr.write(`${message}\n`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Parses every seed repeatedly for about three seconds on this one thread, after a second of
 * warm-up so the figure is the steady state a long import sees: documents per second per core.
 */
async function parserThroughput(seeds: Array<{ bytes: Uint8Array; fileName: string; options: object }>): Promise<number> {
  const warm = performance.now();
  while (performance.now() - warm < 1000) for (const seed of seeds) await importBytes(seed.bytes, seed.fileName, seed.options);
  let parsed = 0;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    for (const seed of seeds) await importBytes(seed.bytes, seed.fileName, seed.options);
    parsed += seeds.length;
  }
  return (parsed / (performance.now() - start)) * 1000;
}

/** Stores each seed under 20 dates through storeDocument (full transactions): documents per second. */
async function storeThroughput(database: Database, docs: Array<{ doc: MeetingDocument; bytes: Uint8Array }>): Promise<number> {
  const start = performance.now();
  let stored = 0;
  for (let round = 0; round < 20; round++) {
    for (const { doc, bytes } of docs) {
      const date = `199${Math.floor(round / 10)}-0${1 + (round % 9)}-${String(10 + stored % 18).padStart(2, '0')}`;
      const copy = new Uint8Array([...bytes, ...new TextEncoder().encode(`\n${round}`)]);
      await storeDocument(database.db, { ...doc, date, body: 'Benchmark-import' }, { bytes: copy, fileName: 'bench.txt', format: 'text' });
      stored++;
    }
  }
  return (stored / (performance.now() - start)) * 1000;
}

async function buildCorpus(database: Database, seeds: MeetingDocument[], items: number): Promise<void> {
  const start = performance.now();
  const vocabulary = vocabularyOf(seeds);
  let batch: MeetingDocument[] = [];
  let loaded = 0;
  let docs = 0;
  const flush = async () => {
    loaded += await loadBatch(database.db, batch, docs);
    docs += batch.length;
    batch = [];
    const seconds = (performance.now() - start) / 1000;
    process.stderr.write(`\r  loaded ${loaded.toLocaleString('da-DK')} items (${Math.round(loaded / seconds)} items/s)   `);
  };
  for (const doc of syntheticDocuments(vocabulary, items)) {
    batch.push(doc);
    if (batch.length === 100) await flush();
  }
  if (batch.length > 0) await flush();
  process.stderr.write('\n');
  await database.db.execute(sql`vacuum analyze`);
  await database.checkpoint();
  const seconds = (performance.now() - start) / 1000;
  log(`  corpus: ${loaded} items in ${docs} documents, ${seconds.toFixed(0)} s (${Math.round(loaded / seconds)} items/s)`);
}

async function searchLatency(database: Database, repeat: number) {
  const archive = createDbArchive(database.db);
  for (const query of QUERIES) await archive.search(ANONYMOUS, query); // warm caches and plans
  const times: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let r = 0; r < repeat; r++) {
    for (const query of QUERIES) {
      const start = performance.now();
      await archive.search(ANONYMOUS, query);
      const ms = performance.now() - start;
      times.push(ms);
      const key = JSON.stringify(query);
      perQuery.set(key, [...(perQuery.get(key) ?? []), ms]);
    }
  }
  times.sort((a, b) => a - b);
  const slowest = [...perQuery].map(([k, t]) => [k, Math.min(...t)] as const).sort((a, b) => b[1] - a[1]).slice(0, 5);
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), max: times.at(-1)!, slowest, n: times.length };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.part === 'pdf') return pdfBench();
  const manifest = await readManifest();
  const seeds = await Promise.all(
    manifest.map(async (entry) => {
      const bytes = new Uint8Array(await readFile(entry.path));
      const options = { ...(entry.body ? { body: entry.body } : {}), ...(entry.date ? { date: entry.date } : {}) };
      const parsed = await importBytes(bytes, entry.file, options);
      return { bytes, fileName: entry.file, options, doc: parsed.document };
    }),
  );
  const drivers = (['pglite', 'postgres'] as const).filter(
    (d) => (options.only === null || options.only === d) && (d === 'pglite' || process.env.DATABASE_URL),
  );
  if (options.part !== 'public') await core(options, seeds, drivers);
  if (options.part !== 'core') for (const driver of drivers) await publicBench(driver, seeds.map((s) => s.doc), options);
  if (options.part === null) await pdfBench();
}

/** Parser, storage and search: the benchmarks of the import and search side. */
async function core(options: Options, seeds: Array<{ bytes: Uint8Array; fileName: string; options: object; doc: MeetingDocument }>, drivers: ReadonlyArray<'pglite' | 'postgres'>) {
  const docsPerSecond = await parserThroughput(seeds);
  console.log(`Parser: ${Math.round(docsPerSecond)} seed documents/s on one core (${seeds.length} seeds, avg ${Math.round(seeds.reduce((n, s) => n + s.bytes.length, 0) / seeds.length / 1024)} KB)`);

  for (const driver of drivers) {
    log(`\n${driver}: opening the ${options.items}-item corpus`);
    const { database, fresh } = await openBenchDatabase(driver, options.items, options.fresh);
    try {
      if (fresh || (await itemCount(database.db)) < options.items) {
        const stores = await storeThroughput(database, seeds);
        console.log(`${driver}: storeDocument ${stores.toFixed(1)} seed documents/s (one transaction each, all rows)`);
        await buildCorpus(database, seeds.map((s) => s.doc), options.items);
      } else log('  reusing the corpus from an earlier run (--fresh to rebuild)');
      const total = await itemCount(database.db);
      const result = await searchLatency(database, options.repeat);
      console.log(
        `${driver}: search over ${total.toLocaleString('en')} items, ${QUERIES.length} queries × ${options.repeat}: ` +
          `p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms`,
      );
      for (const [query, ms] of result.slowest) console.log(`  slowest: ${ms.toFixed(1)} ms ${query}`);
    } finally {
      await database.close();
    }
  }
}

await main();
