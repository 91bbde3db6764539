/**
 * @module The import part of `npm run bench`: how fast the seeds (samples/) are parsed and stored.
 *
 * - **Parse**: every seed through `importBytes`, over and over for three CPU-seconds after one of
 *   warm-up; documents per CPU-second of this process (process.cpuUsage: user + system, so a
 *   busy machine does not make the parser look slower) and per wall-clock second.
 * - **Store**: each seed stored 20 times under other dates through `storeDocument` (one
 *   transaction per document with every row) into a scratch database made for the run
 *   (`<dataDir>/pglite-store-scratch`, database `bench_store_scratch`), then removed.
 */
import { readFile, rm } from 'node:fs/promises';
import pg from 'pg';
import { readManifest } from '../src/cli/serve.js';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { storeDocument } from '../src/db/store.js';
import { importBytes } from '../src/import/index.js';
import type { MeetingDocument } from '../src/model/index.js';
import { type BenchContext, type BenchFigures, drivers } from './context.js';

interface Seed {
  bytes: Uint8Array;
  fileName: string;
  options: { body?: string; date?: string };
  doc: MeetingDocument;
}

export async function readSeeds(): Promise<Seed[]> {
  return Promise.all(
    (await readManifest()).map(async (entry) => {
      const bytes = new Uint8Array(await readFile(entry.path));
      const options = { ...(entry.body ? { body: entry.body } : {}), ...(entry.date ? { date: entry.date } : {}) };
      return { bytes, fileName: entry.file, options, doc: (await importBytes(bytes, entry.file, options)).document };
    }),
  );
}

const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Documents parsed per CPU-second and per wall-clock second, after one CPU-second of warm-up. */
export async function parseThroughput(seeds: Seed[], seconds = 3): Promise<{ perCpuSecond: number; perSecond: number; documents: number }> {
  const warm = process.cpuUsage();
  while (cpuSeconds(warm) < 1) for (const seed of seeds) await importBytes(seed.bytes, seed.fileName, seed.options);
  let documents = 0;
  const cpu = process.cpuUsage();
  const wall = performance.now();
  while (cpuSeconds(cpu) < seconds) {
    for (const seed of seeds) await importBytes(seed.bytes, seed.fileName, seed.options);
    documents += seeds.length;
  }
  return { perCpuSecond: documents / cpuSeconds(cpu), perSecond: documents / ((performance.now() - wall) / 1000), documents };
}

async function scratch(ctx: BenchContext, driver: 'pglite' | 'postgres'): Promise<{ database: Database; remove: () => Promise<void> }> {
  if (driver === 'pglite') {
    const dir = `${ctx.dataDir}/pglite-store-scratch`;
    await rm(dir, { recursive: true, force: true });
    const database = await openPglite(dir);
    return { database, remove: () => rm(dir, { recursive: true, force: true }) };
  }
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: ctx.postgresUrl! });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  await admin('drop database if exists bench_store_scratch with (force)');
  await admin('create database bench_store_scratch');
  const url = new URL(ctx.postgresUrl!);
  url.pathname = '/bench_store_scratch';
  return { database: await openPostgres(url.toString()), remove: () => admin('drop database if exists bench_store_scratch with (force)') };
}

/** Stores each seed under 20 dates (a different file each time): documents per wall-clock and per CPU-second. */
export async function storeThroughput(database: Database, seeds: Seed[], rounds = 20): Promise<{ perSecond: number; perCpuSecond: number; documents: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let stored = 0;
  for (let round = 0; round < rounds; round++) {
    for (const { doc, bytes } of seeds) {
      const date = `19${String(70 + round).padStart(2, '0')}-${String(1 + (stored % 12)).padStart(2, '0')}-${String(1 + (stored % 28)).padStart(2, '0')}`;
      const copy = new Uint8Array([...bytes, ...new TextEncoder().encode(`\n${round}`)]);
      await storeDocument(database.db, { ...doc, date, body: 'Benchmark-import' }, { bytes: copy, fileName: 'bench.txt', format: 'text' });
      stored++;
    }
  }
  return { perSecond: stored / ((performance.now() - start) / 1000), perCpuSecond: stored / cpuSeconds(cpu), documents: stored };
}

export async function throughputBench(ctx: BenchContext): Promise<BenchFigures> {
  const seeds = await readSeeds();
  const figures: BenchFigures = { part: 'import', rows: [] };
  const parse = await parseThroughput(seeds);
  const kb = Math.round(seeds.reduce((n, s) => n + s.bytes.length, 0) / seeds.length / 1024);
  console.log(`\nParse: ${parse.perCpuSecond.toFixed(0)} seed documents per CPU-second (${parse.perSecond.toFixed(0)} per wall-clock second; ${seeds.length} seeds of ${kb} KB on average, ${parse.documents} parsed)`);
  figures.rows.push({ label: 'parse, seed documents per CPU-second (same code on both)', pglite: parse.perCpuSecond.toFixed(0), postgres: parse.perCpuSecond.toFixed(0) });
  const storeRow = { label: 'storeDocument, seed documents/s (per client CPU-second)' } as BenchFigures['rows'][number];
  for (const driver of drivers(ctx)) {
    const { database, remove } = await scratch(ctx, driver);
    try {
      const store = await storeThroughput(database, seeds);
      console.log(`${driver}: storeDocument ${store.perSecond.toFixed(1)} seed documents/s, ${store.perCpuSecond.toFixed(1)} per CPU-second of this process (${store.documents} documents, one transaction each)`);
      storeRow[driver] = `${store.perSecond.toFixed(1)} (${store.perCpuSecond.toFixed(1)})`;
    } finally {
      await database.close();
      await remove();
    }
  }
  figures.rows.push(storeRow);
  figures.rows.push({ label: 'peak RSS after import (process)', pglite: `${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB` });
  return figures;
}
