/**
 * @module Import at scale (issue 14), runnable alone (`node --import tsx bench/import-scale.ts
 * [--documents N] [--store N]`) or as a part of `npm run bench`:
 * - PDF text: readPdf against pdftotext on the same files (the real Syddjurs minutes when
 *   ../shared is there, and a ~100-page minutes in the house layout), both timed, median of 5;
 *   readPdf warm (pdf.js loaded, as in a folder import) and its first call in the process.
 * - Folder import: `referat import <folder>` of N documents (bench/import-folder.ts, default
 *   10,000) as a child process into an initialised empty archive, peak RSS from /usr/bin/time -v.
 * - Bulk storage: storeDocument of parsed documents one after another (the one writer), docs/s.
 * - Bytes per item: the archive's tables, TOAST and indexes per item against the items' text, with
 *   the search vectors and their indexes (owned by search) named apart.
 * Wall-clock figures on a shared machine mostly measure waiting: CPU seconds are printed beside them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { collectFiles } from '../src/cli/import.js';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { queryRows } from '../src/db/rows.js';
import { storeDocument } from '../src/db/store.js';
import { importFile, type ImportedFile } from '../src/import/index.js';
import { readPdf } from '../src/import/read/pdf.js';
import { renderMeetingPdf } from '../src/pdf/render.js';
import { sampleMeeting } from '../src/pdf/sample.js';
import { benchContext, drivers, type BenchContext, type BenchFigures } from './context.js';
import { writeImportFolder } from './import-folder.js';

const ROOT = new URL('..', import.meta.url).pathname;
const REAL_PDF = join(ROOT, '..', 'shared', 'real-documents', 'syddjurs-puk-referat-2013-06-20.pdf');
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

export interface ImportScaleOptions {
  /** Documents in the imported folder. */
  documents: number;
  /** Documents stored for the storage throughput. */
  store: number;
}

/** PDF reading against pdftotext on the same files. */
async function pdfFigures(ctx: BenchContext, dir: string, rows: BenchFigures['rows']): Promise<void> {
  const files: Array<{ label: string; path: string }> = [];
  if (existsSync(REAL_PDF)) files.push({ label: 'Syddjurs minutes (real, 5 pages)', path: REAL_PDF });
  const big = join(dir, 'house-layout-55-items.pdf');
  await writeFile(big, await renderMeetingPdf(sampleMeeting(55), { audience: 'public', organization: 'KKR Midtjylland', generatedAt: new Date(Date.UTC(2024, 0, 1)) }));
  files.push({ label: 'house layout, 55 items (~100 pages)', path: big });
  const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
  let first = true;
  for (const { label, path } of files) {
    const bytes = new Uint8Array(await readFile(path));
    const t0 = performance.now();
    const lines = await readPdf(bytes, 'bench.pdf');
    const cold = performance.now() - t0;
    const warm: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      const used = process.cpuUsage();
      await readPdf(bytes, 'bench.pdf');
      const spent = process.cpuUsage(used);
      warm.push(performance.now() - t);
      cpu.push((spent.user + spent.system) / 1000);
    }
    const ours = median(warm);
    let line = `PDF ${label}: readPdf ${ms(ours)} (CPU ${ms(median(cpu))}, ${lines.length} lines)` + (first ? `, first call in the process ${ms(cold)} (loads pdf.js)` : '');
    if (hasPdftotext) {
      // CPU time from /usr/bin/time where it is there: on a shared machine wall time is mostly waiting.
      const timed = existsSync('/usr/bin/time');
      const runs = Array.from({ length: RUNS }, () => {
        const t = performance.now();
        const out = join(dir, 'pdftotext.txt');
        const run = timed ? spawnSync('/usr/bin/time', ['-f', '%U %S', 'pdftotext', path, out], { encoding: 'utf8' }) : spawnSync('pdftotext', [path, out]);
        const [user, system] = timed ? (String(run.stderr).trim().split('\n').pop() ?? '').split(' ').map(Number) : [NaN, NaN];
        return { wall: performance.now() - t, cpu: (user! + system!) * 1000 };
      });
      const theirs = median(runs.map((r) => r.wall));
      const theirCpu = median(runs.map((r) => r.cpu));
      const cpuRatio = Number.isFinite(theirCpu) && theirCpu > 0 ? ` (CPU ${ms(median(cpu))} / ${ms(theirCpu)} = ${(median(cpu) / theirCpu).toFixed(1)}×)` : '';
      line += `; pdftotext ${ms(theirs)} (process included); ratio ${(ours / theirs).toFixed(1)}×${cpuRatio}`;
      rows.push({ label: `PDF ${label}: readPdf / pdftotext`, pglite: `${ms(ours)} / ${ms(theirs)} = ${(ours / theirs).toFixed(1)}×${cpuRatio}` });
    } else {
      line += '; pdftotext not installed, no ratio';
      rows.push({ label: `PDF ${label}: readPdf`, pglite: ms(ours) });
    }
    ctx.log(line);
    first = false;
  }
}

/** A PostgreSQL database of the bench's own, empty (created anew). */
async function freshPostgres(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.toString();
}

/** Opens an empty, migrated archive for a driver. */
async function emptyArchive(ctx: BenchContext, driver: 'pglite' | 'postgres', name: string): Promise<{ database: Database; env: Record<string, string> }> {
  if (driver === 'pglite') {
    const dir = join(ctx.dataDir, name);
    await rm(dir, { recursive: true, force: true });
    return { database: await openPglite(dir), env: { REFERAT_DATA_DIR: dir, DATABASE_URL: '' } };
  }
  const url = await freshPostgres(ctx.postgresUrl!, `referat_bench_imp_${name.replace(/-/g, '_')}`);
  return { database: await openPostgres(url), env: { DATABASE_URL: url } };
}

/** `referat import <folder>` as a child process: its peak RSS, wall and CPU time, and its summary line. */
function importChild(folder: string, env: Record<string, string>): { rssMb: number | null; wallS: number; cpuS: number | null; summary: string; code: number | null } {
  const timed = existsSync('/usr/bin/time');
  const command = timed ? '/usr/bin/time' : process.execPath;
  const args = [...(timed ? ['-v', process.execPath] : []), join(ROOT, 'bin', 'referat.js'), 'import', folder];
  const t = performance.now();
  const run = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallS = (performance.now() - t) / 1000;
  const field = (name: string) => {
    const m = new RegExp(`${name}: ([\\d.]+)`).exec(run.stderr ?? '');
    return m ? Number(m[1]) : null;
  };
  const rss = field('Maximum resident set size \\(kbytes\\)');
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  return {
    rssMb: rss === null ? null : rss / 1024,
    wallS,
    cpuS: user === null || system === null ? null : user + system,
    summary: (run.stdout ?? '').split('\n')[0] ?? '',
    code: run.status,
  };
}

/** Stores parsed documents one by one (storeDocument, one transaction each): documents and items per second. */
async function storeFigures(database: Database, parsed: ImportedFile[], names: string[]): Promise<{ docsPerS: number; itemsPerS: number; cpuS: number; wallS: number }> {
  const t = performance.now();
  const used = process.cpuUsage();
  let items = 0;
  for (const [i, p] of parsed.entries()) {
    await storeDocument(database.db, p.document, { bytes: p.bytes, fileName: names[i]!, format: p.format, access: p.fileAccess }, { createdBy: 'bench' });
    items += p.document.items.length;
  }
  const spent = process.cpuUsage(used);
  const wallS = (performance.now() - t) / 1000;
  return { docsPerS: parsed.length / wallS, itemsPerS: items / wallS, cpuS: (spent.user + spent.system) / 1e6, wallS };
}

interface SizeRow {
  name: string;
  heap: number;
  toast: number;
  indexes: number;
}

/** Where an archive's bytes go, per table (heap, TOAST, indexes), and the search structures apart. */
async function sizeFigures(database: Database): Promise<{ items: number; textBytes: number; tables: SizeRow[]; searchColumns: number; searchIndexes: number }> {
  const db = database.db;
  const [count] = await queryRows<{ items: number; text: number }>(
    db,
    sql`select count(*)::int as items, coalesce(sum(octet_length(title) + coalesce(octet_length(decision), 0) + octet_length(summary_text) + octet_length(body_text)), 0)::float8 as text from agenda_items`,
  );
  const tables = await queryRows<SizeRow>(
    db,
    sql`select c.relname as name, pg_relation_size(c.oid)::float8 as heap,
          coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0)::float8 as toast, pg_indexes_size(c.oid)::float8 as indexes
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc`,
  );
  const [vectors] = await queryRows<{ bytes: number }>(
    db,
    sql`select coalesce(sum(pg_column_size(head_tsv) + pg_column_size(tsv) + pg_column_size(typed_tsv)), 0)::float8 as bytes from agenda_items`,
  );
  const [gin] = await queryRows<{ bytes: number }>(
    db,
    sql`select coalesce(sum(pg_relation_size(i.indexrelid)), 0)::float8 as bytes from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
        where i.indrelid = 'agenda_items'::regclass and a.amname in ('gin', 'gist', 'rum')`,
  );
  return { items: count!.items, textBytes: count!.text, tables, searchColumns: vectors!.bytes, searchIndexes: gin!.bytes };
}

/** The import-at-scale figures; see the module comment. */
export async function importScaleBench(ctx: BenchContext, options: ImportScaleOptions = { documents: 10_000, store: 500 }): Promise<BenchFigures> {
  const rows: BenchFigures['rows'] = [];
  const scratch = join(ctx.dataDir, 'import-scale');
  await mkdir(scratch, { recursive: true });
  await pdfFigures(ctx, scratch, rows);

  const folder = join(ctx.dataDir, 'import-folder');
  const made = await writeImportFolder(folder, options.documents);
  ctx.log(`Folder: ${options.documents} documents (${made.texts} text from ${made.templates} templates, ${made.pdfs} PDF), ${mb(made.bytes)}`);

  // The documents the storage figures store, parsed beforehand so only storing is timed.
  const files = (await collectFiles([folder])).found.slice(0, options.store);
  const parsed: ImportedFile[] = [];
  for (const file of files) parsed.push(await importFile(file));
  const names = files.map((f) => f.split('/').pop()!);

  for (const driver of drivers(ctx)) {
    const label = (row: { label: string }, value: string) => {
      const existing = rows.find((r) => r.label === row.label);
      if (existing) existing[driver] = value;
      else rows.push({ label: row.label, [driver]: value });
    };
    // Folder import into an initialised, empty archive: creating one (PGlite's initdb) peaks on its own.
    const target = await emptyArchive(ctx, driver, `import-${driver}`);
    await target.database.close();
    const child = importChild(folder, target.env);
    const rss = child.rssMb === null ? 'n/a (no /usr/bin/time)' : `${child.rssMb.toFixed(0)} MB`;
    ctx.log(`${driver}: referat import of ${options.documents} documents: peak RSS ${rss}, ${child.wallS.toFixed(0)} s wall` + (child.cpuS === null ? '' : `, ${child.cpuS.toFixed(0)} s CPU`) + ` (${(options.documents / child.wallS).toFixed(1)} docs/s): ${child.summary}`);
    label({ label: `Folder import, ${options.documents} documents: peak RSS` }, rss);
    label({ label: `Folder import, ${options.documents} documents: docs/s (wall)` }, (options.documents / child.wallS).toFixed(1));

    const store = await emptyArchive(ctx, driver, `store-${driver}`);
    try {
      const s = await storeFigures(store.database, parsed, names);
      ctx.log(`${driver}: storeDocument ${s.docsPerS.toFixed(1)} docs/s, ${s.itemsPerS.toFixed(0)} items/s (${parsed.length} documents, ${s.wallS.toFixed(1)} s wall, ${s.cpuS.toFixed(1)} s CPU in this process)`);
      label({ label: 'Bulk store: docs/s' }, s.docsPerS.toFixed(1));
    } finally {
      await store.database.close();
    }

    // Bytes per item on the folder-import archive: large enough that each table's fixed pages do not count.
    const archive = driver === 'pglite' ? await openPglite(target.env.REFERAT_DATA_DIR!) : await openPostgres(target.env.DATABASE_URL!);
    try {
      await archive.checkpoint();
      const size = await sizeFigures(archive);
      const total = size.tables.reduce((n, t) => n + t.heap + t.toast + t.indexes, 0);
      const perItem = total / Math.max(1, size.items);
      const textPerItem = size.textBytes / Math.max(1, size.items);
      const search = size.searchColumns + size.searchIndexes;
      ctx.log(
        `${driver}: ${size.items} items, ${(perItem / 1024).toFixed(1)} KB per item for ${(textPerItem / 1024).toFixed(2)} KB of text (${(perItem / textPerItem).toFixed(1)}×); ` +
          `search vectors ${mb(size.searchColumns)} + their indexes ${mb(size.searchIndexes)} = ${((100 * search) / total).toFixed(0)}% of ${mb(total)}; ` +
          `without them ${((perItem - search / Math.max(1, size.items)) / textPerItem).toFixed(1)}× the text`,
      );
      for (const t of size.tables.slice(0, 8)) ctx.log(`    ${t.name.padEnd(20)} heap ${mb(t.heap).padStart(9)}  toast ${mb(t.toast).padStart(9)}  indexes ${mb(t.indexes).padStart(9)}`);
      label({ label: 'Bytes per item / text bytes' }, `${(perItem / textPerItem).toFixed(1)}× (${((100 * search) / total).toFixed(0)}% search; ${((perItem - search / Math.max(1, size.items)) / textPerItem).toFixed(1)}× without)`);
    } finally {
      await archive.close();
    }
  }
  return { part: 'import-scale', rows };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const number = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i >= 0 ? Number(args[i + 1]) : fallback;
  };
  const only = args.includes('--only') ? (args[args.indexOf('--only') + 1] as 'pglite' | 'postgres') : null;
  const figures = await importScaleBench(benchContext(only, (line) => console.log(line)), { documents: number('--documents', 10_000), store: number('--store', 500) });
  for (const r of figures.rows) console.log(`${r.label}: ${[r.pglite && `PGlite ${r.pglite}`, r.postgres && `PostgreSQL ${r.postgres}`].filter(Boolean).join(' · ')}`);
}
