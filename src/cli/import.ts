/**
 * @module `referat import FILES…|DIR [--body NAME] [--date YYYY-MM-DD]`: parse and store
 * documents, several to a transaction (store-batch.ts), so a bad file is reported and skipped while the rest go in.
 * Progress goes to stderr; the summary (imported / updated / failed, one line per failure) to stdout.
 * On the embedded database, when `referat serve` holds it, the files are imported by that server
 * (see web/internal.ts): one process writes, and its pages show the new documents at once.
 */
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { databaseUrl, openDatabase, pgliteDataDir, type Database } from '../db/client.js';
import { ArchiveLockedError, describeHolder, type LockHolder } from '../db/lock.js';
import { DEFAULT_BATCH, storeDocuments } from '../db/store-batch.js';
import type { StoreStatus } from '../db/store.js';
import { ImportError, type ImportOptions } from '../import/index.js';
import { parseImportArgs } from './args.js';
import { parseAll, type ParseResult } from '../import/parse-pool.js';
import { detectFormat } from '../import/read/detect.js';
import { acadreAgendaPathOf, closedCounts } from '../import/xml/index.js';
import { importThroughServer, liveHolder } from './import-remote.js';
import { sendAlertsOnce } from '../alerts/index.js';

/** Plain-text files are picked up by these extensions; PDF, Word, HTML and XML by their content. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '']);

/** Whether a file in a walked folder is a document to import: told by its first bytes, not only its name. */
async function isDocument(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const format = detectFormat(head.subarray(0, bytesRead), file);
    if (format === 'pdf' || format === 'docx' || format === 'html' || format === 'xml') return true;
    // Text (and what claims to be text but is not, so the summary can say why) by its extension.
    return TEXT_EXTENSIONS.has(path.extname(file).toLowerCase());
  } finally {
    await handle.close();
  }
}

const USAGE = 'Usage: referat import FILES…|DIR [--body NAME] [--authority NAME] [--date YYYY-MM-DD] [--force]';

export interface ImportSummary {
  imported: string[];
  updated: string[];
  /** The same file, read the same way as the current version: nothing stored. */
  unchanged: string[];
  /** Stored as a new version but not made current: it reads less of the meeting than the current one. */
  kept: string[];
  failed: Array<{ file: string; reason: string }>;
  /** Files not reached because the run was stopped (SIGTERM, Ctrl-C): nothing of them is stored. */
  notReached?: string[];
  /** Files a folder walk passed over, with the reason (named after the failures). */
  skipped?: SkippedFile[];
  /** One row per file, in order, for the summary table. */
  rows: Array<{ file: string; result: StoreStatus | 'failed'; items: number; closed: number; closedBilag: number; note: string }>;
}

/** Parses the command line, imports, prints the summary; the exit code is 1 when any file failed. */
export async function runImport(args: string[]): Promise<number> {
  const parsed = parseImportArgs(args);
  if ('error' in parsed) {
    console.error(parsed.error);
    console.error(USAGE);
    return 2;
  }
  const files = await collectFiles(parsed.paths);
  if (files.missing.length === 0 && files.found.length === 0) {
    console.error('referat import: no documents found');
    for (const { file, reason } of files.skipped) console.error(`  skipped: ${file}: ${reason}`);
    return 1;
  }
  // The embedded database has one writer: when a server holds it, the files go through that server.
  if (!databaseUrl()) {
    const dataDir = pgliteDataDir();
    let holder: LockHolder | null;
    try {
      holder = await liveHolder(dataDir);
    } catch (error) {
      // EACCES: the lock belongs to another user, whose process holds the archive.
      console.error(`referat import: cannot read the lock of the archive in ${dataDir}: ${oneLine(error)}. Nothing was imported.`);
      return 1;
    }
    if (holder) return importThroughServer(dataDir, holder, files, parsed.options);
  }
  let database: Database;
  try {
    database = await openDatabase();
  } catch (error) {
    if (error instanceof ArchiveLockedError) {
      // Taken in the moment between looking and opening.
      console.error(`referat import: ${error.message}. Nothing was imported; try again when it is done.`);
    } else {
      console.error(`referat import: cannot open the database: ${oneLine(error)}`);
    }
    return 1;
  }
  // A stop (SIGTERM, Ctrl-C) lets the document being stored commit, then ends the run with a
  // summary; a second one ends the process at once (the open transaction rolls back).
  const stop = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (stop.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
    console.error(`referat import: ${signal}: stopping after the document being stored`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await importFiles(database, files.found, parsed.options, progressReporter(files.found.length), stop.signal, importBatchSize());
    summary.failed.unshift(...files.missing.map((file) => ({ file, reason: 'file or folder not found' })));
    summary.skipped = files.skipped;
    if (summary.imported.length + summary.updated.length > 0) {
      await database.checkpoint().catch((error: unknown) => console.error(`referat import: checkpoint failed: ${oneLine(error)}`));
    }
    console.log(formatSummary(summary));
    if (stop.signal.aborted) return 143;
    // After the commits, never failing the import: what is not sent now goes with the next run.
    await sendAlertsOnce(database.db, `http://localhost:${process.env.PORT ?? 3000}`);
    return summary.failed.length > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await database.close().catch((error: unknown) => console.error(`referat import: closing the database: ${oneLine(error)}`));
  }
}

/** A file or folder a walk passed over, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/**
 * Files to import, folders walked recursively, in a stable order. What the walk passes over is
 * named with the reason (a hidden file or folder, a file in no meeting document format, an agenda
 * its Acadre manifest imports): nothing in a folder is dropped silently.
 */
export async function collectFiles(paths: string[]): Promise<{ found: string[]; missing: string[]; skipped: SkippedFile[] }> {
  const found: string[] = [];
  const missing: string[] = [];
  const skipped: SkippedFile[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      // A hidden folder is named once, not file by file (.git holds thousands).
      if (entry.name.startsWith('.')) skipped.push({ file: full, reason: entry.isDirectory() ? 'hidden folder' : 'hidden file' });
      else if (entry.isDirectory()) await walk(full);
      else if (!entry.isFile()) skipped.push({ file: full, reason: 'not a regular file' });
      else {
        const why = await whyNotDocument(full);
        if (why) skipped.push({ file: full, reason: why });
        else found.push(full);
      }
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) missing.push(p);
    else if (info.isDirectory()) await walk(p);
    else found.push(p);
  }
  const { files, taken } = await withoutManifestAgendas(found);
  skipped.push(...taken.map((file) => ({ file, reason: 'imported through its Acadre manifest' })));
  return { found: files, missing, skipped };
}

/** Why a file in a walked folder is not imported, or null when it is a document to import. */
async function whyNotDocument(file: string): Promise<string | null> {
  try {
    return (await isDocument(file)) ? null : 'not a meeting document format';
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/**
 * An Acadre manifest imports the agenda file in the folder next to it: that file is not imported
 * a second time on its own when the walk also found it.
 */
async function withoutManifestAgendas(files: string[]): Promise<{ files: string[]; taken: string[] }> {
  const taken = new Set<string>();
  for (const file of files.filter((f) => path.extname(f).toLowerCase() === '.xml')) {
    const agenda = acadreAgendaPathOf(await readFile(file));
    if (agenda) taken.add(path.join(path.dirname(file), agenda).toLowerCase());
  }
  return { files: files.filter((f) => !taken.has(f.toLowerCase())), taken: files.filter((f) => taken.has(f.toLowerCase())) };
}

/**
 * Parsing workers for an import: one core is the store's (the one writer, and on PGlite the
 * database itself runs in this thread), the others parse. Each worker costs ~100 MB.
 */
export function parserThreads(): number {
  const wanted = Number(process.env.REFERAT_IMPORT_WORKERS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : Math.max(1, availableParallelism() - 1);
}

/** Documents per transaction in a folder import: REFERAT_IMPORT_BATCH, else store-batch.ts's default. */
export function importBatchSize(): number {
  const wanted = Number(process.env.REFERAT_IMPORT_BATCH);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : DEFAULT_BATCH;
}

/**
 * Imports files in order, `batchSize` to a transaction (store-batch.ts; 1 for a server, whose pages
 * would wait for a whole batch on PGlite); a failure is recorded with its reason and leaves the database unchanged.
 */
export async function importFiles(
  database: Database,
  files: string[],
  options: ImportOptions = {},
  progress: (done: number, file: string) => void = () => undefined,
  stop?: AbortSignal,
  batchSize = 1,
): Promise<ImportSummary> {
  const summary: ImportSummary = { imported: [], updated: [], unchanged: [], kept: [], failed: [], rows: [] };
  let index = 0;
  const fail = (file: string, error: unknown) => {
    const reason = oneLine(error);
    summary.failed.push({ file, reason });
    summary.rows.push({ file, result: 'failed', items: 0, closed: 0, closedBilag: 0, note: reason });
  };
  // Parsed and not yet stored, in the files' order (a parse failure waits its turn, so the rows stay in order).
  let pending: ParseResult[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    const parsed = batch.flatMap((r) => (r.ok ? [{ file: r.file, parsed: r.parsed }] : []));
    const outcomes = await storeDocuments(
      database.db,
      parsed.map(({ file, parsed: { document, bytes, format, fileAccess } }) => ({
        document,
        original: { bytes, fileName: path.basename(file), format, access: fileAccess },
        options: { createdBy: 'import (referat import)', force: options.force === true },
      })),
    );
    let k = 0;
    for (const result of batch) {
      if (!result.ok) {
        fail(result.file, result.error);
        continue;
      }
      const outcome = outcomes[k++]!;
      if (!outcome.ok) {
        fail(result.file, outcome.error);
        continue;
      }
      const stored = outcome.result;
      const { document, format } = result.parsed;
      summary[stored.status].push(result.file);
      const closed = closedCounts(document);
      const notes = [format, document.date ? null : 'no date', versionNote(stored.status, stored.version, stored.change)];
      summary.rows.push({ file: result.file, result: stored.status, items: document.items.length, closed: closed.items, closedBilag: closed.attachments, note: notes.filter(Boolean).join(', ') });
    }
  };
  const threads = parserThreads();
  // The parsers run a batch ahead, so the next batch is parsed while this one is stored.
  for await (const result of parseAll(files, options, threads, undefined, Math.max(2 * threads, batchSize))) {
    // A turn of the event loop between documents: PGlite's queries resolve as microtasks, so
    // without it a signal (or a request to the server importing) waits for the whole run.
    await new Promise((resolve) => setImmediate(resolve));
    if (stop?.aborted) {
      // Leaving the loop ends the parse pool; the files after this one are named, not stored.
      summary.notReached = files.slice(index);
      break;
    }
    progress(index++, result.file);
    pending.push(result);
    if (pending.length >= batchSize) await flush();
  }
  // The batch being gathered when the run ended or was stopped is stored whole.
  if (pending.length > 0) await flush();
  progress(files.length, '');
  return summary;
}

/** What a stored version is, for the summary table: "version 2 (3 items changed)", or why it is not current. */
function versionNote(status: StoreStatus, version: number, change: string | null): string | null {
  if (status === 'imported' || status === 'unchanged') return null;
  if (status === 'kept') return `kept as version ${version}, not current: reads less than the current version (${change})`;
  return `version ${version}${change ? ` (${change})` : ''}`;
}

/** The reason of an error on one line, without repeating the file name the importer put in front. */
export function oneLine(error: unknown): string {
  let message = error instanceof ImportError ? error.reason : error instanceof Error ? error.message : String(error);
  // Drizzle wraps database errors with the whole statement; the driver's message is the reason.
  const cause = (error as { cause?: unknown }).cause;
  if (message.startsWith('Failed query') && cause instanceof Error) {
    message = `database: ${cause.message || (cause as { code?: string }).code || cause.name}`;
  }
  return message.replace(/\s+/g, ' ').trim() || 'unknown error';
}

/** The end-of-run summary: counts, a table of the files, then one line per failed file. */
export function formatSummary(summary: ImportSummary): string {
  const closedItems = summary.rows.reduce((n, r) => n + r.closed, 0);
  const closedBilag = summary.rows.reduce((n, r) => n + r.closedBilag, 0);
  const lines = [
    `Imported ${summary.imported.length}, updated ${summary.updated.length}, unchanged ${summary.unchanged.length}, failed ${summary.failed.length}.` +
      ((summary.skipped?.length ?? 0) > 0 ? ` Skipped ${summary.skipped!.length}.` : '') +
      (summary.kept.length > 0 ? ` Not made current (worse than the current version): ${summary.kept.length}.` : '') +
      (closedItems + closedBilag > 0 ? ` Kept from the public: ${closedItems} closed items, ${closedBilag} closed bilag.` : ''),
  ];
  if (summary.rows.length > 0) {
    const width = Math.min(60, Math.max(4, ...summary.rows.map((r) => r.file.length)));
    const cut = (f: string) => (f.length > width ? `…${f.slice(-(width - 1))}` : f);
    lines.push('', `${'File'.padEnd(width)}  ${'Result'.padEnd(9)}  ${'Items'.padStart(5)}  ${'Closed'.padStart(6)}  Notes`);
    for (const r of summary.rows) {
      const closed = r.result === 'failed' ? '' : `${r.closed}/${r.closedBilag}`;
      lines.push(`${cut(r.file).padEnd(width)}  ${r.result.padEnd(9)}  ${(r.result === 'failed' ? '' : String(r.items)).padStart(5)}  ${closed.padStart(6)}  ${r.note}`);
    }
    lines.push('');
  }
  for (const { file, reason } of summary.failed) lines.push(`  failed: ${file}: ${reason}`);
  if (summary.notReached?.length) {
    lines.push(`Stopped: ${summary.notReached.length} files not imported (run the command again for them):`);
    for (const file of summary.notReached) lines.push(`  not imported: ${file}`);
  }
  for (const { file, reason } of summary.skipped ?? []) lines.push(`  skipped: ${file}: ${reason}`);
  return lines.join('\n');
}

/** A progress bar on a terminal, one line per file otherwise (logs, CI). */
export function progressReporter(total: number): (done: number, file: string) => void {
  const tty = process.stderr.isTTY;
  return (done, file) => {
    if (!tty) {
      if (file) process.stderr.write(`[${done + 1}/${total}] ${file}\n`);
      return;
    }
    const width = 30;
    const filled = Math.round((done / Math.max(total, 1)) * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const name = file.length > 40 ? `…${file.slice(-39)}` : file;
    process.stderr.write(`\r${bar} ${done}/${total} ${name}`.padEnd(process.stderr.columns ?? 100) + (file ? '' : '\n'));
  };
}
