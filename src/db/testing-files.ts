/**
 * @module Test set-up: files read with the real importer and stored, as most database, API and
 * browser tests begin — the five sample documents (samples/*.txt) and the XML fixtures.
 * Kept apart from testing.ts so tests that need only an empty database do not load the importer.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../import/index.js';
import type { Db } from './client.js';
import { storeDocument } from './store.js';

/** The samples directory (samples/). */
export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

/** The XML fixtures directory (test/fixtures/xml/). */
export const XML_FIXTURES_DIR = fileURLToPath(new URL('../../test/fixtures/xml/', import.meta.url));

/** The sample documents' file names (samples/*.txt), in name order. */
export const sampleNames = (): string[] => readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.txt')).sort();

/**
 * Imports each of `names` (paths under `dir`, stored under that name) and stores it, in order.
 * With `fileAccess` the file's own access level as the importer judged it goes along (as the
 * import command stores it); without it the file's level follows from the document alone.
 */
export async function storeFiles(db: Db, dir: string, names: string[], options: { fileAccess?: boolean } = {}): Promise<void> {
  for (const fileName of names) {
    const { document, bytes, format, fileAccess } = await importFile(join(dir, fileName));
    await storeDocument(db, document, { bytes, fileName, format, ...(options.fileAccess ? { access: fileAccess } : {}) });
  }
}

/** Stores the sample documents (all, or the first `count`). */
export function storeSamples(db: Db, options: { fileAccess?: boolean; count?: number } = {}): Promise<void> {
  const names = sampleNames();
  return storeFiles(db, SAMPLES_DIR, options.count === undefined ? names : names.slice(0, options.count), options);
}
