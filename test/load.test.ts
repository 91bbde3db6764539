/**
 * Load (issue 14): the real server (`referat serve` as a child process, seeded with the samples)
 * under 100 concurrent clients for 60 s against meeting and search pages, on PGlite and — with
 * DATABASE_URL — on a fresh PostgreSQL database. No request may fail: every answer is a 2xx, but
 * for the 503s of PGlite's full database queue, each of which must carry Retry-After; none may
 * time out (20 s); p99 latency stays under REFERAT_LOAD_MAX_P99_MS (15000: the queue's 5 s wait and
 * a render, with room for a CPU shared with other work); and the server's memory grows by less than
 * REFERAT_LOAD_MAX_GROWTH_MB (300: the page cache is 64 MB) over what it held before the run.
 * REFERAT_LOAD_SECONDS shortens the run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannon, memoryOf, sampleMemory, type CannonResult } from '../bench/cannon.js';
import { adminQuery, migratedDataDir } from '../src/db/testing.js';
import { exited, referatEnv, serveReferat } from './cli-process.js';

const SECONDS = Number(process.env.REFERAT_LOAD_SECONDS || 60);
const CONNECTIONS = 100;
const MAX_GROWTH_MB = Number(process.env.REFERAT_LOAD_MAX_GROWTH_MB || 300);
const MAX_P99_MS = Number(process.env.REFERAT_LOAD_MAX_P99_MS || 15_000);
const postgresUrl = process.env.DATABASE_URL;
const driver = postgresUrl ? 'postgres' : 'pglite';

let dir: string;
let server: Awaited<ReturnType<typeof serveReferat>>;
let dropDatabase: (() => Promise<void>) | null = null;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'referat-load-'));
  // Search is rate limited per client in production; here all 100 clients are one address.
  const dataDir = path.join(dir, 'db');
  const env = referatEnv(postgresUrl ? dataDir : await migratedDataDir(dataDir), { REFERAT_RATE_SEARCH: 'off' });
  if (postgresUrl) {
    const name = `referat_load_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(postgresUrl, `create database ${name}`);
    const url = new URL(postgresUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    dropDatabase = () => adminQuery(postgresUrl, `drop database if exists ${name} with (force)`);
  }
  server = await serveReferat(env);
}, 180_000);

afterAll(async () => {
  if (server) {
    server.child.kill('SIGTERM');
    await exited(server.child);
  }
  await dropDatabase?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe(`the server under load (${driver})`, () => {
  it(
    `answers ${CONNECTIONS} concurrent clients for ${SECONDS} s on meeting and search pages without an error, in bounded memory`,
    async () => {
      const list = (await (await fetch(`${server.url}/api/meetings?limit=50`)).json()) as { results: Array<{ id: number }> };
      const meetings = list.results.map((m) => `/meetings/${m.id}`);
      expect(meetings.length).toBeGreaterThan(0);
      const detail = (await (await fetch(`${server.url}/api/meetings/${list.results[0]!.id}`)).json()) as { document: { items: Array<{ title: string }> } };
      // Words of the seeds' titles, alone and with filters: many distinct searches, so many reach the database.
      const words = [...new Set(detail.document.items.flatMap((i) => i.title.toLowerCase().match(/\p{L}{5,}/gu) ?? []))].slice(0, 40);
      expect(words.length).toBeGreaterThan(3);
      const searches = words.flatMap((w) => [`/search?q=${encodeURIComponent(w)}`, ...[2019, 2020, 2021, 2022, 2023].map((y) => `/search?q=${encodeURIComponent(w)}&year=${y}`)]);

      const statuses = new Map<number, number>();
      let busyWithoutRetryAfter = 0;
      const onResponse = (status: number, _body: string, _context: unknown, headers: Record<string, string | string[]>) => {
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const retryAfter = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
        if (status === 503 && !retryAfter) busyWithoutRetryAfter++;
      };
      const pick = (paths: string[]) => paths[Math.floor(Math.random() * paths.length)]!;
      const before = memoryOf(server.child.pid!)?.rss ?? null;
      const sampler = sampleMemory(server.child.pid!);
      let result: CannonResult;
      let peak = 0;
      try {
        result = await cannon({
          url: server.url,
          connections: CONNECTIONS,
          duration: SECONDS,
          timeout: 20,
          requests: [
            { method: 'GET', setupRequest: (req) => ({ ...req, path: pick(meetings) }), onResponse },
            { method: 'GET', setupRequest: (req) => ({ ...req, path: pick(searches) }), onResponse },
          ],
        });
      } finally {
        peak = sampler.stop();
      }
      const ok = [...statuses].filter(([s]) => s >= 200 && s < 300).reduce((n, [, c]) => n + c, 0);
      const busy = statuses.get(503) ?? 0;
      const failed = [...statuses].filter(([s]) => (s < 200 || s >= 300) && !(s === 503 && driver === 'pglite')).reduce((n, [, c]) => n + c, 0);
      const summary = `${driver}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; RSS ${before?.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB`;
      console.log(summary);
      expect(result.errors, summary).toBe(0);
      expect(result.timeouts, summary).toBe(0);
      expect(failed, `${summary}\n${server.stderr().slice(-3000)}`).toBe(0);
      expect(busyWithoutRetryAfter, summary).toBe(0);
      expect(ok, summary).toBeGreaterThan(busy);
      expect(result.latency.p99, summary).toBeLessThan(MAX_P99_MS);
      if (before !== null) expect(peak - before, summary).toBeLessThan(MAX_GROWTH_MB);
      // Still answering normally afterwards.
      expect((await fetch(`${server.url}${meetings[0]}`)).status).toBe(200);
    },
    SECONDS * 1000 + 120_000,
  );
});
