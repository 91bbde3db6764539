/**
 * @module `referat serve` (`npm start`): open the database, import the shipped sample documents
 * on first start (resuming a first start that was stopped halfway), and serve the web archive on
 * PORT (default 3000). On the embedded database the server holds the data directory's lock and
 * takes `referat import` runs through an internal loopback endpoint (web/internal.ts).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createDbArchive } from '../db/archive.js';
import { openDatabase, type Database } from '../db/client.js';
import { ArchiveLockedError, describeHolder, type ArchiveLock } from '../db/lock.js';
import { storedFileHashes } from '../db/stored-files.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { sha256Hex, storeDocument } from '../db/store.js';
import { importFile } from '../import/index.js';
import { createInternalApp } from '../web/internal.js';
import { addBackupRoute } from '../web/internal-backup.js';
import { describeError } from '../web/log.js';
import { listen, serveArchive, type RunningServer } from '../web/server.js';
import { createOParlApp } from '../api/oparl/routes.js';
import { pdfRoutes } from '../pdf/routes.js';
import { importFiles } from './import.js';
import { alertsFromEnv, type Alerts } from '../alerts/index.js';
import { createAccounts } from '../auth/index.js';
import { createWorkspace } from '../workspace/index.js';
import { createAllocations } from '../allocation/web.js';
import { servingFromEnv, type Serving } from '../web/serving.js';

const SAMPLES = new URL('../../samples/', import.meta.url);

export interface SampleEntry {
  file: string;
  /** Absolute path of the sample file. */
  path: string;
  /** Supplied when the document does not state it. */
  body?: string;
  date?: string;
}

/** The sample documents listed in samples/manifest.json. */
export async function readManifest(): Promise<SampleEntry[]> {
  const raw = JSON.parse(await readFile(new URL('manifest.json', SAMPLES), 'utf8')) as {
    documents: Array<{ file: string; body?: string; date?: string }>;
  };
  return raw.documents.map((d) => ({ ...d, path: fileURLToPath(new URL(d.file, SAMPLES)) }));
}

/** Imports the sample documents (all, or those given); returns how many were stored. A failing sample is reported, not fatal. */
export async function importSamples(
  database: Database,
  log: (line: string) => void = console.error,
  entries?: SampleEntry[],
): Promise<number> {
  let stored = 0;
  for (const entry of entries ?? (await readManifest())) {
    try {
      const options = { ...(entry.body ? { body: entry.body } : {}), ...(entry.date ? { date: entry.date } : {}) };
      const { document, bytes, format, fileAccess } = await importFile(entry.path, options);
      await storeDocument(database.db, document, { bytes, fileName: entry.file, format, access: fileAccess }, { createdBy: 'import (samples on first start)' });
      stored++;
    } catch (error) {
      log(`referat: sample ${entry.file} not imported: ${(error as Error).message}`);
    }
  }
  return stored;
}

/**
 * The samples a first start still has to import: all of them into an empty archive; the missing
 * ones when every stored file is a sample (a first start killed halfway, or a sample that failed);
 * none once the archive holds any other document. Told by the files' SHA-256, no schema needed.
 */
export async function samplesToSeed(database: Database): Promise<SampleEntry[]> {
  const manifest = await readManifest();
  const hashes = await Promise.all(manifest.map(async (entry) => sha256Hex(await readFile(entry.path))));
  const { stored, others } = await storedFileHashes(database.db, hashes);
  if (others) return [];
  return manifest.filter((_, i) => !stored.has(hashes[i]!));
}

/** Imports the samples `samplesToSeed` names; returns how many were stored. */
export async function seedSamples(database: Database, log: (line: string) => void = console.error): Promise<number> {
  const missing = await samplesToSeed(database);
  if (missing.length === 0) return 0;
  const total = (await readManifest()).length;
  log(
    missing.length === total
      ? 'referat: empty database, importing the sample documents …'
      : `referat: an earlier first start stopped halfway, importing the ${missing.length} remaining sample documents …`,
  );
  const stored = await importSamples(database, log, missing);
  log(`referat: imported ${stored} sample documents`);
  return stored;
}

/**
 * The PGlite thread died on its own: every query would fail from now on, so the server says why and
 * exits (a supervisor, or the operator, starts it again; the archive's files are PGlite's own).
 */
function exitOnDatabaseThreadLost(error: Error): void {
  console.error(`referat serve: the database thread stopped (${error.message}); exiting so that referat can be started again.`);
  process.exit(1);
}

/**
 * Opens the database; null (after saying why) when another process holds the embedded one, or
 * PostgreSQL is not there. PGlite runs in a worker thread (db/pglite-worker.ts), so a long query
 * does not stop this thread's answers; REFERAT_PGLITE_WORKER=0 keeps it in-process.
 */
async function openOrExplain(): Promise<Database | null> {
  try {
    return await openDatabase({ pgliteWorker: process.env.REFERAT_PGLITE_WORKER !== '0', onPgliteWorkerLost: exitOnDatabaseThreadLost });
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      console.error(`referat serve: cannot reach the database (${describeError(error)}); start it, then start referat again.`);
      return null;
    }
    if (!(error instanceof ArchiveLockedError)) throw error;
    const { holder } = error;
    console.error(
      `referat serve: the archive in ${error.dataDir} is already in use by ${describeHolder(holder)}.\n` +
        'Only one process may open the embedded database at a time. ' +
        (holder.url ? `That server is the archive: use ${holder.url}, and \`referat import\` sends files to it.` : `Stop process ${holder.pid} first, or wait for it to finish.`),
    );
    return null;
  }
}

/**
 * Opens the database, seeds it, and serves the archive until SIGINT/SIGTERM. Returns -1 while
 * serving, 1 when the embedded database is held by another process or PostgreSQL cannot be reached.
 */
export async function runServe(args: string[]): Promise<number> {
  const portArg = args.indexOf('--port');
  const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);

  const database = await openOrExplain();
  if (!database) return 1;
  console.error(`referat: database ${database.driver} at ${database.location}`);
  let server: RunningServer;
  let internal: RunningServer | null;
  let url: string;
  let alerts: Alerts;
  let serving: Serving | null = null;
  try {
    await seedSamples(database);
    serving = await servingFromEnv(database);
    console.error(`referat: ${serving.describe()}`);
    const hostname = process.env.HOST ?? '127.0.0.1';
    // Links in alert mails: REFERAT_PUBLIC_URL, else this server's own address.
    alerts = alertsFromEnv(database.db, `http://localhost:${port}`);
    const archive = createDbArchive(database.db);
    server = await serveArchive(archive, { port, hostname }, {
      oparl: createOParlApp(database.db),
      alerts,
      accounts: createAccounts(database.db, { clientIp: serving.parts.clientAddress }),
      workspace: createWorkspace(database.db, archive, { onPublished: () => void alerts.notify() }),
      allocations: createAllocations(database.db),
      pdf: pdfRoutes(database.db),
      serving: serving.parts,
    });
    url = hostname === '127.0.0.1' ? `http://localhost:${server.port}` : server.url;
    // Holding the embedded database, this server is the only way in for `referat import`.
    internal = database.lock ? await serveImports(database, database.lock, url, alerts) : null;
  } catch (error) {
    // The port taken, say: close the database cleanly (and free its lock) before giving up.
    await serving?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`referat serve: port ${port} is in use (another referat, or another program); stop it, or start with PORT=<another port>.`);
      return 1;
    }
    throw error;
  }
  console.log(`Referat serves the archive on ${url}`);
  if (alerts.enabled) void alerts.notify(); // what an earlier run could not send

  const stop = async () => {
    // Close the database after the server, so PGlite flushes its files cleanly.
    // Open keep-alive connections must not hold the shutdown up for long.
    const closing = [server.close(), ...(internal ? [internal.close()] : [])].map((p) => p.catch(() => undefined));
    await Promise.race([Promise.all(closing), new Promise((done) => setTimeout(done, 2000))]);
    alerts.close();
    await serving?.close().catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return -1;
}

/**
 * Serves `POST /internal/import` on a loopback port of its own, and writes its address and a fresh
 * token into the lock file, where `referat import` finds them.
 */
async function serveImports(database: Database, lock: ArchiveLock, url: string, alerts: Alerts): Promise<RunningServer> {
  const token = randomBytes(32).toString('base64url');
  const app = createInternalApp({
    token,
    runImport: async ({ files, options }, progress) => {
      console.error(`referat: importing ${files.length} file${files.length === 1 ? '' : 's'} for \`referat import\``);
      const summary = await importFiles(database, files, options, progress);
      if (summary.imported.length + summary.updated.length > 0) await database.checkpoint().catch(() => undefined);
      console.error(`referat: imported ${summary.imported.length}, updated ${summary.updated.length}, failed ${summary.failed.length}`);
      // Alerts go after the commits and do not hold up the answer; failures are logged and retried.
      void alerts.notify();
      return summary;
    },
  });
  addBackupRoute(app, database); // `referat backup` while this server holds the archive
  const internal = await listen(app, { port: 0, hostname: '127.0.0.1' });
  lock.update({ url, internalUrl: internal.url, token });
  return internal;
}
