/**
 * `referat import` on bad input: a corrupt PDF, an empty file, a binary file, a Windows-1252 text
 * file and a 50 MB PDF each give one clear result line, nothing crashes, and a failed file
 * leaves the database unchanged.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSummary, importFiles } from '../src/cli/import.js';
import type { Database } from '../src/db/client.js';
import { openTestDatabase } from '../src/db/testing.js';
import { noisePng } from './fixtures/make/png.js';
import { seedText } from './seeds.js';

let database: Database;
const dir = mkdtempSync(join(tmpdir(), 'referat-robust-'));
const file = (name: string) => join(dir, name);

/** A PDF of more than 50 MB: one heading and an incompressible image per page. */
async function bigPdf(): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => doc.on('end', resolve));
  for (let p = 0; p < 48; p++) {
    if (p > 0) doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).text(`${p + 1}. Bilag fra borgermøde nr. ${p + 1}`, 70, 150);
    doc.image(noisePng(620, 620, p + 1), 70, 200, { width: 300 });
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

const count = async (table: string) =>
  ((await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;

beforeAll(async () => {
  database = await openTestDatabase();
  writeFileSync(file('1-ødelagt.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage');
  writeFileSync(file('2-tom.txt'), '');
  writeFileSync(file('3-billede.txt'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(file('4-windows-1252.txt'), Buffer.from(seedText('002_08ab96e69793d179.txt').replace(/[–’]/g, '-'), 'latin1'));
  writeFileSync(file('5-stor.pdf'), await bigPdf());
}, 180_000);
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('referat import on bad input', () => {
  it('reports one line per file, imports what it can, and stores nothing for a failed file', { timeout: 180_000 }, async () => {
    const names = ['1-ødelagt.pdf', '2-tom.txt', '3-billede.txt', '4-windows-1252.txt', '5-stor.pdf'];
    const summary = await importFiles(database, names.map(file));
    expect(summary.rows.map((r) => [r.file.slice(dir.length + 1), r.result])).toEqual([
      ['1-ødelagt.pdf', 'failed'],
      ['2-tom.txt', 'failed'],
      ['3-billede.txt', 'failed'],
      ['4-windows-1252.txt', 'imported'],
      ['5-stor.pdf', 'imported'],
    ]);
    expect(summary.failed.map((f) => f.reason)).toEqual([
      expect.stringMatching(/PDF/),
      'the file is empty',
      expect.stringMatching(/binary/),
    ]);
    for (const f of summary.failed) expect(f.reason).not.toContain('\n');
    expect(summary.rows[4]!.items).toBe(48);
    // Only the two good files reached the database.
    expect(await count('document_versions')).toBe(2);
    expect(await count('blobs')).toBe(2);
    expect(formatSummary(summary)).toContain('Imported 2, updated 0, unchanged 0, failed 3.');
  });
});
