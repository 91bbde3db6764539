/** @module A test archive as both API tests use it: the seeds in samples/ and the case-system XML fixtures (some with closed items), imported as `referat import` would. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../src/db/client.js';
import { storeDocument } from '../src/db/store.js';
import { importFile } from '../src/import/index.js';
import { ROOT, SAMPLES } from './seeds.js';

/** The case-system fixtures under test/fixtures/xml. */
const CASE_FIXTURES = ['sbsys.xml', 'sbsys-aarhus.xml', 'acadre/XML_2041.xml', 'edoc.xml', 'edoc4.xml'];

/** Stores every samples/*.txt (in name order), then the case-system fixtures. */
export async function storeSamplesAndCaseFixtures(db: Db): Promise<void> {
  for (const name of readdirSync(SAMPLES).filter((f) => f.endsWith('.txt')).sort()) {
    const f = await importFile(join(SAMPLES, name));
    await storeDocument(db, f.document, { bytes: f.bytes, fileName: name, format: f.format, access: f.fileAccess });
  }
  for (const name of CASE_FIXTURES) {
    const f = await importFile(join(ROOT, 'test/fixtures/xml', name));
    await storeDocument(db, f.document, { bytes: f.bytes, fileName: name, format: f.format, access: f.fileAccess });
  }
}
