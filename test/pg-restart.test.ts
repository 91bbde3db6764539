/**
 * PostgreSQL restarting under load: the app keeps answering — 200, or 503 with Retry-After while
 * the database is away, never 500, never a hang, never a crash — and recovers by itself when the
 * database is back. It needs a PostgreSQL it may stop, so it starts a private throwaway cluster
 * (Debian's /usr/lib/postgresql/N/bin, as user postgres when run as root), whatever DATABASE_URL
 * says. Skipped when those binaries are missing, except in CI (REFERAT_REQUIRE_SHARED or CI set),
 * which installs them: there their absence fails.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../src/cli/import.js';
import { createDbArchive } from '../src/db/archive.js';
import { openPostgres, type Database } from '../src/db/client.js';
import { releaseClientsOnConnectionLoss } from '../src/db/pool-guard.js';
import { storeDocument } from '../src/db/store.js';
import { importFile } from '../src/import/index.js';
import { createApp } from '../src/web/app.js';
import { listen, type RunningServer } from '../src/web/server.js';

const run = promisify(execFile);

function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  return versions.length > 0 ? path.join(root, versions.at(-1)!, 'bin') : null;
}

const PGBIN = findPgBin();
const REQUIRED = Boolean(process.env.REFERAT_REQUIRE_SHARED || process.env.CI);
if (!PGBIN) {
  if (REQUIRED) throw new Error('PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb, pg_ctl) are missing: CI must run the restart test');
  console.warn('PostgreSQL restart test skipped: no /usr/lib/postgresql/*/bin/initdb. Install with: apt-get install -y postgresql');
}

const isRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL tool as user postgres (initdb and postgres refuse to run as root). */
async function asPostgres(command: string): Promise<void> {
  if (isRoot) await run('su', ['postgres', '-c', command], { timeout: 60_000 });
  else await run('sh', ['-c', command], { timeout: 60_000 });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!PGBIN)('PostgreSQL restarting while requests are in flight', () => {
  let dir: string;
  let dataDir: string;
  let port: number;
  let database: Database;
  let server: RunningServer;
  let meetingId: number;
  const pgCtl = (action: string) => `${PGBIN}/pg_ctl -D ${dataDir} -w -t 60 ${action}`;
  const start = () => asPostgres(pgCtl(`-l ${dir}/log -o '-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off' start`));

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'referat-pg-restart-'));
    dataDir = path.join(dir, 'data');
    if (isRoot) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      const { stdout: gid } = await run('id', ['-g', 'postgres']);
      chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    port = await freePort();
    await asPostgres(`${PGBIN}/initdb -D ${dataDir} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 -N`);
    await start();
    database = await openPostgres(`postgres://postgres@127.0.0.1:${port}/postgres`);
    const sample = path.resolve('samples/001_4fa44d254ce3f195.txt');
    const { document, bytes, format } = await importFile(sample);
    meetingId = (await storeDocument(database.db, document, { bytes, fileName: path.basename(sample), format })).meetingId;
    server = await listen(createApp(createDbArchive(database.db)), { port: 0 });
  }, 120_000);

  afterAll(async () => {
    await server?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    if (dataDir && existsSync(dataDir)) await asPostgres(pgCtl('-m immediate stop')).catch(() => undefined);
    if (dir) await rm(dir, { recursive: true, force: true });
  }, 60_000);

  it('answers 200 or 503 (with Retry-After) throughout, and 200 again once the database is back', { timeout: 120_000 }, async () => {
    const paths = ['/', `/meetings/${meetingId}`, '/search?q=klima', '/api/search?q=klima', '/people'];
    interface Outcome { path: string; status: number | string; startedAt: number; retryAfter: string | null; body: string }
    const outcomes: Outcome[] = [];
    let running = true;
    let next = 0;
    const worker = async () => {
      while (running) {
        const target = paths[next++ % paths.length]!;
        const startedAt = Date.now();
        try {
          const res = await fetch(server.url + target, { signal: AbortSignal.timeout(20_000) });
          outcomes.push({ path: target, status: res.status, startedAt, retryAfter: res.headers.get('retry-after'), body: await res.text() });
        } catch (error) {
          outcomes.push({ path: target, status: `no answer: ${(error as Error).message}`, startedAt, retryAfter: null, body: '' });
        }
        await sleep(10);
      }
    };
    const until = async (condition: () => boolean, ms: number) => {
      const deadline = Date.now() + ms;
      while (!condition() && Date.now() < deadline) await sleep(20);
    };
    const count = (status: number, after = 0) => outcomes.filter((o) => o.status === status && o.startedAt >= after).length;

    // Quiet the per-request log lines of the outage (one line each; their content is tested elsewhere).
    const error = console.error;
    console.error = () => undefined;
    const workers = Array.from({ length: 4 }, worker);
    let importDuringOutage: Awaited<ReturnType<typeof importFiles>> | null = null;
    let startedAgainAt = 0;
    try {
      await until(() => count(200) >= 20, 20_000);
      expect(count(200)).toBeGreaterThanOrEqual(20);

      // A fast shutdown ends the server's connections, in-flight queries included; then it stays away a moment.
      const stoppedAt = Date.now();
      await asPostgres(pgCtl('-m fast stop'));
      await until(() => count(503, stoppedAt) >= 10, 5_000);
      // An import while it is away: each file fails with the reason, nothing crashes.
      importDuringOutage = await importFiles(database, [path.resolve('samples/002_08ab96e69793d179.txt')]);
      await start();
      startedAgainAt = Date.now();
      await until(() => count(200, startedAgainAt) >= 20, 20_000);
    } finally {
      running = false;
      await Promise.all(workers);
      console.error = error;
    }

    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].filter((s) => s !== 200 && s !== 503), 'only 200 and 503').toEqual([]);
    expect(count(503), 'requests during the outage were answered 503').toBeGreaterThan(0);
    for (const o of outcomes.filter((o) => o.status === 503)) {
      expect(o.retryAfter, o.path).toMatch(/^\d+$/);
      if (o.path.startsWith('/api/')) expect(JSON.parse(o.body)).toEqual({ error: expect.stringContaining('midlertidigt utilgængeligt') });
      else expect(o.body).toContain('Arkivet er midlertidigt utilgængeligt');
    }
    // Back without restarting the app: every request started after the database is up succeeds.
    const after = outcomes.filter((o) => o.startedAt >= startedAgainAt);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after.filter((o) => o.status !== 200)).toEqual([]);

    expect(importDuringOutage!.failed).toEqual([{ file: expect.stringContaining('002_'), reason: expect.stringMatching(/^database: |ECONNREFUSED|connect/) }]);
    const again = await importFiles(database, [path.resolve('samples/002_08ab96e69793d179.txt')]);
    expect(again.failed).toEqual([]);

    // No client was lost on the way: closing the pool waits for every checked-out client.
    const closing = database.close().then(() => 'closed');
    expect(await Promise.race([closing, sleep(5_000).then(() => 'a client was never released')])).toBe('closed');
    database = undefined as unknown as Database;
  });

  it('loses no client when a connection ends between checkout and `begin` of a Drizzle transaction', async () => {
    const pool = new pg.Pool({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`, max: 1, connectionTimeoutMillis: 2_000 });
    pool.on('error', () => undefined);
    pool.on('connect', (client) => client.on('error', () => undefined));
    releaseClientsOnConnectionLoss(pool);
    const db = drizzlePg(pool);
    // The server goes away right after handing out the connection: Drizzle's `begin` fails.
    pool.once('acquire', (client) => (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy());
    await expect(db.transaction(async (tx) => tx.execute(sql`select 1`))).rejects.toThrow();
    // Drizzle never released that client; the guard did, so the one slot of the pool is free again.
    const ok = await db.transaction(async (tx) => (await tx.execute(sql`select 1 as one`)).rows);
    expect(ok).toEqual([{ one: 1 }]);
    const ended = await Promise.race([pool.end().then(() => 'ended'), sleep(3_000).then(() => 'a client was never released')]);
    expect(ended).toBe('ended');
  });
});
