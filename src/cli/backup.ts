/**
 * @module `referat backup FILE` and `referat restore FILE`: the whole archive to one file and back
 * (src/db/backup.ts, restore.ts; the format in backup-format.ts).
 *
 * backup: with DATABASE_URL from PostgreSQL directly (a snapshot, beside a running server). On the
 * embedded database a running `referat serve` holds the data directory, so the backup is taken by
 * that server and streamed over its loopback endpoint (web/internal-backup.ts, the same token in
 * the 0600 lock file as `referat import` uses); with no server the command opens the directory
 * itself. The file is written beside FILE, read back whole, and only then renamed to FILE.
 *
 * restore: the file is checked whole before the target is opened; then one transaction replaces
 * the target's schema and rows. Refused while a server holds the embedded database, or while other
 * sessions use the PostgreSQL database; refused into a non-empty database without --force.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { databaseUrl, openDatabase, openPglite, pgliteDataDir, type Db } from '../db/client.js';
import { ArchiveLockedError, describeHolder, type LockHolder } from '../db/lock.js';
import { BackupError, verifyBackup, type BackupHeader } from '../db/backup-format.js';
import { writeBackup } from '../db/backup.js';
import { restoreBackup } from '../db/restore.js';
import * as schema from '../db/schema.js';
import { liveHolder } from './import-remote.js';

const USAGE = `Usage:
  referat backup FILE [--force]    the whole archive into FILE (gzip'd; --force: overwrite FILE)
  referat restore FILE [--force]   FILE into an empty database (--force: replace everything in it)`;

function parseArgs(command: string, args: string[]): { file: string; force: boolean } | { error: string } {
  const files = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && a !== '--force');
  if (unknown.length > 0) return { error: `referat ${command}: unknown option ${unknown[0]}` };
  if (files.length !== 1) return { error: `referat ${command}: one FILE is needed` };
  return { file: files[0]!, force: args.includes('--force') };
}

/** The message, ending with `tail` once (errors from deeper down may say it already). */
const ending = (message: string, tail: string) => (message.includes(tail) ? message : `${message.replace(/\.?$/, '.')} ${tail}`);

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function describeBackup(header: BackupHeader): string {
  const rows = header.tables.reduce((sum, t) => sum + t.rows, 0);
  return `${rows} rows in ${header.tables.length} tables, schema at migration ${header.migrations.length}, Referat ${header.referatVersion}, taken ${header.createdAt}`;
}

/** Asks the server holding the embedded database for a backup, written to `target`. */
async function backupThroughServer(holder: LockHolder, target: string): Promise<void> {
  const endpoint = new URL('/internal/backup', holder.internalUrl);
  let response: Response;
  try {
    response = await fetch(endpoint, { method: 'POST', headers: { authorization: `Bearer ${holder.token}` }, signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new BackupError(`the archive is held by ${describeHolder(holder)}, which does not answer at ${endpoint.origin} (${(error as Error).message}). No backup was written.`);
  }
  if (!response.ok || !response.body) {
    const reason = ((await response.json().catch(() => null)) as { error?: string } | null)?.error ?? response.statusText;
    throw new BackupError(`${describeHolder(holder)} refused the backup: ${response.status} ${reason}. No backup was written.`);
  }
  // The timeout above is for the answer to begin; the transfer itself takes as long as it takes.
  await pipeline(Readable.fromWeb(response.body as never), createWriteStream(target, { flags: 'wx', mode: 0o600 }));
}

/** Writes the backup into `target`, from whichever database the environment names. Returns how it was taken. */
async function takeBackup(target: string): Promise<string> {
  if (databaseUrl()) {
    const database = await openDatabase();
    try {
      await writeBackup(database.db, createWriteStream(target, { flags: 'wx', mode: 0o600 }), { driver: database.driver });
      return `from ${database.location}`;
    } finally {
      await database.close();
    }
  }
  const dataDir = pgliteDataDir();
  const holder = await liveHolder(dataDir, 'backup');
  if (holder) {
    if (!holder.internalUrl || !holder.token) {
      throw new BackupError(`the archive in ${dataDir} is in use by ${describeHolder(holder)}, which takes no backups: try again when it is done. No backup was written.`);
    }
    console.error(`referat backup: the archive is served by ${describeHolder(holder)}; taking the backup through it`);
    await backupThroughServer(holder, target);
    return `through ${describeHolder(holder)}`;
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new BackupError(`there is no archive in ${dataDir} (set REFERAT_DATA_DIR or DATABASE_URL). No backup was written.`);
  let database;
  try {
    database = await openPglite(dataDir);
  } catch (error) {
    if (error instanceof ArchiveLockedError) throw new BackupError(`${error.message}: try again when it is done. No backup was written.`);
    throw error;
  }
  try {
    await writeBackup(database.db, createWriteStream(target, { flags: 'wx', mode: 0o600 }), { driver: 'pglite' });
    return `from ${dataDir}`;
  } finally {
    await database.close();
  }
}

export async function runBackup(args: string[]): Promise<number> {
  const parsed = parseArgs('backup', args);
  if ('error' in parsed) {
    console.error(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { file, force } = parsed;
  if (existsSync(file) && !force) {
    console.error(`referat backup: ${file} exists; give --force to overwrite it. No backup was written.`);
    return 1;
  }
  // Written beside the file and renamed at the end: FILE is never a half-written backup.
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
  try {
    const how = await takeBackup(partial);
    const header = await verifyBackup(partial);
    await rename(partial, file);
    console.log(`backup ${file}: ${describeBackup(header)}; ${megabytes((await stat(file)).size)}, ${how}`);
    return 0;
  } catch (error) {
    await rm(partial, { force: true });
    console.error(`referat backup: ${ending((error as Error).message, 'No backup was written.')}`);
    return 1;
  }
}

/** Opens the restore's target: PostgreSQL on one connection of its own, or the embedded database under its lock. */
async function openTarget(): Promise<{ db: Db; driver: 'pglite' | 'postgres'; where: string; close(): Promise<void> }> {
  const url = databaseUrl();
  if (url) {
    const client = new pg.Client({ connectionString: url, application_name: 'referat restore' });
    await client.connect();
    return { db: drizzlePg(client, { schema }) as unknown as Db, driver: 'postgres', where: url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@'), close: () => client.end() };
  }
  const dataDir = pgliteDataDir();
  try {
    const database = await openPglite(dataDir);
    return {
      db: database.db,
      driver: 'pglite',
      where: dataDir,
      close: async () => {
        await database.checkpoint().catch(() => undefined);
        await database.close();
      },
    };
  } catch (error) {
    if (!(error instanceof ArchiveLockedError)) throw error;
    throw new BackupError(`the archive in ${dataDir} is in use by ${describeHolder(error.holder)}: stop it before restoring into it. Nothing was changed.`);
  }
}

export async function runRestore(args: string[]): Promise<number> {
  const parsed = parseArgs('restore', args);
  if ('error' in parsed) {
    console.error(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  const { file, force } = parsed;
  try {
    // The whole file is checked before the target is even opened.
    const header = await verifyBackup(file);
    const target = await openTarget();
    try {
      const summary = await restoreBackup(target.db, target.driver, file, { force, verified: header });
      const migrated = summary.migratedTo > summary.migratedFrom ? `, migrated from ${summary.migratedFrom} to ${summary.migratedTo}` : '';
      console.log(`restored ${file} into ${target.where}: ${describeBackup(header)}${migrated}`);
      return 0;
    } finally {
      await target.close();
    }
  } catch (error) {
    console.error(`referat restore: ${ending((error as Error).message, 'Nothing was changed.')}`);
    return 1;
  }
}
