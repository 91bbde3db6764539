/**
 * @module The backup file (`referat backup`): one format for PGlite and PostgreSQL.
 *
 * A gzip'd stream of lines, each one JSON value:
 *
 *   {"format":"referat-backup","formatVersion":1,…}   the header: Referat's version, the schema's
 *                                                      migrations, every table with its columns,
 *                                                      types and row count, every sequence's value
 *   {"table":"authorities"}                            the rows of a table follow, in header order
 *   ["1","Kommunernes Landsforening",…]                one row: each column's text form (or null);
 *                                                      bytea as base64
 *   …
 *   {"end":true,"rows":1234,"sha256":"…"}              the trailer: the SHA-256 of every line above
 *                                                      it (newlines included), and the row total
 *
 * The checksum sits in the trailer because the file is written as it is read from the database,
 * never held whole; a file without its trailer is truncated. `readBackup` checks all of it —
 * gzip, JSON, order, counts, checksum — and names the file and the problem.
 */
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createGunzip } from 'node:zlib';

export const BACKUP_FORMAT = 'referat-backup';
/** The format this code writes and reads; a file of a higher version is refused. */
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupTable {
  name: string;
  columns: string[];
  /** Each column's type as `format_type` gives it (information, and bytea's encoding). */
  types: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  referatVersion: string;
  createdAt: string;
  driver: 'pglite' | 'postgres';
  /** drizzle's applied migrations, oldest first: the schema level the rows belong to. */
  migrations: Array<{ hash: string; createdAt: number }>;
  /** In dependency order: a table comes after the tables its foreign keys point to. */
  tables: BackupTable[];
  sequences: Array<{ name: string; value: string; called: boolean }>;
}

export interface BackupTrailer {
  end: true;
  rows: number;
  sha256: string;
}

/** A refused backup or restore: the message says what and why, and that nothing was changed. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** A backup file that cannot be read as one: names the file and the problem. */
export class BackupFileError extends BackupError {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'BackupFileError';
  }
}

/** Referat's version, from package.json. */
export function referatVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

/** What `readBackup` yields: the header first, then each table's start and its rows' JSON text. */
export type BackupEvent = { type: 'header'; header: BackupHeader } | { type: 'table'; table: BackupTable } | { type: 'row'; json: string };

/** The lines of a gunzipped stream as raw bytes; the last one `complete: false` when no newline ends it. */
async function* lines(stream: AsyncIterable<Buffer>): AsyncGenerator<{ bytes: Buffer; complete: boolean }> {
  let pending: Buffer[] = [];
  for await (const chunk of stream) {
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      yield { bytes: pending.length === 1 ? pending[0]! : Buffer.concat(pending), complete: true };
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  if (pending.length > 0) yield { bytes: Buffer.concat(pending), complete: false };
}

/** The problem a read or gunzip error means, in words. */
function streamProblem(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'file not found';
  if (error.code === 'EISDIR') return 'is a folder, not a backup file';
  if (error.code === 'Z_BUF_ERROR') return 'the file is truncated (its gzip data ends early)';
  if (error.code === 'Z_DATA_ERROR') return /header/.test(error.message) ? 'not a Referat backup (not gzip data)' : `the file is corrupt (${error.message})`;
  return error.message;
}

function checkHeader(file: string, value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (!header || typeof header !== 'object' || header.format !== BACKUP_FORMAT) throw new BackupFileError(file, 'not a Referat backup (no backup header)');
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupFileError(file, `written in backup format ${String(header.formatVersion)}, newer than this Referat reads (${BACKUP_FORMAT_VERSION}); restore it with a newer Referat`);
  }
  const tablesOk =
    Array.isArray(header.tables) &&
    header.tables.every((t) => t && typeof t.name === 'string' && Array.isArray(t.columns) && Array.isArray(t.types) && t.columns.length === t.types.length && Number.isInteger(t.rows));
  const sequencesOk = Array.isArray(header.sequences) && header.sequences.every((s) => s && typeof s.name === 'string' && /^-?\d+$/.test(String(s.value)));
  const migrationsOk = Array.isArray(header.migrations) && header.migrations.every((m) => m && typeof m.hash === 'string' && typeof m.createdAt === 'number');
  if (!tablesOk || !sequencesOk || !migrationsOk) throw new BackupFileError(file, 'the backup header is incomplete (tables, sequences or migrations missing or malformed)');
  return header as BackupHeader;
}

/**
 * Reads a backup file, checking as it goes, and yields its header, tables and rows. Throws
 * BackupFileError at the first problem — also at the end, for a wrong checksum or count — so a
 * caller that loads rows inside a transaction rolls back on any damage.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const gunzip = createGunzip();
  const source = createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const hash = createHash('sha256');
  let header: BackupHeader | null = null;
  let tableIndex = -1;
  let rowsInTable = 0;
  let total = 0;
  let trailer: BackupTrailer | null = null;
  let lineNumber = 0;
  const fail = (problem: string): never => {
    throw new BackupFileError(file, problem);
  };
  const endTable = () => {
    const table = header!.tables[tableIndex];
    if (table && rowsInTable !== table.rows) fail(`table ${table.name} has ${rowsInTable} rows, the header says ${table.rows}: the file is damaged`);
  };
  try {
    for await (const { bytes, complete } of lines(gunzip)) {
      lineNumber++;
      if (!complete) fail(`the file is truncated (line ${lineNumber} is cut off)`);
      if (trailer) fail(`data after the end marker (line ${lineNumber})`);
      const first = bytes[0];
      if (first === 0x5b /* [ */ && header) {
        if (tableIndex < 0) fail(`line ${lineNumber}: a row before any table`);
        hash.update(bytes).update('\n');
        rowsInTable++;
        total++;
        yield { type: 'row', json: bytes.toString('utf8') };
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(bytes.toString('utf8'));
      } catch {
        fail(lineNumber === 1 ? 'not a Referat backup (no backup header)' : `line ${lineNumber} is not JSON: the file is damaged`);
      }
      if (!header) {
        header = checkHeader(file, value);
        hash.update(bytes).update('\n');
        yield { type: 'header', header };
        continue;
      }
      const marker = value as { table?: unknown; end?: unknown; rows?: unknown; sha256?: unknown };
      if (typeof marker.table === 'string') {
        endTable();
        tableIndex++;
        const table = header.tables[tableIndex];
        if (!table || table.name !== marker.table) fail(`line ${lineNumber}: table ${marker.table} is not the next table the header lists (${table?.name ?? 'none'})`);
        rowsInTable = 0;
        hash.update(bytes).update('\n');
        yield { type: 'table', table: table! };
      } else if (marker.end === true) {
        endTable();
        trailer = marker as BackupTrailer;
      } else fail(`line ${lineNumber} is neither a row, a table nor the end marker: the file is damaged`);
    }
  } catch (error) {
    if (error instanceof BackupFileError) throw error;
    throw new BackupFileError(file, streamProblem(error as NodeJS.ErrnoException));
  } finally {
    source.destroy();
    gunzip.destroy();
  }
  if (!header) fail('the file is empty: not a Referat backup');
  if (!trailer) fail('the file is truncated (its end marker is missing)');
  if (tableIndex !== header!.tables.length - 1) fail(`the file ends after ${tableIndex + 1} of ${header!.tables.length} tables: it is truncated`);
  if (trailer!.rows !== total) fail(`the file holds ${total} rows, its end marker says ${String(trailer!.rows)}: the file is damaged`);
  if (trailer!.sha256 !== hash.digest('hex')) fail('the checksum does not match its contents: the file is damaged');
}

/** Reads a whole backup file, checking everything, and returns its header. */
export async function verifyBackup(file: string): Promise<BackupHeader> {
  let header: BackupHeader | null = null;
  for await (const event of readBackup(file)) if (event.type === 'header') header = event.header;
  return header!;
}
