/**
 * @module `referat backup`: the whole archive as one backup file (format: backup-format.ts),
 * from either driver, while the server runs.
 *
 * One REPEATABLE READ READ ONLY transaction is the snapshot: every table, row count and sequence
 * as of one moment, whatever is written meanwhile. The tables and columns are read from the
 * database's catalog, not from schema.ts, so whatever a migration adds is in the backup without
 * a change here; generated columns (the search vectors) are left out and computed again on
 * restore. Rows come through a cursor, a bounded number of bytes at a time, and go straight into
 * gzip: memory stays bounded however large the archive (down to the largest single row).
 *
 * On PGlite the transaction holds the database's one connection: the server answers other
 * requests when the backup is done.
 */
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BackupError, referatVersion, type BackupHeader, type BackupTable } from './backup-format.js';
import type { Tx } from './content.js';

/** About this many bytes of rows are fetched at a time (estimated from each table's average row). */
const BATCH_BYTES = 4 * 1024 * 1024;
const MAX_BATCH_ROWS = 2000;

export interface BackupSummary {
  header: BackupHeader;
  rows: number;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function rows<T>(tx: Tx, query: string): Promise<T[]> {
  return ((await tx.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}

interface CatalogTable {
  oid: number;
  name: string;
  columns: string[];
  types: string[];
  primaryKey: string[];
  parents: number[];
  bytes: number;
}

/** The tables of the public schema (partitions through their parent), with columns, keys and foreign keys. */
export async function catalogTables(tx: Tx): Promise<CatalogTable[]> {
  const tables = await rows<{ oid: number; name: string; bytes: number }>(
    tx,
    `select c.oid::int as oid, c.relname as name, pg_table_size(c.oid)::float8 as bytes
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
        and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype = 'e')
      order by c.relname`,
  );
  const columns = await rows<{ oid: number; name: string; type: string; generated: string }>(
    tx,
    `select a.attrelid::int as oid, a.attname as name, format_type(a.atttypid, a.atttypmod) as type, a.attgenerated::text as generated
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and a.attnum > 0 and not a.attisdropped
      order by a.attrelid, a.attnum`,
  );
  const keys = await rows<{ oid: number; name: string }>(
    tx,
    `select i.indrelid::int as oid, a.attname as name
       from pg_index i cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
       join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
      where i.indisprimary order by i.indrelid, k.position`,
  );
  const references = await rows<{ oid: number; parent: number }>(
    tx,
    `select conrelid::int as oid, confrelid::int as parent from pg_constraint where contype = 'f' and conrelid <> confrelid`,
  );
  return tables.map((t) => {
    const own = columns.filter((c) => c.oid === t.oid && !c.generated);
    return {
      oid: t.oid,
      name: t.name,
      columns: own.map((c) => c.name),
      types: own.map((c) => c.type),
      primaryKey: keys.filter((k) => k.oid === t.oid).map((k) => k.name),
      parents: references.filter((r) => r.oid === t.oid).map((r) => r.parent),
      bytes: Number(t.bytes),
    };
  });
}

/** Tables ordered so each comes after those its foreign keys point to (alphabetical otherwise, for stable files). */
export function dependencyOrder<T extends { oid: number; name: string; parents: number[] }>(tables: T[]): T[] {
  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const done = new Set<number>();
  const visiting = new Set<number>();
  const out: T[] = [];
  const visit = (t: T) => {
    if (done.has(t.oid)) return;
    if (visiting.has(t.oid)) throw new BackupError(`the tables' foreign keys form a cycle through ${t.name}: no order to restore them in`);
    visiting.add(t.oid);
    for (const parent of t.parents) {
      const p = byOid.get(parent);
      if (p) visit(p);
    }
    visiting.delete(t.oid);
    done.add(t.oid);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t);
  return out;
}

/** The SQL giving one row as a JSON array of its columns' text forms; bytea as base64 (two thirds of hex's size). */
function rowJson(table: CatalogTable): string {
  const values = table.columns.map((c, i) =>
    // encode's line breaks stay (decode skips them): stripping them costs more than they weigh.
    table.types[i] === 'bytea' ? `encode(${quoteIdent(c)}, 'base64')` : `${quoteIdent(c)}::text`,
  );
  return values.length > 0 ? `array_to_json(array[${values.join(', ')}]::text[])::text` : `'[]'`;
}

/** Waits until `stream` takes more; rejects when it fails or closes first (a receiver gone away must end the transaction). */
function drained(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: Error) => {
      stream.off('drain', onDrain).off('error', onError).off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(new BackupError('the backup stream was closed before the end (the receiver went away)'));
    stream.on('drain', onDrain).on('error', onError).on('close', onClose);
  });
}

/**
 * Writes a backup of the whole archive to `out` (gzip'd) and ends it. Rejects — with the
 * transaction rolled back — when the database fails or `out` breaks (a caller gone away).
 */
export async function writeBackup(db: Db, out: Writable, options: { driver: 'pglite' | 'postgres' }): Promise<BackupSummary> {
  const gzip = createGzip({ level: 6 });
  const piped = pipeline(gzip, out);
  piped.catch(() => undefined); // awaited below; a break shows up in the writes first
  const hash = createHash('sha256');
  const put = async (text: string) => {
    if (gzip.destroyed) throw new BackupError('the backup stream was closed before the end (the receiver went away)');
    hash.update(text);
    if (!gzip.write(text)) await drained(gzip);
  };
  let summary: BackupSummary;
  try {
    summary = await db.transaction(
      async (tx) => {
        // Text forms independent of the session's settings: UTC times, ISO dates, exact floats.
        await tx.execute(sql.raw(`set local timezone = 'UTC'`));
        await tx.execute(sql.raw(`set local datestyle = 'ISO, YMD'`));
        await tx.execute(sql.raw(`set local intervalstyle = 'postgres'`));
        await tx.execute(sql.raw(`set local extra_float_digits = 1`));
        const tables = dependencyOrder(await catalogTables(tx));
        const counted: Array<CatalogTable & { rows: number }> = [];
        for (const t of tables) {
          const [row] = await rows<{ n: number }>(tx, `select count(*)::int as n from ${quoteIdent(t.name)}`);
          counted.push({ ...t, rows: Number(row!.n) });
        }
        // Read after the snapshot began: at least as high as any id a row in it was given.
        const sequences: BackupHeader['sequences'] = [];
        const names = await rows<{ name: string }>(
          tx,
          `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
        );
        for (const { name } of names) {
          const [s] = await rows<{ value: string; called: boolean }>(tx, `select last_value::text as value, is_called as called from ${quoteIdent(name)}`);
          sequences.push({ name, value: s!.value, called: s!.called });
        }
        const migrations = (
          await rows<{ hash: string; createdAt: string }>(tx, `select hash, created_at::text as "createdAt" from drizzle.__drizzle_migrations order by created_at, id`)
        ).map((m) => ({ hash: m.hash, createdAt: Number(m.createdAt) }));
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          referatVersion: referatVersion(),
          createdAt: new Date().toISOString(),
          driver: options.driver,
          migrations,
          tables: counted.map((t): BackupTable => ({ name: t.name, columns: t.columns, types: t.types, rows: t.rows })),
          sequences,
        };
        await put(`${JSON.stringify(header)}\n`);
        let total = 0;
        for (const table of counted) {
          await put(`${JSON.stringify({ table: table.name })}\n`);
          if (table.rows === 0) continue;
          const order = table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdent).join(', ') : '1';
          const batch = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(BATCH_BYTES / Math.max(1, table.bytes / table.rows))));
          await tx.execute(sql.raw(`declare referat_backup no scroll cursor for select ${rowJson(table)} as line from ${quoteIdent(table.name)} order by ${order}`));
          for (;;) {
            const fetched = await rows<{ line: string }>(tx, `fetch forward ${batch} from referat_backup`);
            if (fetched.length === 0) break;
            total += fetched.length;
            await put(`${fetched.map((r) => r.line).join('\n')}\n`);
          }
          await tx.execute(sql.raw('close referat_backup'));
        }
        return { header, rows: total };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    // The trailer is the one line the checksum does not cover.
    gzip.end(`${JSON.stringify({ end: true, rows: summary.rows, sha256: hash.digest('hex') })}\n`);
    await piped;
  } catch (error) {
    gzip.destroy(error as Error);
    out.destroy(error as Error);
    throw error;
  }
  return summary;
}
