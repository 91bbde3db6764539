import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DrizzleQueryError, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { sha256Hex } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { parseImportArgs } from './args.js';
import { collectFiles, formatSummary, importFiles } from './import.js';
import { importSamples, readManifest } from './serve.js';

let database: Database;
let dir: string;
const samples = path.resolve('samples');

beforeAll(async () => {
  database = await openTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'referat-import-'));
  await mkdir(path.join(dir, 'sub'));
  await copyFile(path.join(samples, '000_8371a5215e9540f8.txt'), path.join(dir, 'a.txt'));
  await copyFile(path.join(samples, '001_4fa44d254ce3f195.txt'), path.join(dir, 'sub', 'b.txt'));
  await writeFile(path.join(dir, 'sub', 'broken.txt'), Buffer.from([0, 1, 2, 3, 0, 0, 7]));
  await writeFile(path.join(dir, 'notes.json'), '{}');
  await writeFile(path.join(dir, '.hidden.txt'), 'x');
});
afterAll(async () => {
  await database?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const documentCount = async () =>
  ((await database.db.execute(sql`select count(*)::int as n from document_versions`)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;

describe('parseImportArgs', () => {
  it('separates paths and options, and rejects unknown options and bad dates', () => {
    expect(parseImportArgs(['a.txt', '--body', 'KD-Net', 'dir', '--date=2020-01-02'])).toEqual({
      paths: ['a.txt', 'dir'],
      options: { body: 'KD-Net', date: '2020-01-02' },
    });
    expect(parseImportArgs(['--bogus', 'a'])).toEqual({ error: 'unknown option --bogus' });
    expect(parseImportArgs(['a', '--date', '2.1.2020'])).toEqual({ error: '--date must be YYYY-MM-DD' });
    expect(parseImportArgs([])).toEqual({ error: 'no files given' });
  });
});

describe('collectFiles', () => {
  it('walks folders for document files, skipping hidden and other files, and reports missing paths', async () => {
    const files = await collectFiles([dir, path.join(dir, 'nope.pdf')]);
    expect(files.found.map((f) => path.relative(dir, f))).toEqual(['a.txt', path.join('sub', 'b.txt'), path.join('sub', 'broken.txt')]);
    expect(files.missing).toEqual([path.join(dir, 'nope.pdf')]);
    expect(files.skipped).toEqual([
      { file: path.join(dir, '.hidden.txt'), reason: 'hidden file' },
      { file: path.join(dir, 'notes.json'), reason: 'not a meeting document format' },
    ]);
  });

  it('names every skipped file and why in the summary, after the failures', () => {
    const text = formatSummary({
      imported: ['a.txt'], updated: [], unchanged: [], kept: [], failed: [{ file: 'b.txt', reason: 'the file is empty' }],
      skipped: [{ file: '.git', reason: 'hidden folder' }, { file: 'logo.png', reason: 'not a meeting document format' }],
      rows: [{ file: 'a.txt', result: 'imported', items: 3, closed: 0, closedBilag: 0, note: 'text' }],
    });
    const lines = text.split('\n');
    expect(lines[0]).toBe('Imported 1, updated 0, unchanged 0, failed 1. Skipped 2.');
    expect(lines.slice(-3)).toEqual(['  failed: b.txt: the file is empty', '  skipped: .git: hidden folder', '  skipped: logo.png: not a meeting document format']);
  });
});

describe('importFiles', () => {
  it('imports good files, reports a bad one by name with its reason, and stores nothing of it', async () => {
    const { found } = await collectFiles([dir]);
    const seen: number[] = [];
    const summary = await importFiles(database, found, {}, (done) => seen.push(done));
    expect(summary.imported).toHaveLength(2);
    expect(summary.failed).toEqual([{ file: path.join(dir, 'sub', 'broken.txt'), reason: expect.stringMatching(/binary|not a text/) }]);
    expect(seen).toEqual([0, 1, 2, 3]);
    expect(await documentCount()).toBe(2);
    const text = formatSummary(summary);
    expect(text.split('\n')[0]).toBe('Imported 2, updated 0, unchanged 0, failed 1.');
    expect(text).toContain(`failed: ${path.join(dir, 'sub', 'broken.txt')}: `);
  });

  it('stores nothing new when the same files are imported again, and a new version for a changed file', async () => {
    const summary = await importFiles(database, [path.join(dir, 'a.txt'), path.join(dir, 'sub', 'b.txt')]);
    expect(summary).toMatchObject({ imported: [], updated: [], failed: [] });
    expect(summary.unchanged).toHaveLength(2);
    expect(await documentCount()).toBe(2);
    expect(formatSummary(summary).split('\n')[0]).toBe('Imported 0, updated 0, unchanged 2, failed 0.');
    // The same meeting corrected: a second version, and the table says what changed.
    const a = await readFile(path.join(dir, 'a.txt'), 'utf8');
    await writeFile(path.join(dir, 'a.txt'), a.replace(/\n$/, '') + ' Rettet efter mødet.\n');
    const corrected = await importFiles(database, [path.join(dir, 'a.txt')]);
    expect(corrected.updated).toEqual([path.join(dir, 'a.txt')]);
    expect(corrected.rows[0]!.note).toMatch(/^text, version 2 \(1 items changed, words \d+ → \d+\)$/);
    expect(await documentCount()).toBe(3);
  });
});

describe('importFiles when the database connection is lost', () => {
  it('reports the file that hit the lost connection, with the driver reason, and goes on with the rest', async () => {
    let failOnce = true;
    // The database as storeDocument sees it, but its first transaction meets a server shutdown.
    const flaky = new Proxy(database.db, {
      get(target, key, receiver) {
        if (key === 'transaction' && failOnce) {
          failOnce = false;
          return async () => {
            const cause = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
            throw new DrizzleQueryError('insert into "documents" ("id") values ($1)', [1], cause);
          };
        }
        return Reflect.get(target, key, receiver);
      },
    });
    const files = [path.join(samples, '002_08ab96e69793d179.txt'), path.join(samples, '004_d18184a479f2914c.txt')];
    const summary = await importFiles({ ...database, db: flaky }, files);
    expect(summary.failed).toEqual([{ file: files[0], reason: 'database: terminating connection due to administrator command' }]);
    expect(summary.imported.length + summary.updated.length).toBe(1);
    expect(formatSummary(summary)).not.toMatch(/insert into|Failed query/);
  });
});

describe('samples', () => {
  it('lists every sample file in the manifest, and imports them all', async () => {
    const manifest = await readManifest();
    expect(manifest.map((m) => m.file)).toEqual([
      '000_8371a5215e9540f8.txt',
      '001_4fa44d254ce3f195.txt',
      '002_08ab96e69793d179.txt',
      '003_a18d94e99e00557d.txt',
      '004_d18184a479f2914c.txt',
    ]);
    const errors: string[] = [];
    expect(await importSamples(database, (line) => errors.push(line))).toBe(5);
    expect(errors).toEqual([]);
    // Every sample's bytes are stored, once (an earlier test stored sample 001 as b.txt: unchanged now).
    const stored = ((await database.db.execute(sql`select sha256 from blobs`)) as unknown as { rows: Array<{ sha256: string }> }).rows.map((r) => r.sha256);
    const hashes = await Promise.all(manifest.map(async (m) => sha256Hex(await readFile(m.path))));
    expect(hashes.filter((h) => !stored.includes(h))).toEqual([]);
  });
});

describe('collectFiles on case-system XML', () => {
  it('takes XML by its content and an Acadre agenda once, through its manifest', async () => {
    const { found } = await collectFiles([path.resolve('test/fixtures/xml')]);
    const names = found.map((f) => path.relative(path.resolve('test/fixtures/xml'), f));
    expect(names).toEqual(['acadre/XML_2041.xml', 'edoc.xml', 'edoc4.xml', 'sbsys-aarhus.xml', 'sbsys.xml']);
    const { skipped } = await collectFiles([path.resolve('test/fixtures/xml')]);
    expect(skipped.filter((s) => s.reason === 'imported through its Acadre manifest').map((s) => path.basename(s.file))).toEqual(['5550001.XML']);
  });
});
