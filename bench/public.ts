/**
 * @module The public side's benchmarks (`npm run bench -- --part public`): the iCalendar of
 * 10,000 meetings (`/calendar.ics`, target < 200 ms) and OParl list pages of 100 objects
 * (meetings and agenda items of a body, target p95 < 50 ms), through the whole app in process
 * (`app.request`: routing, queries, rendering). The corpus is 10,000 synthetic meetings of ten
 * organisations with three items each, kept in `data/bench/public-10000` and database
 * `referat_bench_public_10000` (`--fresh` rebuilds).
 */
import { sql } from 'drizzle-orm';
import { createOParlApp } from '../src/api/oparl/routes.js';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import type { MeetingDocument } from '../src/model/index.js';
import { createApp } from '../src/web/app.js';
import { syntheticDocuments, vocabularyOf } from './corpus.js';
import { openBenchDatabase } from './databases.js';
import { loadBatch } from './load.js';
import { percentile } from './context.js';

export const PUBLIC_MEETINGS = 10_000;
const ITEMS_PER_MEETING = 3;
const ORIGIN = 'http://bench.referat';

const log = (message: string) => process.stderr.write(`${message}\n`);

async function meetingCount(database: Database): Promise<number> {
  const result = (await database.db.execute(sql`select count(*)::int as n from meetings where deleted_at is null`)) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]?.n ?? 0;
}

/** 10,000 meetings: the synthetic corpus's documents (ten bodies, 2007–2025), cut to three items each. */
async function buildMeetings(database: Database, seeds: MeetingDocument[]): Promise<void> {
  const start = performance.now();
  const docs = syntheticDocuments(vocabularyOf(seeds), PUBLIC_MEETINGS * 16);
  let batch: MeetingDocument[] = [];
  let made = 0;
  for (const doc of docs) {
    if (made >= PUBLIC_MEETINGS) break;
    batch.push({ ...doc, items: doc.items.slice(0, ITEMS_PER_MEETING) });
    made++;
    if (batch.length === 200) {
      await loadBatch(database.db, batch, made);
      batch = [];
      process.stderr.write(`\r  loaded ${made} meetings   `);
    }
  }
  if (batch.length > 0) await loadBatch(database.db, batch, made);
  process.stderr.write('\n');
  await database.db.execute(sql`vacuum analyze`);
  await database.checkpoint();
  log(`  ${made} meetings in ${((performance.now() - start) / 1000).toFixed(0)} s`);
}

/**
 * Milliseconds of each of `runs` requests to a path (after two warm-up requests), sorted, and the
 * process's CPU milliseconds per request: on a shared machine wall time waits for the CPU, while
 * CPU time is the work itself (all of it for PGlite, which runs in this process; the client's share
 * for PostgreSQL).
 */
async function time(app: { request(url: string): Response | Promise<Response> }, path: string, runs: number): Promise<{ sorted: number[]; cpu: number[]; bytes: number }> {
  let bytes = 0;
  const cpu: number[] = [];
  for (let i = 0; i < 2; i++) await (await app.request(`${ORIGIN}${path}`)).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    const res = await app.request(`${ORIGIN}${path}`);
    const body = await res.arrayBuffer();
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    bytes = body.byteLength;
  }
  return { sorted: times.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b), bytes };
}

const figures = (t: number[], cpu: number[]) =>
  `p50 ${percentile(t, 50).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms, max ${t.at(-1)!.toFixed(1)} ms (CPU p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms)`;
const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');

/** Runs the public benchmarks on one driver, building the corpus when it is missing. */
export async function publicBench(driver: 'pglite' | 'postgres', seeds: MeetingDocument[], options: { fresh: boolean; repeat: number }): Promise<void> {
  log(`\n${driver}: opening the ${PUBLIC_MEETINGS}-meeting corpus`);
  const { database } = await openBenchDatabase(driver, PUBLIC_MEETINGS, options.fresh, 'public');
  try {
    if ((await meetingCount(database)) < PUBLIC_MEETINGS) await buildMeetings(database, seeds);
    else log('  reusing the corpus from an earlier run (--fresh to rebuild)');
    const app = createApp(createDbArchive(database.db), { oparl: createOParlApp(database.db) });

    const runs = Math.max(10, options.repeat * 5);
    const ical = await time(app, '/calendar.ics', runs);
    const events = (await (await app.request(`${ORIGIN}/calendar.ics`)).text()).split('BEGIN:VEVENT').length - 1;
    console.log(`${driver}: iCalendar of ${events.toLocaleString('en')} meetings (${(ical.bytes / 1e6).toFixed(1)} MB), ${runs} requests: ${figures(ical.sorted, ical.cpu)} — target p95 < 200 ms: ${verdict(percentile(ical.sorted, 95) < 200)}`);

    // Pages spread over the list, so deep pages count too: the list is walked by links.next once
    // (as a client reads it), then pages from the first to the last are timed.
    const system = (await (await app.request(`${ORIGIN}/oparl/v1.1/body`)).json()) as { data: Array<{ id: string }> };
    const body = new URL(system.data[0]!.id).pathname;
    for (const list of ['meeting', 'agenda-item']) {
      const pages: string[] = [];
      for (let url: string | undefined = `${body}/${list}?limit=100`; url; ) {
        pages.push(url);
        const page = (await (await app.request(`${ORIGIN}${url}`)).json()) as { links: { next?: string } };
        url = page.links.next && new URL(page.links.next).pathname + new URL(page.links.next).search;
      }
      const times: number[] = [];
      const cpu: number[] = [];
      for (let r = 0; r < runs; r++) {
        const one = await time(app, pages[Math.floor((r * pages.length) / runs)]!, 1);
        times.push(...one.sorted);
        cpu.push(...one.cpu);
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      console.log(`${driver}: OParl ${list} list, 100 per page (${pages.length} pages), ${runs} requests: ${figures(times, cpu)} — target p95 < 50 ms: ${verdict(percentile(times, 95) < 50)}`);
    }
  } finally {
    await database.close();
  }
}
