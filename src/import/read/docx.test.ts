import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../test/fixtures/make/docx.js';
import { plainLine } from '../line.js';
import { readDocx } from './docx.js';

describe('readDocx', () => {
  it('reads Word headings, bold runs, bullet levels, tables, links, line and page breaks; not the page header/footer', async () => {
    const docx = await renderDocx(
      [
        plainLine('Byrådet – Referat', { heading: 1, breakBefore: true }),
        plainLine('Beslutning', { heading: 3, bold: true, breakBefore: true }),
        plainLine('Godkendt med 25 stemmer.', { breakBefore: true }),
        plainLine('Fraværende: Mette Lund (V)'),
        plainLine('Første punkt', { list: { marker: '-', depth: 0 }, breakBefore: true }),
        plainLine('Underpunkt', { list: { marker: '-', depth: 1 }, breakBefore: true }),
        plainLine('Kommune\tAntal', { cells: ['Kommune', 'Antal'], bold: true, breakBefore: true }),
        plainLine('Skive\t7', { cells: ['Skive', '7'] }),
        plainLine('Bilag kan ses her.', { breakBefore: true, pageBreakBefore: true, links: [{ text: 'her', url: 'https://skive.dk/bilag' }] }),
      ],
      { header: 'Skive Byråd · 12. marts 2024' },
    );
    const lines = await readDocx(docx, 'referat.docx');
    expect(lines.map((l) => l.text)).toEqual([
      'Byrådet – Referat',
      'Beslutning',
      'Godkendt med 25 stemmer.',
      'Fraværende: Mette Lund (V)',
      'Første punkt',
      'Underpunkt',
      'Kommune\tAntal',
      'Skive\t7',
      'Bilag kan ses her.',
    ]);
    expect(lines[0]).toMatchObject({ heading: 1, bold: false });
    expect(lines[1]).toMatchObject({ heading: 3, bold: true });
    expect(lines[3]).toMatchObject({ breakBefore: false });
    expect(lines[4]!.list).toEqual({ marker: '•', depth: 0 });
    expect(lines[5]!.list).toEqual({ marker: '•', depth: 1 });
    expect(lines[6]).toMatchObject({ cells: ['Kommune', 'Antal'], bold: true });
    expect(lines[8]).toMatchObject({ pageBreakBefore: true, links: [{ text: 'her', url: 'https://skive.dk/bilag' }] });
  });

  it('gives a clear error naming the file for a file that is not a DOCX', async () => {
    await expect(readDocx(new TextEncoder().encode('ikke et dokument'), 'falsk.docx')).rejects.toThrow(/^falsk\.docx: not a readable Word document \(/);
    await expect(readDocx(new Uint8Array(), 'tom.docx')).rejects.toThrow(/^tom\.docx: not a readable Word document/);
  });
});
