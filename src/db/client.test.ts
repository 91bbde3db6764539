import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from './client.js';
import { ArchiveLockedError, lockFileOf } from './lock.js';
import { organizations as bodies } from './schema.js';
import { openTestDatabase } from './testing.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const bodyCount = async (db = database.db) => (await db.select({ n: sql<number>`count(*)::int` }).from(bodies))[0]!.n;

describe('openDatabase', () => {
  it('runs the migrations: the schema and the search functions exist', async () => {
    const result = (await database.db.execute(
      sql`select referat_prefix_query(websearch_to_tsquery('danish', 'klimastrategien'), 'decision/')::text as q`,
    )) as unknown as { rows: Array<{ q: string }> };
    expect(result.rows[0]!.q).toBe("'decision/klimastrategi'");
    expect(await bodyCount()).toBe(0);
    // In memory or on a server, nothing else can open the same files: no lock.
    expect(database.lock).toBeUndefined();
  });

  it('never lets a concurrent query see or join an open transaction', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = database.db
      .transaction(async (tx) => {
        await tx.insert(bodies).values({ slug: 'midlertidig', name: 'Midlertidig' });
        await held;
        throw new Error('rolled back on purpose');
      })
      .catch((error: Error) => error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Issued while the transaction is open: it must neither see its row nor become part of it.
    const outside = bodyCount();
    release();
    expect(await transaction).toBe('rolled back on purpose');
    expect(await outside).toBe(0);
    expect(await bodyCount()).toBe(0);
  });

  it('keeps a PGlite database in its directory across reopening, and checkpoints', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-pglite-'));
    try {
      const first = await openDatabase({ url: null, dataDir: dir });
      await first.db.insert(bodies).values({ slug: 'kd-net', name: 'KD-Net' });
      await first.checkpoint();
      // One process at a time: the directory is locked while open (lock.ts), and free after close.
      expect(first.lock?.holder.pid).toBe(process.pid);
      expect(existsSync(lockFileOf(dir))).toBe(true);
      await expect(openDatabase({ url: null, dataDir: dir })).rejects.toBeInstanceOf(ArchiveLockedError);
      await first.close();
      expect(existsSync(lockFileOf(dir))).toBe(false);
      const again = await openDatabase({ url: null, dataDir: dir });
      expect(again.driver).toBe('pglite');
      expect(await bodyCount(again.db)).toBe(1);
      await again.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
