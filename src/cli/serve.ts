/**
 * @module `referat serve` (`npm start`): open the database, import the shipped sample documents
 * when it holds none, and serve the web archive on PORT (default 3000).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { createDbArchive } from '../db/archive.js';
import { openDatabase, type Database } from '../db/client.js';
import { storeDocument } from '../db/store.js';
import { importFile } from '../import/index.js';
import { serveArchive } from '../web/server.js';

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

/** Imports every sample document; returns how many were stored. A failing sample is reported, not fatal. */
export async function importSamples(database: Database, log: (line: string) => void = console.error): Promise<number> {
  let stored = 0;
  for (const entry of await readManifest()) {
    try {
      const options = { ...(entry.body ? { body: entry.body } : {}), ...(entry.date ? { date: entry.date } : {}) };
      const { document, bytes, format } = await importFile(entry.path, options);
      await storeDocument(database.db, document, { bytes, fileName: entry.file, format }, { createdBy: 'import (samples on first start)' });
      stored++;
    } catch (error) {
      log(`referat: sample ${entry.file} not imported: ${(error as Error).message}`);
    }
  }
  return stored;
}

/** Number of stored documents. */
async function documentCount(database: Database): Promise<number> {
  const result = (await database.db.execute(sql`select count(*)::int as n from document_versions`)) as unknown as {
    rows: Array<{ n: number }>;
  };
  return result.rows[0]?.n ?? 0;
}

/** Opens the database, seeds it when empty, and serves the archive until SIGINT/SIGTERM. */
export async function runServe(args: string[]): Promise<void> {
  const portArg = args.indexOf('--port');
  const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.PORT ?? 3000));
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);

  const database = await openDatabase();
  console.error(`referat: database ${database.driver} at ${database.location}`);
  if ((await documentCount(database)) === 0) {
    console.error('referat: empty database, importing the sample documents …');
    console.error(`referat: imported ${await importSamples(database)} sample documents`);
  }
  const hostname = process.env.HOST ?? '127.0.0.1';
  const server = await serveArchive(createDbArchive(database.db), { port, hostname });
  const url = hostname === '127.0.0.1' ? `http://localhost:${server.port}` : server.url;
  console.log(`Referat serves the archive on ${url}`);

  const stop = async () => {
    // Close the database after the server, so PGlite flushes its files cleanly.
    // Open keep-alive connections must not hold the shutdown up for long.
    await Promise.race([server.close().catch(() => undefined), new Promise((done) => setTimeout(done, 2000))]);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
