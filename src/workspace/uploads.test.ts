/** Bilag types are told from content, sizes bounded, bytes stored once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { openTestDatabase } from '../db/testing.js';
import { renderDocx } from '../../test/fixtures/make/docx.js';
import { plainLine } from '../import/line.js';
import { checkBilag, storeBlob } from './uploads.js';

const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF');

describe('checkBilag', () => {
  it('knows a PDF and a DOCX by their bytes', async () => {
    expect(checkBilag(pdf, 'notat.pdf', 1000)).toMatchObject({ ok: true, format: 'pdf' });
    const docx = await renderDocx([plainLine('Et bilag', { breakBefore: true })], { header: 'Bilag' });
    expect(checkBilag(docx, 'notat.docx', 10_000_000)).toMatchObject({ ok: true, format: 'docx' });
  });

  it('refuses a renamed file, a plain ZIP, an empty file and one over the limit, naming the file', () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]);
    expect(checkBilag(exe, 'program.pdf', 1000)).toEqual({ ok: false, message: expect.stringContaining('program.pdf er hverken en PDF') });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('foto.jpg')]);
    expect(checkBilag(zip, 'arkiv.docx', 1000).ok).toBe(false);
    expect(checkBilag(new Uint8Array(), 'tom.pdf', 1000)).toEqual({ ok: false, message: 'tom.pdf er tom.' });
    expect(checkBilag(new Uint8Array(3 * 1024 * 1024).fill(0x25), 'stor.pdf', 2 * 1024 * 1024)).toEqual({ ok: false, message: 'stor.pdf fylder 3 MB; et bilag må højst fylde 2 MB.' });
  });
});

describe('storeBlob', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database?.close());

  it('stores the same bytes once', async () => {
    const a = await storeBlob(database.db, pdf);
    const b = await storeBlob(database.db, pdf);
    expect(a).toBe(b);
    expect(await queryRows(database.db, sql`select count(*)::int as n from blobs where sha256 = ${a}`)).toEqual([{ n: 1 }]);
  });
});
