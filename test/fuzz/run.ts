/**
 * @module A fuzz run: inputs made from a seed (inputs.ts) imported on a worker pool under a time
 * bound (pool.ts), each outcome judged (check.ts), RSS sampled over the run, and some of the
 * documents that import stored with storeDocument, which must either store or fail with nothing
 * written. A failing input is saved under a tmp dir with its recipe and the command to replay it.
 * Used by the test (a few thousand inputs) and by `npm run fuzz` (a hundred thousand).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { storeDocument } from '../../src/db/store.js';
import type { AccessLevel, MeetingDocument } from '../../src/model/index.js';
import { makeBinaryPool } from './binary.js';
import { problemOf } from './check.js';
import { loadCorpus } from './corpus.js';
import { DEFAULT_WEIGHTS, KINDS, makeContext, makeInput, type FuzzInput, type Kind } from './inputs.js';
import { FuzzPool } from './pool.js';

export interface FuzzOptions {
  seed: number;
  /** How many inputs, from index `first`. */
  inputs: number;
  first?: number;
  /** Only these indexes (a replay). */
  only?: number[];
  workers: number;
  /** The time bound per input. */
  timeoutMs: number;
  /** How many valid PDFs and DOCX files to make and mutate. */
  poolSize: number;
  weights?: Record<Kind, number>;
  /** Store every `every`-th imported document, at most `max` of them. */
  store?: { db: Database; every: number; max: number };
  /** Where failing inputs go; a folder under the OS tmp dir by default. */
  saveDir?: string;
  /** Asked before each input: true ends the run early (the inputs in flight finish, the report is of those run). */
  stop?: () => boolean;
  /** Called about every second. */
  progress?: (done: number, summary: FuzzSummary) => void;
}

export interface KindStats {
  inputs: number;
  imported: number;
  refused: number;
  ms: number;
  maxMs: number;
}

export interface Failure {
  index: number;
  kind: Kind;
  fileName: string;
  problem: string;
  recipe: string[];
  saved: string;
}

export interface FuzzSummary {
  seed: number;
  inputs: number;
  ms: number;
  kinds: Record<Kind, KindStats>;
  failures: Failure[];
  /** Process RSS in MB, sampled every 250 ms. */
  rss: number[];
  /** The largest heap a worker reported after an input, in MB. */
  workerHeapMb: number;
  /** A worker's heap after a full collection, every thousandth input, in MB (in run order). */
  liveHeapMb: number[];
  workersStarted: number;
  stored: { attempted: number; stored: number; refused: number };
  slowest: Array<{ index: number; kind: Kind; ms: number }>;
  /**
   * Inputs past the time bound in the run that answered when run again alone, under three times
   * the bound: slow on a busy machine (other processes, the run's own workers), not hangs.
   */
  slowUnderLoad: Array<{ index: number; kind: Kind; ms: number; aloneMs: number }>;
  saveDir: string;
}

export const replayCommand = (seed: number, index?: number) => `npm run fuzz -- --seed ${seed}${index === undefined ? '' : ` --index ${index}`}`;

/** Rows in every table, to tell a store that failed cleanly from one that half-wrote. */
async function rowCounts(db: Database['db']): Promise<Record<string, number>> {
  const tables = (await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`)) as unknown as { rows: Array<{ table_name: string }> };
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const r = (await db.execute(sql.raw(`select count(*)::int as n from "${table_name}"`))) as unknown as { rows: Array<{ n: number }> };
    counts[table_name] = r.rows[0]!.n;
  }
  return counts;
}

function save(dir: string, input: FuzzInput, problem: string, seed: number): string {
  const base = join(dir, `${input.index}-${input.fileName}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(base, input.bytes);
  for (const [path, bytes] of input.related) {
    const target = join(dir, `${input.index}-related`, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
  writeFileSync(`${base}.json`, JSON.stringify({ seed, index: input.index, kind: input.kind, fileName: input.fileName, problem, recipe: input.recipe, replay: replayCommand(seed, input.index) }, null, 2));
  return base;
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = performance.now();
  const saveDir = options.saveDir ?? join(tmpdir(), `referat-fuzz-${options.seed}`);
  const corpus = loadCorpus();
  const pool = await makeBinaryPool(options.seed, options.poolSize, corpus.text);
  const ctx = makeContext(options.seed, corpus, pool, options.weights ?? DEFAULT_WEIGHTS);
  const first = options.first ?? 0;
  const indexes = options.only ?? Array.from({ length: options.inputs }, (_, i) => first + i);
  const summary: FuzzSummary = {
    seed: options.seed,
    inputs: 0,
    ms: 0,
    kinds: Object.fromEntries(KINDS.map((k) => [k, { inputs: 0, imported: 0, refused: 0, ms: 0, maxMs: 0 }])) as Record<Kind, KindStats>,
    failures: [],
    rss: [],
    workerHeapMb: 0,
    liveHeapMb: [],
    workersStarted: 0,
    stored: { attempted: 0, stored: 0, refused: 0 },
    slowest: [],
    slowUnderLoad: [],
    saveDir,
  };
  const sample = () => summary.rss.push(Math.round(process.memoryUsage().rss / 2 ** 20));
  sample();
  const sampler = setInterval(sample, 250);
  let lastProgress = performance.now();
  const workers = new FuzzPool(options.workers, options.timeoutMs);
  // PGlite takes one statement at a time: stores go one after another.
  let storing: Promise<void> = Promise.resolve();
  let importedCount = 0;

  const fail = (input: FuzzInput, problem: string) => {
    summary.failures.push({ index: input.index, kind: input.kind, fileName: input.fileName, problem, recipe: input.recipe, saved: save(saveDir, input, problem, options.seed) });
  };

  const store = async (input: FuzzInput, document: MeetingDocument, format: string, access: string) => {
    const db = options.store!.db.db;
    summary.stored.attempted++;
    const before = await rowCounts(db);
    try {
      await storeDocument(db, document, { bytes: input.bytes, fileName: input.fileName, format, access: access as AccessLevel });
      summary.stored.stored++;
    } catch (error) {
      summary.stored.refused++;
      const after = await rowCounts(db);
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      if (changed.length > 0) fail(input, `store: failed (${(error as Error).message.split('\n')[0]}) but changed ${changed.join(', ')}`);
      else if (/\n/.test((error as Error).message.trim())) fail(input, `store: a message of several lines: ${(error as Error).message.slice(0, 300)}`);
      else if (!/^[^\n]{1,400}$/.test((error as Error).message)) fail(input, `store: an unclear message: ${(error as Error).message.slice(0, 300)}`);
    }
  };

  const suspects: Array<{ input: FuzzInput; ms: number }> = [];
  let next = 0;
  const lane = async () => {
    while (next < indexes.length && !options.stop?.()) {
      const index = indexes[next++]!;
      const input = await makeInput(ctx, index);
      const keep = !!options.store && summary.stored.attempted < options.store.max && importedCount % options.store.every === 0;
      const outcome = await workers.run({ id: index, fileName: input.fileName, bytes: input.bytes, related: [...input.related], keep, collect: index % 1000 === 999 });
      const stats = summary.kinds[input.kind];
      stats.inputs++;
      summary.inputs++;
      stats.ms += outcome.ms;
      stats.maxMs = Math.max(stats.maxMs, outcome.ms);
      summary.slowest.push({ index, kind: input.kind, ms: Math.round(outcome.ms) });
      if (summary.slowest.length > 20) summary.slowest = summary.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
      if ('heapUsed' in outcome) summary.workerHeapMb = Math.max(summary.workerHeapMb, Math.round(outcome.heapUsed / 2 ** 20));
      if ('liveHeap' in outcome && outcome.liveHeap !== undefined) summary.liveHeapMb.push(Math.round(outcome.liveHeap / 2 ** 20));
      const problem = problemOf(outcome, input.fileName);
      // A hang is judged again at the end, alone (see confirmHangs).
      if ('hang' in outcome) suspects.push({ input, ms: outcome.ms });
      else if (problem) fail(input, problem);
      else if ('ok' in outcome && outcome.ok) {
        stats.imported++;
        importedCount++;
        if (outcome.document && options.store) {
          const document = outcome.document as MeetingDocument;
          storing = storing.then(() => store(input, document, outcome.format, outcome.fileAccess));
        }
      } else stats.refused++;
      if (options.progress && performance.now() - lastProgress > 1000) {
        lastProgress = performance.now();
        options.progress(summary.inputs, summary);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.workers + 1 }, lane));
    await storing;
  } finally {
    clearInterval(sampler);
    summary.workersStarted = workers.started;
    await workers.close();
  }
  // After the sampling: a fresh worker's start is no growth of the run's memory.
  await confirmHangs(suspects, options.timeoutMs, summary, fail);
  sample();
  summary.slowest = summary.slowest.sort((a, b) => b.ms - a.ms).slice(0, 10);
  summary.ms = performance.now() - started;
  return summary;
}

/**
 * Runs each input that passed the time bound again, one at a time on a fresh worker with three
 * times the bound: on a machine shared with other work (and with the run's own workers) a
 * second-long input can miss a wall-clock bound, while a real hang — quadratic or worse, minutes
 * long — misses it again. Those that answer are listed as slow under load, with both times.
 */
async function confirmHangs(suspects: ReadonlyArray<{ input: FuzzInput; ms: number }>, timeoutMs: number, summary: FuzzSummary, fail: (input: FuzzInput, problem: string) => void): Promise<void> {
  if (suspects.length === 0) return;
  const alone = new FuzzPool(1, 3 * timeoutMs);
  try {
    for (const { input, ms } of suspects) {
      // The worker (a fresh one after a hang) loads the importer first, outside the input's time.
      await alone.run({ id: -1, fileName: 'warm-up.txt', bytes: new TextEncoder().encode('1. Punkt\n'), related: [], keep: false }, 120_000);
      const outcome = await alone.run({ id: input.index, fileName: input.fileName, bytes: input.bytes, related: [...input.related], keep: false });
      if ('hang' in outcome) {
        fail(input, `hang: no answer within the time bound (${Math.round(ms)} ms), nor alone within ${Math.round(outcome.ms)} ms`);
        continue;
      }
      summary.slowUnderLoad.push({ index: input.index, kind: input.kind, ms: Math.round(ms), aloneMs: Math.round(outcome.ms) });
      const problem = problemOf(outcome, input.fileName);
      if (problem) fail(input, problem);
    }
  } finally {
    summary.workersStarted += alone.started;
    await alone.close();
  }
}

/**
 * How much RSS (or another series of memory samples) grew from the middle of the run to its end,
 * in MB: the peak of the last third against the peak of the middle third (the first third is
 * warm-up: JIT, pdf.js, fonts, caches).
 */
export function rssGrowthMb(rss: readonly number[]): number {
  if (rss.length < 6) return 0;
  const third = Math.floor(rss.length / 3);
  return Math.max(...rss.slice(2 * third)) - Math.max(...rss.slice(third, 2 * third));
}

/** A readable report of a run. */
export function report(s: FuzzSummary): string {
  const lines = [`fuzz seed ${s.seed}: ${s.inputs} inputs in ${(s.ms / 1000).toFixed(1)} s, ${s.failures.length} failures`];
  for (const k of KINDS) {
    const st = s.kinds[k];
    if (st.inputs === 0) continue;
    lines.push(`  ${k.padEnd(9)} ${String(st.inputs).padStart(7)} inputs  ${String(st.imported).padStart(7)} imported  ${String(st.refused).padStart(7)} refused  mean ${(st.ms / st.inputs).toFixed(1)} ms  max ${Math.round(st.maxMs)} ms`);
  }
  lines.push(`  RSS peak ${Math.max(...s.rss)} MB, growth over the last third ${rssGrowthMb(s.rss)} MB; worker heap peak ${s.workerHeapMb} MB; workers started ${s.workersStarted}`);
  if (s.liveHeapMb.length > 0) lines.push(`  worker heap after a full collection (every 1,000th input): ${Math.min(...s.liveHeapMb)}–${Math.max(...s.liveHeapMb)} MB, growth over the last third ${rssGrowthMb(s.liveHeapMb)} MB`);
  lines.push(`  stored ${s.stored.stored} of ${s.stored.attempted} (${s.stored.refused} refused by the store)`);
  lines.push(`  slowest: ${s.slowest.slice(0, 5).map((x) => `#${x.index} ${x.kind} ${x.ms} ms`).join(', ')}`);
  if (s.slowUnderLoad.length > 0) lines.push(`  past the bound in the run, answered alone (slow under load, not hangs): ${s.slowUnderLoad.slice(0, 20).map((x) => `#${x.index} ${x.kind} ${x.ms} → ${x.aloneMs} ms`).join(', ')}${s.slowUnderLoad.length > 20 ? ` … and ${s.slowUnderLoad.length - 20} more` : ''}`);
  for (const f of s.failures.slice(0, 30)) lines.push(`  FAIL #${f.index} ${f.kind} ${f.fileName}: ${f.problem}\n       recipe: ${f.recipe.join('; ').slice(0, 300)}\n       saved: ${f.saved}\n       replay: ${replayCommand(s.seed, f.index)}`);
  if (s.failures.length > 30) lines.push(`  … and ${s.failures.length - 30} more (all saved under ${s.saveDir})`);
  return lines.join('\n');
}
