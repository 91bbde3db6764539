/**
 * @module An archive written by the previous release (commit af18f58), for upgrade tests.
 *
 * The fixture in test/fixtures/previous-release/ is that release's data (archive.sql.gz, a
 * data-only dump) and what its archive showed (expected.json). To rebuild the archive as the
 * release left it, an EMPTY database first gets only the release's own migrations — entries
 * 0000..0006 of src/db/migrations/meta/_journal.json, applied by drizzle's `migrate()` from a
 * temp folder with a trimmed journal, so `drizzle.__drizzle_migrations` records exactly what
 * the release recorded (checked against expected.json) — and then the dump. The caller then
 * opens it the normal way, `openDatabase(archive.openOptions)`, which applies the newer
 * migrations as an upgrading user's archive would get them.
 *
 *   const archive = await openPreviousReleaseArchive();   // PGlite, or PostgreSQL with DATABASE_URL
 *   const database = await openDatabase(archive.openOptions);
 *   …
 *   await database.close();
 *   await archive.dispose();
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { OpenOptions } from '../src/db/client.js';
import { adminQuery } from '../src/db/testing.js';

/** The release that wrote the fixture. */
export const PREVIOUS_RELEASE = 'af18f58';
/** Its last migration: journal entries with a higher idx came later and are not applied here. */
export const PREVIOUS_RELEASE_LAST_MIGRATION = 6;

const FIXTURE = fileURLToPath(new URL('./fixtures/previous-release/', import.meta.url));
const MIGRATIONS = fileURLToPath(new URL('../src/db/migrations/', import.meta.url));

/** expected.json: what the previous release's archive showed, computed by SQL (expected.sql). */
export interface PreviousReleaseExpected {
  release: string;
  /** drizzle.__drizzle_migrations rows as the release left them (created_at as text: bigint). */
  migrations: Array<{ hash: string; createdAt: string }>;
  counts: {
    bodies: number;
    meetings: number;
    documents: number;
    /** All agenda_items rows, closed and non-current included. */
    items: number;
    /** Items of meetings' current documents that are not closed. */
    publicItems: number;
    closedItems: number;
    attachments: number;
    closedAttachments: number;
    documentsWithClosedContent: number;
    people: number;
    participations: number;
    cases: number;
  };
  bodies: Array<{ slug: string; name: string; meetingCount: number }>;
  meetings: Array<{
    id: number;
    /** Body slug; null for a document without a body. */
    body: string | null;
    /** YYYY-MM-DD, or null for an undated document. */
    date: string | null;
    kinds: Array<'agenda' | 'minutes'>;
    /** The document the meeting page shows: minutes over agenda. */
    currentKind: 'agenda' | 'minutes';
    /** The current document's public items in order, with their public bilag count. */
    items: Array<{ number: string; title: string; caseNumber: string | null; attachments: number }>;
    /** Closed items of the current document: never shown. */
    closedItemNumbers: string[];
    /** Closed bilag (of open or closed items) of the current document: never shown. */
    closedAttachments: number;
    /** Ids of the people the current document names (members, afbud, substitutes, others). */
    people: number[];
  }>;
  people: Array<{ id: number; key: string; name: string; slug: string; listed: boolean }>;
  /** Every case number; `publicItems` 0 means known only from closed items (no public page). */
  cases: Array<{ caseNumber: string; publicItems: number }>;
}

/** The fixture's expected.json. */
export async function previousReleaseExpected(): Promise<PreviousReleaseExpected> {
  return JSON.parse(await readFile(path.join(FIXTURE, 'expected.json'), 'utf8')) as PreviousReleaseExpected;
}

/** The fixture's data: plain SQL (INSERTs and setval calls), run as one multi-statement string. */
export async function previousReleaseSql(): Promise<string> {
  return gunzipSync(await readFile(path.join(FIXTURE, 'archive.sql.gz'))).toString('utf8');
}

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/**
 * A temp migrations folder holding only the previous release's migrations (0000..0006) and a
 * journal trimmed to them. Their hashes must be those the release recorded: an edited old
 * migration would make the rebuilt archive differ from what users have, so it throws.
 */
export async function previousReleaseMigrations(): Promise<{ folder: string; remove(): Promise<void> }> {
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  const entries = journal.entries.filter((e) => e.idx <= PREVIOUS_RELEASE_LAST_MIGRATION);
  const { migrations } = await previousReleaseExpected();
  const recorded = await Promise.all(
    entries.map(async (e) => ({
      tag: e.tag,
      hash: createHash('sha256').update(await readFile(path.join(MIGRATIONS, `${e.tag}.sql`), 'utf8')).digest('hex'),
      createdAt: String(e.when),
    })),
  );
  const changed = recorded.filter((r, i) => r.hash !== migrations[i]?.hash || r.createdAt !== migrations[i]?.createdAt);
  if (recorded.length !== migrations.length || changed.length > 0) {
    throw new Error(
      `the migrations of release ${PREVIOUS_RELEASE} (0000..000${PREVIOUS_RELEASE_LAST_MIGRATION}) in src/db/migrations ` +
        `are not the ones it applied (${changed.map((c) => c.tag).join(', ') || `${recorded.length} of ${migrations.length}`}): ` +
        'released migrations must stay as they were; put changes in new migrations',
    );
  }
  const folder = await mkdtemp(path.join(os.tmpdir(), 'referat-prev-migrations-'));
  await mkdir(path.join(folder, 'meta'));
  for (const e of entries) await copyFile(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  await writeFile(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }, null, 2));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

/** What a database must record after the old migrations: the rows the release left. */
async function checkRecordedMigrations(rows: Array<{ hash: string; created_at: string }>): Promise<void> {
  const { migrations } = await previousReleaseExpected();
  const got = rows.map((r) => ({ hash: r.hash, createdAt: String(r.created_at) }));
  if (JSON.stringify(got) !== JSON.stringify(migrations)) {
    throw new Error(`drizzle.__drizzle_migrations differs from release ${PREVIOUS_RELEASE}'s: ${JSON.stringify(got)}`);
  }
}

const RECORDED = sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`;

/**
 * Writes the previous release's archive into a new PGlite data directory (which must not hold
 * a database yet) and closes it, so `openDatabase({ url: null, dataDir })` can open it.
 */
export async function writePreviousReleasePglite(dataDir: string): Promise<void> {
  // Closed at the end, so an in-memory database would be gone before anyone opened it.
  if (dataDir.startsWith('memory://')) throw new Error('writePreviousReleasePglite needs a data directory, not memory://');
  const migrations = await previousReleaseMigrations();
  // Created as that release's client.ts created it: no extensions.
  const client = await PGlite.create(path.resolve(dataDir));
  try {
    const db = drizzlePglite(client);
    await migratePglite(db, { migrationsFolder: migrations.folder });
    await checkRecordedMigrations((await db.execute(RECORDED)).rows as Array<{ hash: string; created_at: string }>);
    await client.exec(await previousReleaseSql());
    await client.exec('checkpoint');
  } finally {
    await client.close();
    await migrations.remove();
  }
}

/** Writes the previous release's archive into the EMPTY PostgreSQL database at `url`. */
export async function writePreviousReleasePostgres(url: string): Promise<void> {
  const migrations = await previousReleaseMigrations();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const db = drizzlePg(pool);
    await migratePg(db, { migrationsFolder: migrations.folder });
    await checkRecordedMigrations((await db.execute(RECORDED)).rows as Array<{ hash: string; created_at: string }>);
    // No parameters: the simple query protocol, which runs the whole multi-statement file.
    await pool.query(await previousReleaseSql());
  } finally {
    await pool.end();
    await migrations.remove();
  }
}

export interface PreviousReleaseArchive {
  driver: 'pglite' | 'postgres';
  /** For `openDatabase(openOptions)`: the archive, opened (and migrated) by today's code. */
  openOptions: OpenOptions & ({ url: null; dataDir: string } | { url: string });
  /** The PGlite data directory (a temp dir), or the PostgreSQL URL. */
  location: string;
  /** Removes the data directory, or drops the database. Close the opened database first. */
  dispose(): Promise<void>;
}

/**
 * The previous release's archive in a fresh database: a PGlite data directory in a temp dir,
 * or — with a PostgreSQL URL (`url`, default `DATABASE_URL`) — a new database on that server.
 * Pass `url: null` to force PGlite.
 */
export async function openPreviousReleaseArchive(options: { url?: string | null } = {}): Promise<PreviousReleaseArchive> {
  const url = options.url === undefined ? process.env.DATABASE_URL || null : options.url;
  if (!url) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'referat-prev-pglite-'));
    const dataDir = path.join(tmp, 'pglite');
    const dispose = () => rm(tmp, { recursive: true, force: true });
    try {
      await writePreviousReleasePglite(dataDir);
    } catch (error) {
      await dispose();
      throw error;
    }
    return { driver: 'pglite', openOptions: { url: null, dataDir }, location: dataDir, dispose };
  }
  const name = `referat_prev_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const dispose = () => adminQuery(url, `drop database if exists ${name} with (force)`);
  try {
    await writePreviousReleasePostgres(target.toString());
  } catch (error) {
    await dispose();
    throw error;
  }
  return { driver: 'postgres', openOptions: { url: target.toString() }, location: target.toString(), dispose };
}
