import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { watchArchiveChanges } from './changes.js';
import { migrationsFolder, openDatabase, type Database, type Db } from './client.js';
import { RemotePglite } from './pglite-worker.js';
import { ArchiveLockedError, lockFileOf } from './lock.js';
import { createRequestQueue } from './pool-guard.js';
import { organizations as bodies } from './schema.js';
import { openTestPglite } from './testing.js';
import { DatabaseBusyError } from './unavailable.js';

// The server's PGlite, in a worker thread: REFERAT_PGLITE_WORKER=0 runs this file in-process,
// where the first test must fail (the statement holds this thread, so no timer fires meanwhile).
const inWorker = process.env.REFERAT_PGLITE_WORKER !== '0';

let database: Database;
beforeAll(async () => {
  database = await openTestPglite({ pgliteWorker: inWorker });
});
afterAll(async () => {
  await database?.close();
});

const slugs = async (db: Db = database.db) => (await db.select({ slug: bodies.slug }).from(bodies).orderBy(bodies.slug)).map((b) => b.slug);

/** A statement that takes seconds in PGlite: counting a generated series (PGlite has no usable pg_sleep). */
const LONG = sql`select count(*)::int as n from generate_series(1, 3000000)`;

describe('PGlite in a worker thread', () => {
  it('keeps this thread free while a long statement runs: the request queue refuses a waiting request on time', async () => {
    const queue = createRequestQueue({ concurrency: 1, maxQueued: 8, maxWaitMs: 100 });
    let finishedAt = 0;
    const long = queue.run(() => database.db.execute(LONG)).then((result) => {
      finishedAt = performance.now();
      return (result as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
    });
    const waited = performance.now();
    const refusal = await queue.run(() => database.db.execute(sql`select 1`)).then(
      () => null,
      (error: unknown) => ({ error, at: performance.now() }),
    );
    expect(refusal?.error).toBeInstanceOf(DatabaseBusyError);
    // Refused by its 100 ms timer while the long statement still ran, not seconds later after it.
    expect(finishedAt).toBe(0);
    expect(refusal!.at - waited).toBeLessThan(1000);
    expect(await long).toBe(3_000_000);
  });

  it('runs two callers’ transactions one after the other, never interleaved, and rolls back on error', async () => {
    const steps: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    const first = database.db
      .transaction(async (tx) => {
        await tx.insert(bodies).values({ slug: 'forste', name: 'Første' });
        steps.push('first inserted');
        inserted();
        await held;
        steps.push('first failing');
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => error.message);
    // (Waited for, not slept on: under load the insert may take longer than any fixed pause.)
    await firstInserted;
    const second = database.db.transaction(async (tx) => {
      steps.push('second began');
      const seen = await slugs(tx);
      await tx.insert(bodies).values({ slug: 'anden', name: 'Anden' });
      return seen;
    });
    // A statement outside both, issued while the first is open: it must not run inside it.
    const outside = slugs();
    await sleep(100);
    // Released before the check: a failing check must not leave the transaction holding the database.
    const stepsWhileHeld = [...steps];
    release();
    expect(stepsWhileHeld).toEqual(['first inserted']);
    expect(await first).toBe('rolled back on purpose');
    expect(await second).toEqual([]);
    expect(steps).toEqual(['first inserted', 'first failing', 'second began']);
    expect(await outside).not.toContain('forste');
    expect(await slugs()).toEqual(['anden']);
  });

  it('rolls back a transaction whose statement fails, with the database error’s SQLSTATE, and keeps savepoints', async () => {
    const failed = await database.db
      .transaction(async (tx) => {
        await tx.insert(bodies).values({ slug: 'tredje', name: 'Tredje' });
        await tx.transaction(async (inner) => inner.insert(bodies).values({ slug: 'fjerde', name: 'Fjerde' }));
        await tx.insert(bodies).values({ slug: 'anden', name: 'Anden igen' }); // the unique slug
      })
      .catch((error: { cause?: { code?: string } }) => error);
    expect((failed as { cause?: { code?: string } }).cause?.code).toBe('23505');
    expect(await slugs()).toEqual(['anden']);
    const nested = await database.db.transaction(async (tx) => {
      await tx.transaction(async (inner) => {
        await inner.insert(bodies).values({ slug: 'femte', name: 'Femte' });
        inner.rollback();
      }).catch(() => undefined);
      return slugs(tx);
    });
    expect(nested).toEqual(['anden']);
  });

  it('delivers the archive’s change notifications to this thread (the page cache listens)', async () => {
    let heard = 0;
    const watch = await watchArchiveChanges(database.db, () => heard++);
    try {
      await database.db.insert(bodies).values({ slug: 'sjette', name: 'Sjette' });
      // Polled, not slept on once: under load the notification may take longer than any fixed pause.
      for (let waited = 0; heard === 0 && waited < 10_000; waited += 50) await sleep(50);
      expect(heard).toBeGreaterThan(0);
    } finally {
      await watch.close();
    }
  });

  it('keeps a database in its directory under the lock, checkpoints and dumps it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-pglite-worker-'));
    try {
      const first = await openDatabase({ url: null, dataDir: dir, pgliteWorker: inWorker });
      await first.db.insert(bodies).values({ slug: 'kd-net', name: 'KD-Net' });
      await first.checkpoint();
      expect(first.lock?.holder.pid).toBe(process.pid);
      await expect(openDatabase({ url: null, dataDir: dir, pgliteWorker: inWorker })).rejects.toBeInstanceOf(ArchiveLockedError);
      const dump = await first.dumpDataDir!();
      await first.close();
      expect(existsSync(lockFileOf(dir))).toBe(false);
      const copy = await openDatabase({ url: null, dataDir: 'memory://', loadDataDir: dump, pgliteWorker: inWorker });
      expect(await slugs(copy.db)).toEqual(['kd-net']);
      await copy.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a PGlite thread that dies on its own', () => {
  it('is reported once, and calls fail with the reason instead of waiting for ever', async () => {
    // A stand-in thread that opens as the real one does ("ready") and then dies with exit code 7.
    const dying = new URL('data:text/javascript,' + encodeURIComponent(
      "import { parentPort } from 'node:worker_threads'; parentPort.postMessage({ ready: true }); setTimeout(() => process.exit(7), 50);",
    ));
    const lost: Error[] = [];
    const remote = await RemotePglite.start({ dataDir: 'memory://', migrationsFolder: '' }, { boot: dying, onLost: (error) => lost.push(error) });
    await expect(remote.query('select 1')).rejects.toThrow(/exited \(code 7\)/);
    await sleep(50);
    expect(lost.map((e) => e.message)).toEqual(['the PGlite worker thread exited (code 7)']);
    await expect(remote.query('select 1')).rejects.toThrow(/exited \(code 7\)/);
    await remote.close();
    expect(lost).toHaveLength(1);
  });

  it('is not reported when closed on purpose', async () => {
    const lost: Error[] = [];
    const remote = await RemotePglite.start({ dataDir: 'memory://', migrationsFolder }, { onLost: (error) => lost.push(error) });
    expect((await remote.query<{ n: number }>('select 1 as n')).rows).toEqual([{ n: 1 }]);
    await remote.close();
    await sleep(50);
    expect(lost).toEqual([]);
  });
});
