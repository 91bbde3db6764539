/** First-start seeding: resumed after a start killed halfway, and never into an archive in use. */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../db/client.js';
import { storeDocument } from '../db/store.js';
import { migratedDataDir, openTestDatabase } from '../db/testing.js';
import { importFile } from '../import/index.js';
import { importSamples, readManifest, runServe, samplesToSeed, seedSamples } from './serve.js';

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

describe('runServe on a port in use', () => {
  it('says which port is taken and exits 1, leaving the archive unlocked', async () => {
    const busy = createServer();
    await new Promise<void>((done) => busy.listen(0, '127.0.0.1', done));
    const port = (busy.address() as AddressInfo).port;
    const dir = await mkdtemp(path.join(tmpdir(), 'referat-serve-busy-'));
    const saved = process.env.REFERAT_DATA_DIR;
    // On the embedded database, whatever the suite runs on: a served PostgreSQL would be seeded.
    const url = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errors.push(String(line)));
    try {
      process.env.REFERAT_DATA_DIR = await migratedDataDir(path.join(dir, 'pglite'));
      expect(await runServe(['--port', String(port)])).toBe(1);
      expect(errors.at(-1)).toBe(`referat serve: port ${port} is in use (another referat, or another program); stop it, or start with PORT=<another port>.`);
      // The lock is released: the directory opens again.
      database = await openDatabase({ url: null, dataDir: process.env.REFERAT_DATA_DIR });
      expect(database.driver).toBe('pglite');
    } finally {
      spy.mockRestore();
      if (saved === undefined) delete process.env.REFERAT_DATA_DIR;
      else process.env.REFERAT_DATA_DIR = saved;
      if (url !== undefined) process.env.DATABASE_URL = url;
      await new Promise((done) => busy.close(done));
      await database?.close();
      database = undefined;
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
