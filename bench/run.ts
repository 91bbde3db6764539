/**
 * @module `npm run bench`: every part in one run, on PGlite and — when DATABASE_URL is set — on
 * PostgreSQL, then one summary table. The parts are the list PARTS below; each is
 * `(ctx: BenchContext, options) => Promise<BenchFigures>` and prints its own details as it goes.
 *
 * Options: --items N (national corpus size, default 1,000,000), --repeat R (timed Referat runs
 * per query, default 5), --naive-repeat R (timed naive runs per query, default 1), --fresh
 * (rebuild the corpora), --only pglite|postgres, --part a,b (only these parts: import, search,
 * import-scale, pages, public, pdf).
 */
import { readManifest } from '../src/cli/serve.js';
import { importBytes } from '../src/import/index.js';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchContext, type BenchFigures, type BenchTarget, benchContext, drivers } from './context.js';
import { pgliteDir, postgresName } from './national/load.js';
import { importScaleBench } from './import-scale.js';
import { pagesBench } from './pages.js';
import { pdfBench } from './pdf.js';
import { publicBench } from './public.js';
import { searchBench } from './search.js';
import { throughputBench } from './throughput.js';

export interface Options {
  items: number;
  repeat: number;
  naiveRepeat: number;
  fresh: boolean;
  only: 'pglite' | 'postgres' | null;
  parts: string[] | null;
}

interface Part {
  name: string;
  run: (ctx: BenchContext, options: Options) => Promise<BenchFigures | BenchFigures[]>;
}

/** The national corpus of each driver as a target a part can start a server on (pages.ts). */
export function corpusTargets(ctx: BenchContext, items: number): BenchTarget[] {
  return drivers(ctx).map((d): BenchTarget => {
    if (d === 'pglite') return { kind: 'pglite', dataDir: pgliteDir(ctx.dataDir, items) };
    const url = new URL(ctx.postgresUrl!);
    url.pathname = `/${postgresName(items)}`;
    return { kind: 'postgres', url: url.toString() };
  });
}

/** The public side's and the PDF benchmarks print their figures themselves (public.ts, pdf.ts). */
async function publicPart(ctx: BenchContext, options: Options): Promise<BenchFigures> {
  const seeds = await Promise.all(
    (await readManifest()).map(async (e) => (await importBytes(new Uint8Array(await readFile(e.path)), e.file, { ...(e.body ? { body: e.body } : {}), ...(e.date ? { date: e.date } : {}) })).document),
  );
  for (const driver of drivers(ctx)) await publicBench(driver, seeds, { fresh: options.fresh, repeat: Math.min(options.repeat, 8) });
  return { part: 'public', rows: [{ label: 'iCalendar and OParl lists (10,000 meetings): printed above', pglite: '–', postgres: '–' }] };
}

export const PARTS: Part[] = [
  { name: 'import', run: (ctx) => throughputBench(ctx) },
  { name: 'search', run: (ctx, o) => searchBench(ctx, { items: o.items, repeat: o.repeat, naiveRepeat: o.naiveRepeat, fresh: o.fresh }) },
  { name: 'import-scale', run: (ctx) => importScaleBench(ctx) },
  // One target after the other: both servers would compete for the two cores.
  { name: 'pages', run: async (ctx, o) => { const all: BenchFigures[] = []; for (const t of corpusTargets(ctx, o.items)) all.push(await pagesBench(ctx, t)); return all; } },
  { name: 'public', run: publicPart },
  { name: 'pdf', run: async () => (await pdfBench(), { part: 'pdf', rows: [{ label: 'PDF of a 20-item meeting: printed above' }] }) },
];

export function parseArgs(args: string[]): Options {
  const options: Options = { items: 1_000_000, repeat: 5, naiveRepeat: 1, fresh: false, only: null, parts: null };
  const number = (flag: string, value: string | undefined) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a positive whole number (got ${value ?? 'nothing'})`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--items') options.items = number(arg, args[++i]);
    else if (arg === '--repeat') options.repeat = number(arg, args[++i]);
    else if (arg === '--naive-repeat') options.naiveRepeat = number(arg, args[++i]);
    else if (arg === '--fresh') options.fresh = true;
    else if (arg === '--only') {
      const only = args[++i];
      if (only !== 'pglite' && only !== 'postgres') throw new Error('--only is pglite or postgres');
      options.only = only;
    } else if (arg === '--part') {
      options.parts = (args[++i] ?? '').split(',').filter(Boolean);
      const unknown = options.parts.filter((p) => !PARTS.some((part) => part.name === p));
      if (unknown.length > 0 || options.parts.length === 0) throw new Error(`--part takes ${PARTS.map((p) => p.name).join(', ')} (comma-separated)`);
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

/** The summary: one row per figure, a column per driver. */
export function summary(all: Array<BenchFigures & { seconds: number }>): string {
  const lines: string[] = [];
  const rows = all.flatMap((f) => [{ label: `[${f.part}] (${f.seconds.toFixed(0)} s)`, pglite: '', postgres: '' }, ...f.rows.map((r) => ({ ...r, label: `  ${r.label}` }))]);
  const width = Math.max(...rows.map((r) => r.label.length));
  const w2 = Math.max(8, ...rows.map((r) => (r.pglite ?? '').length));
  lines.push(`${''.padEnd(width)}  ${'PGlite'.padEnd(w2)}  PostgreSQL`);
  for (const r of rows) lines.push(`${r.label.padEnd(width)}  ${(r.pglite ?? '').padEnd(w2)}  ${r.postgres ?? ''}`);
  return lines.join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const ctx = benchContext(options.only, (line) => process.stderr.write(`${line}\n`));
  ctx.log(`bench: ${drivers(ctx).join(' and ')}, ${options.items.toLocaleString('en')} items; parts ${(options.parts ?? PARTS.map((p) => p.name)).join(', ')}`);
  const start = performance.now();
  const results: Array<BenchFigures & { seconds: number }> = [];
  for (const part of PARTS) {
    if (options.parts && !options.parts.includes(part.name)) continue;
    const t = performance.now();
    const figures = await part.run(ctx, options);
    const seconds = (performance.now() - t) / 1000;
    for (const f of Array.isArray(figures) ? figures : [figures]) results.push({ ...f, seconds });
  }
  console.log(`\nSummary (${((performance.now() - start) / 60000).toFixed(1)} min, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB)\n${summary(results)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
