/**
 * @module Test databases: an in-memory PGlite by default, or — when `DATABASE_URL` is set — a
 * fresh database on that server, dropped on close, so test files never see each other's rows.
 * Each starts as a copy of a migrated template (a dumped PGlite data directory in the temp
 * directory; a template database on the server), made once per set of migrations, because
 * running every migration for each of the suite's ~75 databases was a fifth of its time.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrationsFolder, openDatabase, openPostgres, type Database } from './client.js';

/** Opens an empty, migrated database for one test file. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openTestPglite();
  const name = `referat_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${await postgresTemplate(url)}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = await openPostgres(target.toString());
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * An empty, migrated in-memory PGlite, in-process or in a worker thread (`pgliteWorker`; the
 * default is openDatabase's, REFERAT_PGLITE_WORKER).
 */
export async function openTestPglite(options: { pgliteWorker?: boolean } = {}): Promise<Database> {
  return openDatabase({ url: null, dataDir: 'memory://', loadDataDir: await pgliteTemplate(), ...options });
}

/** A short hash of every migration file: a template is reused only for the same migrations. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(entry.name).update(readFileSync(file));
    }
  };
  walk(migrationsFolder);
  return hash.digest('hex').slice(0, 16);
}

let pgliteTemplateFile: Promise<string> | undefined;

/** The migrated PGlite data directory as a tar file, made once and shared by the suite's processes. */
function pgliteTemplatePath(): Promise<string> {
  pgliteTemplateFile ??= (async () => {
    const dir = path.join(tmpdir(), 'referat-test-templates');
    const file = path.join(dir, `pglite-${migrationsHash()}.tar`);
    if (existsSync(file)) return file;
    const database = await openDatabase({ url: null, dataDir: 'memory://' });
    try {
      const bytes = new Uint8Array(await (await database.dumpDataDir!()).arrayBuffer());
      mkdirSync(dir, { recursive: true });
      // Written aside and renamed: a process reading it never sees half a file.
      const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      return file;
    } finally {
      await database.close();
    }
  })();
  return pgliteTemplateFile;
}

let pgliteTemplateBytes: Promise<Blob> | undefined;

/** The template's bytes, read once per process. */
function pgliteTemplate(): Promise<Blob> {
  pgliteTemplateBytes ??= pgliteTemplatePath().then((file) => new Blob([readFileSync(file)]));
  return pgliteTemplateBytes;
}

/**
 * Makes `dataDir` a migrated PGlite data directory, as the first `referat` command on it would,
 * by unpacking the template: a child's first open then skips initdb and has no migration to apply
 * (seconds each). For tests whose subject is not the creation of a new directory.
 */
export async function migratedDataDir(dataDir: string): Promise<string> {
  mkdirSync(dataDir, { recursive: true });
  execFileSync('tar', ['-xf', await pgliteTemplatePath(), '-C', dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  return dataDir;
}

/** The name of a migrated template database on the server, created (under a lock) if missing. */
async function postgresTemplate(url: string): Promise<string> {
  const name = `referat_template_${migrationsHash()}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // One process creates it; the others wait on the lock and then find it.
    await client.query('select pg_advisory_lock(hashtext($1))', [name]);
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      const building = `${name}_building`;
      await client.query(`drop database if exists ${building} with (force)`);
      await client.query(`create database ${building}`);
      const target = new URL(url);
      target.pathname = `/${building}`;
      const database = await openDatabase({ url: target.toString() });
      await database.close();
      await client.query(`alter database ${building} rename to ${name}`);
    }
    return name;
  } finally {
    await client.end();
  }
}

/** Runs one statement on the server's own database (create/drop database cannot run in a pool transaction). */
export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
