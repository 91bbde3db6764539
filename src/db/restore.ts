/**
 * @module `referat restore`: a backup file (backup-format.ts) into a database, all or nothing.
 *
 * The file is checked whole first (gzip, counts, checksum), before the database is touched. Then
 * one transaction: the schema is rebuilt from the migrations up to the backup's level, the rows
 * go in table by table (user triggers off while they do, so nothing derived is written twice),
 * the sequences get their values, and the migrations that came after the backup are applied to
 * the restored rows as to any archive being upgraded. The rows are checked again as they are
 * read; any failure rolls the whole transaction back and leaves the database as it was.
 *
 * Only into an empty database (no rows in any table), unless `force`; never from a backup of a
 * newer schema than this Referat knows, nor into a database migrated by a newer Referat; on
 * PostgreSQL never while another session is connected to the database (a server running on it).
 */
import { sql } from 'drizzle-orm';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { migrationsFolder, type Db } from './client.js';
import type { Tx } from './content.js';
import { BackupError, BackupFileError, readBackup, verifyBackup, type BackupHeader, type BackupTable } from './backup-format.js';
import { catalogTables, quoteIdent } from './backup.js';

const BATCH_ROWS = 1000;
const BATCH_CHARS = 4 * 1024 * 1024;

export interface RestoreOptions {
  /** Replace whatever the database holds. */
  force?: boolean;
  migrationsFolder?: string;
  /** The header of a file the caller has just checked whole (verifyBackup): not read twice. */
  verified?: BackupHeader;
}

export interface RestoreSummary {
  header: BackupHeader;
  rows: number;
  /** Migrations the backup had, and how many the database has now. */
  migratedFrom: number;
  migratedTo: number;
}

async function rows<T>(tx: Tx, query: string): Promise<T[]> {
  return ((await tx.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}

/** The backup's migrations must be the first of this Referat's: returns how many that is. */
export function backupLevel(file: string, header: BackupHeader, local: MigrationMeta[]): number {
  header.migrations.forEach((m, i) => {
    const ours = local[i];
    if (!ours) {
      throw new BackupFileError(
        file,
        `the backup is of a newer schema (${header.migrations.length} migrations, this Referat knows ${local.length}; written by Referat ${header.referatVersion}): restore it with that Referat or a newer one. Nothing was changed.`,
      );
    }
    if (ours.folderMillis !== m.createdAt) {
      throw new BackupFileError(file, `the backup's migration ${i + 1} (of ${m.createdAt}) is not this Referat's (of ${ours.folderMillis}): it comes from another line of development. Nothing was changed.`);
    }
  });
  return header.migrations.length;
}

/** Applies migrations as drizzle's migrator does (the same statements, the same bookkeeping), inside the caller's transaction. */
async function applyMigrations(tx: Tx, migrations: MigrationMeta[]): Promise<void> {
  await tx.execute(sql.raw('create schema if not exists drizzle'));
  await tx.execute(sql.raw('create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)'));
  for (const migration of migrations) {
    for (const statement of migration.sql) if (statement.trim()) await tx.execute(sql.raw(statement));
    await tx.execute(sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`);
  }
}

/** Drops everything Referat's migrations make: the drizzle schema and every table, view, sequence, function and type in public (extensions' own objects stay). */
async function dropSchema(tx: Tx): Promise<void> {
  await tx.execute(sql.raw('drop schema if exists drizzle cascade'));
  const notExtension = (oid: string) => `not exists (select 1 from pg_depend d where d.objid = ${oid} and d.deptype = 'e')`;
  const relations = await rows<{ name: string; kind: string }>(
    tx,
    `select c.relname as name, c.relkind::text as kind from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and ${notExtension('c.oid')}`,
  );
  const word: Record<string, string> = { r: 'table', p: 'table', v: 'view', m: 'materialized view', S: 'sequence', f: 'foreign table' };
  for (const kind of ['r', 'p', 'f', 'm', 'v', 'S']) {
    for (const r of relations.filter((x) => x.kind === kind)) await tx.execute(sql.raw(`drop ${word[kind]} if exists ${quoteIdent(r.name)} cascade`));
  }
  const functions = await rows<{ signature: string; kind: string }>(
    tx,
    `select p.oid::regprocedure::text as signature, p.prokind::text as kind from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and ${notExtension('p.oid')}`,
  );
  for (const f of functions) await tx.execute(sql.raw(`drop ${f.kind === 'p' ? 'procedure' : f.kind === 'a' ? 'aggregate' : 'function'} if exists ${f.signature} cascade`));
  const types = await rows<{ name: string; kind: string }>(
    tx,
    `select t.typname as name, t.typtype::text as kind from pg_type t join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public' and t.typtype in ('e', 'd', 'r', 'c') and ${notExtension('t.oid')}
        and (t.typtype <> 'c' or (select relkind from pg_class where oid = t.typrelid) = 'c')`,
  );
  for (const t of types) await tx.execute(sql.raw(`drop ${t.kind === 'd' ? 'domain' : 'type'} if exists ${quoteIdent(t.name)} cascade`));
}

/** Refuses a target that is not empty (without force), or that a newer Referat migrated. */
async function checkTarget(tx: Tx, local: MigrationMeta[], force: boolean): Promise<void> {
  const [known] = await rows<{ exists: boolean }>(tx, `select to_regclass('drizzle.__drizzle_migrations') is not null as exists`);
  if (known?.exists) {
    const [last] = await rows<{ at: string | null }>(tx, 'select max(created_at)::text as at from drizzle.__drizzle_migrations');
    const newest = local.at(-1)?.folderMillis ?? 0;
    if (last?.at && Number(last.at) > newest) throw new BackupError('the database was migrated by a newer Referat than this one: restore with that Referat. Nothing was changed.');
  }
  if (force) return;
  const filled: string[] = [];
  for (const table of await catalogTables(tx)) {
    const [row] = await rows<{ n: number }>(tx, `select count(*)::int as n from (select 1 from ${quoteIdent(table.name)} limit 1000) t`);
    if (Number(row!.n) > 0) filled.push(`${table.name}: ${Number(row!.n) >= 1000 ? '1000 or more' : row!.n} rows`);
  }
  if (filled.length > 0) {
    throw new BackupError(
      `the database is not empty (${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ', …' : ''}): restore into an empty database, or give --force to replace everything in it. Nothing was changed.`,
    );
  }
}

/** The INSERT for a batch of a table's rows, each a JSON array of text forms, cast by the target's column types. */
async function insertStatement(tx: Tx, table: BackupTable): Promise<{ prefix: string; suffix: string }> {
  const [found] = await catalogTables(tx).then((all) => all.filter((t) => t.name === table.name));
  if (!found) throw new BackupError(`the backup's table ${table.name} is not in the schema its migrations make: the backup does not fit this Referat. Nothing was changed.`);
  const types = new Map(found.columns.map((c, i) => [c, found.types[i]!]));
  const values = table.columns.map((column, i) => {
    const type = types.get(column);
    if (!type) throw new BackupError(`the backup's column ${table.name}.${column} is not in the schema its migrations make. Nothing was changed.`);
    return type === 'bytea' ? `decode(r->>${i}, 'base64')` : `(r->>${i})::${type}`;
  });
  return {
    prefix: `insert into ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(', ')}) overriding system value select ${values.join(', ')} from json_array_elements(`,
    suffix: ') as e(r)',
  };
}

/**
 * Restores a backup file into the database `db` (PGlite or PostgreSQL), replacing its schema. The
 * caller holds the database alone (the PGlite lock; on PostgreSQL this checks for other sessions).
 */
export async function restoreBackup(db: Db, driver: 'pglite' | 'postgres', file: string, options: RestoreOptions = {}): Promise<RestoreSummary> {
  const header = options.verified ?? (await verifyBackup(file));
  const local = readMigrationFiles({ migrationsFolder: options.migrationsFolder ?? migrationsFolder });
  const level = backupLevel(file, header, local);
  const headerText = JSON.stringify(header);
  return db.transaction(async (tx) => {
    if (driver === 'postgres') {
      const [others] = await rows<{ n: number }>(
        tx,
        `select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      );
      if (Number(others!.n) > 0) {
        throw new BackupError(`${others!.n} other session(s) are connected to the database (a server running on it?): stop them first. Nothing was changed.`);
      }
    }
    await checkTarget(tx, local, options.force ?? false);
    await tx.execute(sql.raw(`set local timezone = 'UTC'`));
    await tx.execute(sql.raw(`set local datestyle = 'ISO, YMD'`));
    await tx.execute(sql.raw(`set local intervalstyle = 'postgres'`));
    await dropSchema(tx);
    await applyMigrations(tx, local.slice(0, level));

    let statement: { prefix: string; suffix: string } | null = null;
    let batch: string[] = [];
    let chars = 0;
    let total = 0;
    const loaded: string[] = [];
    const flush = async () => {
      if (batch.length === 0 || !statement) return;
      const json = `[${batch.join(',')}]`;
      await tx.execute(sql`${sql.raw(statement.prefix)}${json}::json${sql.raw(statement.suffix)}`);
      total += batch.length;
      batch = [];
      chars = 0;
    };
    for await (const event of readBackup(file)) {
      if (event.type === 'header') {
        if (JSON.stringify(event.header) !== headerText) throw new BackupFileError(file, 'the file changed while it was being restored. Nothing was changed.');
      } else if (event.type === 'table') {
        await flush();
        statement = await insertStatement(tx, event.table);
        await tx.execute(sql.raw(`alter table ${quoteIdent(event.table.name)} disable trigger user`));
        loaded.push(event.table.name);
      } else {
        batch.push(event.json);
        chars += event.json.length;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      }
    }
    await flush();
    for (const name of loaded) await tx.execute(sql.raw(`alter table ${quoteIdent(name)} enable trigger user`));
    for (const s of header.sequences) {
      const [exists] = await rows<{ ok: boolean }>(tx, `select to_regclass('public.${quoteIdent(s.name).replace(/'/g, "''")}') is not null as ok`);
      if (!exists?.ok) throw new BackupError(`the backup's sequence ${s.name} is not in the schema its migrations make. Nothing was changed.`);
      await tx.execute(sql`select setval(${`public.${quoteIdent(s.name)}`}::regclass, ${s.value}::bigint, ${s.called})`);
    }
    await applyMigrations(tx, local.slice(level));
    return { header, rows: total, migratedFrom: level, migratedTo: local.length };
  });
}
