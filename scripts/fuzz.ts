/**
 * `npm run fuzz [-- --seed N] [-- --inputs N] [-- --workers N] [-- --index I[,J…]] [-- --store N]`:
 * imports 100,000 generated and mutated inputs of every format (test/fuzz) on worker threads,
 * each under a time bound, stores a few hundred of those that import on an embedded database,
 * and fails (exit code 1) on any crash, hang, unclear error, half-written store or RSS that keeps
 * growing. Failing inputs are saved under the tmp dir with the command that replays them.
 */
import { availableParallelism } from 'node:os';
import { openTestDatabase } from '../src/db/testing.js';
import { replayCommand, report, rssGrowthMb, runFuzz } from '../test/fuzz/run.js';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(arg('seed') ?? Math.floor(Math.random() * 2 ** 31));
const only = arg('index')?.split(',').map(Number);
const inputs = Number(arg('inputs') ?? 100_000);
const workers = Number(arg('workers') ?? Math.max(1, availableParallelism()));
const storeMax = Number(arg('store') ?? 300);
const timeoutMs = Number(arg('timeout') ?? 20) * 1000;
/**
 * A worker's heap after a full collection may grow this much over the last third of a run (caches
 * filling up), not more. RSS is reported but not judged: on a long run V8 lets each worker's heap
 * grow towards its limit before it collects hard (100,000 inputs: RSS +555 MB, live heap flat).
 */
const MAX_GROWTH_MB = 64;

console.log(`fuzz: seed ${seed}, ${only ? `inputs ${only.join(',')}` : `${inputs} inputs`}, ${workers} workers, ${timeoutMs / 1000} s bound per input (replay: ${replayCommand(seed)})`);
let printed = 0;
// Ctrl-C (or SIGTERM) ends the run early with the report of the inputs run so far.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => (stopping = true));
const start = performance.now();
const database = storeMax > 0 ? await openTestDatabase() : null;
const summary = await runFuzz({
  seed,
  inputs,
  only,
  workers,
  timeoutMs,
  poolSize: 40,
  stop: () => stopping,
  store: database ? { db: database, every: Math.max(1, Math.floor(inputs / 3 / storeMax)), max: storeMax } : undefined,
  progress: (done, s) => {
    if (done < printed + 5000) return;
    printed = done;
    console.log(`  ${done} inputs, ${s.failures.length} failures, RSS ${s.rss.at(-1)} MB, ${((performance.now() - start) / 1000).toFixed(0)} s`);
  },
});
await database?.close();
console.log(report(summary));
const growth = rssGrowthMb(summary.liveHeapMb);
let failed = summary.failures.length > 0;
if (stopping) console.log(`stopped early after ${summary.inputs} inputs`);
if (growth > MAX_GROWTH_MB && !only) {
  console.log(`FAIL: a worker's heap after collection grew ${growth} MB over the last third of the run (bound ${MAX_GROWTH_MB} MB)`);
  failed = true;
}
process.exit(failed ? 1 : 0);
