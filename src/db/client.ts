/**
 * @module Opening the database: embedded PGlite by default, PostgreSQL when `DATABASE_URL` is set.
 * Both get the same drizzle-kit migrations on open and are used through the same Drizzle API.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { acquireLock, type ArchiveLock } from './lock.js';
import { pgliteCodecs } from './pglite-codecs.js';
import { RemotePglite } from './pglite-worker.js';
import { releaseClientsOnConnectionLoss } from './pool-guard.js';
import { projectPending } from './projection.js';
import * as schema from './schema.js';

export type Schema = typeof schema;
/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Where the data lives: a directory, `memory://`, or the server URL without password. */
  location: string;
  /** After a bulk import: lets PGlite trim its write-ahead log (PostgreSQL manages its own). */
  checkpoint(): Promise<void>;
  close(): Promise<void>;
  /** PGlite in a directory: this process's exclusive lock on it (see lock.ts). */
  lock?: ArchiveLock;
  /** PGlite: the data directory as a tar (the test databases' migrated template). */
  dumpDataDir?(): Promise<Blob>;
}

export interface OpenOptions {
  /** A PostgreSQL URL; defaults to `DATABASE_URL`. Pass `null` to force PGlite. */
  url?: string | null;
  /** PGlite data directory, or `memory://`; defaults to `REFERAT_DATA_DIR` or `data/pglite`. */
  dataDir?: string;
  /** PGlite in memory: start from this dumped data directory (tests start from a migrated one). */
  loadDataDir?: Blob;
  /**
   * PGlite: run it in a worker thread (pglite-worker.ts), as `referat serve` does, so that a long
   * statement does not stop this thread. Defaults to `REFERAT_PGLITE_WORKER=1` (tests use that
   * switch to run on the worker path).
   */
  pgliteWorker?: boolean;
  /** PGlite on a worker thread: told when the thread dies on its own (the server exits). */
  onPgliteWorkerLost?: (error: Error) => void;
}

/** The drizzle-kit migrations both drivers apply on open. */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Opens (and migrates) the database chosen by the options or the environment. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const url = databaseUrl(options);
  const worker = options.pgliteWorker ?? process.env.REFERAT_PGLITE_WORKER === '1';
  const database = await (url ? openPostgres(url) : openPglite(pgliteDataDir(options), options.loadDataDir, { worker, ...(options.onPgliteWorkerLost ? { onLost: options.onPgliteWorkerLost } : {}) }));
  // An archive upgraded by the migrations (or projected by older code) is rebuilt from its versions.
  try {
    await projectPending(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

/** The PostgreSQL URL the options or the environment choose, or null for PGlite. */
export function databaseUrl(options: OpenOptions = {}): string | null {
  return options.url === undefined ? process.env.DATABASE_URL || null : options.url;
}

/** The PGlite data directory the options or the environment choose. */
export function pgliteDataDir(options: OpenOptions = {}): string {
  return options.dataDir ?? (process.env.REFERAT_DATA_DIR || 'data/pglite');
}

/**
 * Opens an embedded PGlite database in a directory (created if missing) or in memory; with
 * `worker`, in a worker thread of this process (pglite-worker.ts).
 */
export async function openPglite(dataDir: string, loadDataDir?: Blob, options: { worker?: boolean; onLost?: (error: Error) => void } = {}): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // Within the process, PGlite's single connection serialises access itself: a query issued
  // while a transaction is open waits for it to finish (client.test.ts proves it). Between
  // processes nothing does, so a directory is opened by one process at a time (lock.ts). The
  // lock stays on this thread with a worker too: it is the process's, released on its signals.
  const lock = inMemory ? undefined : await acquireLock(dataDir);
  if (options.worker) return openPgliteWorker(inMemory ? dataDir : path.resolve(dataDir), dataDir, loadDataDir, lock, options.onLost);
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? dataDir : path.resolve(dataDir), { ...pgliteCodecs, ...(loadDataDir ? { loadDataDir } : {}) });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  try {
    await migratePglite(db as never, { migrationsFolder });
  } catch (error) {
    await client.close();
    lock?.release();
    throw error;
  }
  return {
    db,
    driver: 'pglite',
    location: dataDir,
    checkpoint: async () => {
      await client.exec('checkpoint');
    },
    dumpDataDir: () => client.dumpDataDir('none'),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
    ...(lock ? { lock } : {}),
  };
}

async function openPgliteWorker(dataDir: string, location: string, loadDataDir: Blob | undefined, lock: ArchiveLock | undefined, onLost?: (error: Error) => void): Promise<Database> {
  let remote: RemotePglite;
  try {
    remote = await RemotePglite.start({ dataDir, migrationsFolder, ...(loadDataDir ? { loadDataDir: await loadDataDir.arrayBuffer() } : {}) }, onLost ? { onLost } : {});
  } catch (error) {
    lock?.release();
    throw error;
  }
  return {
    db: drizzlePglite({ client: remote.asPglite(), schema }) as unknown as Db,
    driver: 'pglite',
    location,
    checkpoint: () => remote.checkpoint(),
    dumpDataDir: () => remote.dumpDataDir(),
    close: async () => {
      try {
        await remote.close();
      } finally {
        lock?.release();
      }
    },
    ...(lock ? { lock } : {}),
  };
}

/** Opens a PostgreSQL database through a node-postgres pool. */
export async function openPostgres(url: string): Promise<Database> {
  // A connection attempt that gets no answer fails after 10 s rather than holding a request forever.
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 10_000 });
  let closing = false;
  // An idle connection dropped by the server (restart, drop database) must not crash the
  // process: the pool replaces it on next use.
  pool.on('error', (error) => {
    if (!closing) console.error(`referat: PostgreSQL connection lost: ${error.message}`);
  });
  // A connection lost while checked out (between the statements of a transaction) emits 'error'
  // too, and the pool listens only to idle ones: without this listener that crashes the process.
  // The request's next statement fails instead (answered 503), and on release the pool drops the
  // broken client, since it is no longer queryable, and connects anew on next use.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  releaseClientsOnConnectionLoss(pool);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  try {
    await migratePg(db as never, { migrationsFolder });
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    db,
    driver: 'postgres',
    location: url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'),
    checkpoint: async () => undefined,
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}
