/** First-start seeding: resumed after a start killed halfway, and never into an archive in use. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { importFile } from '../import/index.js';
import { importSamples, readManifest, samplesToSeed, seedSamples } from './serve.js';

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const counts = async (db: Database) =>
  ((await db.db.execute(sql`select count(*)::int as n, count(distinct sha256)::int as files, count(distinct name)::int as names from files`)) as unknown as {
    rows: Array<{ n: number; files: number; names: number }>;
  }).rows[0]!;

describe('seedSamples', () => {
  it('imports the missing samples after a first start killed halfway, each exactly once', async () => {
    database = await openTestDatabase();
    const manifest = await readManifest();
    // The killed start: two samples stored, then nothing.
    expect(await importSamples(database, () => undefined, manifest.slice(0, 2))).toBe(2);
    expect((await samplesToSeed(database)).map((e) => e.file)).toEqual(manifest.slice(2).map((e) => e.file));

    const log: string[] = [];
    expect(await seedSamples(database, (line) => log.push(line))).toBe(3);
    expect(log[0]).toContain('the 3 remaining sample documents');
    expect(await counts(database)).toEqual({ n: 5, files: 5, names: 5 });

    // The next start finds nothing to do.
    expect(await samplesToSeed(database)).toEqual([]);
    expect(await seedSamples(database, (line) => log.push(line))).toBe(0);
    expect(await counts(database)).toEqual({ n: 5, files: 5, names: 5 });
  });

  it('seeds an empty archive, and leaves an archive with other documents alone', async () => {
    database = await openTestDatabase();
    expect(await samplesToSeed(database)).toHaveLength((await readManifest()).length);
    const other = path.resolve('test/fixtures/other/kdnet-dagsorden.txt');
    const { document, bytes, format } = await importFile(other);
    await storeDocument(database.db, document, { bytes, fileName: path.basename(other), format });
    expect(await samplesToSeed(database)).toEqual([]);
    expect(await seedSamples(database, () => undefined)).toBe(0);
    expect((await counts(database)).n).toBe(1);
  });
});
