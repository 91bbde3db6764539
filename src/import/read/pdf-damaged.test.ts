import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../test/fixtures/make/pdf.js';
import { ROOT } from '../../../test/seeds.js';
import { plainLine } from '../line.js';
import { parseAll } from '../parse-pool.js';
import { readPdf } from './pdf.js';

/** A byte-identical small agenda PDF, so the damaged variants below are the same on every run. */
async function agendaPdf(): Promise<Uint8Array> {
  const lines = [plainLine('Referat', { heading: 1 }), ...Array.from({ length: 80 }, (_, i) => plainLine(`${i + 1}. Punkt nummer ${i + 1}`, { breakBefore: true }))];
  return renderPdf(lines, { header: 'Byrådet', creationDate: new Date(Date.UTC(2031, 0, 1)) });
}

/** Copies with random bytes overwritten (a seeded generator: the same copies every run). */
function garbled(pdf: Uint8Array, count: number): Uint8Array[] {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
  return Array.from({ length: count }, () => {
    const copy = new Uint8Array(pdf);
    const k = 1 + Math.floor(rnd() * 20);
    for (let j = 0; j < k; j++) copy[Math.floor(rnd() * copy.length)] = Math.floor(rnd() * 256);
    return copy;
  });
}

describe('a malformed PDF never crashes the process', () => {
  it('a truncated PDF is refused with a reason naming the file', async () => {
    const pdf = await agendaPdf();
    for (const fraction of [0.05, 0.3, 0.5, 0.8]) {
      await expect(readPdf(pdf.subarray(0, Math.floor(pdf.length * fraction)), 'kort.pdf')).rejects.toThrow(/^kort\.pdf: (not a readable PDF|damaged PDF)/);
    }
  });

  it('garbage in the middle either reads or fails naming the file; pdf.js rejections nobody awaits do not escape', async () => {
    // Among these copies are ones where pdf.js's fake worker rejects a promise no one awaits
    // ("Bad (uncompressed) XRef entry"); unguarded, that is an unhandled rejection, which fails this run.
    for (const copy of garbled(await agendaPdf(), 70)) {
      const outcome = await readPdf(copy, 'rod.pdf').then(
        () => 'read',
        (error: Error) => error.message,
      );
      expect(outcome).toMatch(/^(read|rod\.pdf[: ])/);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('`referat parse` prints one line and exits 1; parseAll reports the damaged files and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-pdf-'));
    const pdf = await agendaPdf();
    const truncated = join(dir, 'afkortet.pdf');
    writeFileSync(truncated, pdf.subarray(0, Math.floor(pdf.length / 2)));
    const middle = new Uint8Array(pdf);
    middle.fill(0x3f, Math.floor(pdf.length * 0.3), Math.floor(pdf.length * 0.6));
    const garbage = join(dir, 'rod.pdf');
    writeFileSync(garbage, middle);
    for (const file of [truncated, garbage]) {
      const error = await promisify(execFile)(process.execPath, [join(ROOT, 'bin', 'referat.js'), 'parse', file], { cwd: ROOT }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(error?.code).toBe(1);
      expect(error?.stderr.trim().split('\n')).toHaveLength(1);
      expect(error?.stderr).toMatch(/^(afkortet|rod)\.pdf: (not a readable PDF|damaged PDF)/);
    }
    const good = join(dir, 'god.pdf');
    writeFileSync(good, pdf);
    const files = [truncated, good, garbage, good];
    const results = [];
    for await (const r of parseAll(files, {}, 2)) results.push(r);
    expect(results.map((r) => (r.ok ? `ok ${r.parsed.document.items.length}` : r.error.message.split(':')[0]))).toEqual(['afkortet.pdf', 'ok 80', 'rod.pdf', 'ok 80']);
  }, 60_000);
});
