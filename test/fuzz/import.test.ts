/**
 * Fuzzing every import entry point — plain text, Markdown, web page, case-system XML (SBSYS,
 * Acadre, eDoc, eDoc 4), PDF, DOCX — with a few thousand generated and mutated inputs (test/fuzz):
 * no crash, no hang, every refusal the importer's own one-line reason naming the file, memory
 * bounded, and the documents that import store whole or not at all. `npm run fuzz` runs a
 * hundred thousand.
 *
 * Replay with the seed it prints: REFERAT_FUZZ_SEED=<seed> (REFERAT_FUZZ_INPUTS=<n> for more or
 * fewer inputs), or one input: npm run fuzz -- --seed <seed> --index <i>.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { KINDS } from './inputs.js';
import { replayCommand, report, rssGrowthMb, runFuzz, type FuzzSummary } from './run.js';

const SEED = process.env.REFERAT_FUZZ_SEED ? Number(process.env.REFERAT_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const INPUTS = Number(process.env.REFERAT_FUZZ_INPUTS ?? 2000);
const STORE = 25;

let database: Database;
let summary: FuzzSummary;

beforeAll(async () => {
  database = await openTestDatabase();
  // One worker: the suite runs other files beside this one on the two cores.
  summary = await runFuzz({ seed: SEED, inputs: INPUTS, workers: 1, timeoutMs: 30_000, poolSize: 8, store: { db: database, every: Math.max(1, Math.floor(INPUTS / 3 / STORE)), max: STORE } });
  console.info(report(summary));
}, 600_000);

afterAll(() => database?.close());

describe(`fuzzing the importer (seed ${SEED}, ${INPUTS} inputs; replay: REFERAT_FUZZ_SEED=${SEED} npx vitest run test/fuzz)`, () => {
  it('no input crashes or hangs the importer, and every refusal is a clear one-line reason naming the file', () => {
    const failures = summary.failures.map((f) => `#${f.index} ${f.kind}: ${f.problem} (saved: ${f.saved}; ${replayCommand(SEED, f.index)})`);
    expect(failures, `seed ${SEED}`).toEqual([]);
    expect(summary.inputs).toBe(INPUTS);
  });

  it('every format is fuzzed, and each both imports and refuses inputs (the generators are not degenerate)', () => {
    for (const kind of KINDS) {
      const k = summary.kinds[kind];
      expect(k.inputs, kind).toBeGreaterThan(INPUTS / 40);
      expect(k.imported, `${kind}: nothing imported`).toBeGreaterThan(0);
      expect(k.refused, `${kind}: nothing refused`).toBeGreaterThan(0);
    }
  });

  it('memory stays bounded over the run', () => {
    expect(rssGrowthMb(summary.rss), `RSS samples ${summary.rss.join(' ')}`).toBeLessThan(256);
    expect(summary.workerHeapMb).toBeLessThan(1024);
  });

  it('documents that import store whole, or fail with nothing written', () => {
    expect(summary.stored.attempted).toBeGreaterThanOrEqual(STORE / 2);
    // Failures of the store (a half-write, an unclear message) are among the failures above; most store.
    expect(summary.stored.stored).toBeGreaterThan(summary.stored.attempted / 2);
  });
});
