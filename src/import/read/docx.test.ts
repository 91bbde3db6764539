import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../test/fixtures/make/docx.js';
import { makeDocx, makeZip } from '../../../test/fixtures/make/zip.js';
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

describe('readDocx: what mammoth loses', () => {
  const p = (text: string, pPr = '') => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
  const lvl = (ilvl: number, format: string, text: string, start = 1) =>
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${text}"/></w:lvl>`;
  const numbering =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'decimal', '%1.', 714)}${lvl(1, 'decimal', '%1.%2')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.')}${lvl(1, 'lowerLetter', '%2)')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="2">${lvl(0, 'bullet', '•')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="2"/></w:num>' +
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
  const styles =
    '<w:style w:type="paragraph" w:styleId="Overskrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Punkt"><w:name w:val="Punktoverskrift"/><w:basedOn w:val="Overskrift1"/><w:pPr>' + num(1) + '</w:pPr></w:style>';

  it('keeps the numbers of automatic numbering: headings get them as text, list paragraphs as their marker', async () => {
    const body =
      p('Godkendelse af dagsorden', '<w:pStyle w:val="Punkt"/>') +
      p('Sagen drejer sig om:') +
      p('Første forhold', num(2)) +
      p('Et underpunkt', num(2, 1)) +
      p('Andet forhold', num(2)) +
      p('Mellemtekst.') +
      p('Tredje forhold', num(2)) +
      p('Et punkt med prik', num(3)) +
      p('Budget 2032', `<w:pStyle w:val="Overskrift1"/>${num(1)}`) +
      p('Delpunkt', `<w:pStyle w:val="Overskrift1"/>${num(1, 1)}`) +
      p('Ny liste', num(4)) +
      p('Ikke nummereret', '<w:pStyle w:val="Punkt"/><w:numPr><w:numId w:val="0"/></w:numPr>');
    const lines = await readDocx(makeDocx(body, numbering, styles), 'numre.docx');
    expect(lines.map((l) => [l.text, l.list?.marker ?? null, l.list?.depth ?? null, l.heading])).toEqual([
      // A custom style based on a heading is a heading for the numbers, though mammoth maps only named heading styles to <h1>.
      ['714. Godkendelse af dagsorden', null, null, 0],
      ['Sagen drejer sig om:', null, null, 0],
      ['Første forhold', '1.', 0, 0],
      ['Et underpunkt', 'a)', 1, 0],
      ['Andet forhold', '2.', 0, 0],
      ['Mellemtekst.', null, null, 0],
      ['Tredje forhold', '3.', 0, 0],
      ['Et punkt med prik', '•', 0, 0],
      ['715. Budget 2032', null, null, 1],
      ['715.1 Delpunkt', null, null, 1],
      ['Ny liste', '1.', 0, 0],
      ['Ikke nummereret', null, null, 0],
    ]);
  });

  it('reads contents made by a TOC field as contents lines with a dot leader', async () => {
    const fld = (type: string) => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (text: string) => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
    const t = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const tab = '<w:r><w:tab/></w:r>';
    const entry = (n: string, title: string, page: string) =>
      `<w:p><w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="9191"/></w:tabs></w:pPr>${t(n)}${tab}${t(title)}${tab}${fld('begin')}${instr(' PAGEREF _Toc1 \\h ')}${fld('separate')}${t(page)}${fld('end')}</w:p>`;
    const body =
      p('Indholdsfortegnelse') +
      `<w:p>${tab}${fld('begin')}${instr(' TOC \\o "1-1" ')}${fld('separate')}</w:p>` +
      entry('715.', 'Kulturkommune 2032', '2') +
      entry('716.', 'Budget', '4') +
      `<w:p>${fld('end')}</w:p>` +
      p('Tekst\tmed tabulator');
    const lines = await readDocx(makeDocx(body), 'toc.docx');
    expect(lines.map((l) => l.text)).toEqual(['Indholdsfortegnelse', '715. Kulturkommune 2032 ....... 2', '716. Budget ....... 4', 'Tekst med tabulator']);
  });

  it('reads the paragraphs of a layout cell as separate lines', async () => {
    const cell = (...paras: string[]) => `<w:tc>${paras.map((x) => p(x)).join('')}</w:tc>`;
    const body =
      `<w:tbl><w:tr>${cell('Medlemmer', 'Anna Andersen (A)', 'Bo Berg (V)')}${cell('Carl Dahl (C)', 'Dorte Eng (F)')}</w:tr></w:tbl>` +
      `<w:tbl><w:tr>${cell('Sagsnr.:')}${cell('31/12345')}</w:tr></w:tbl>`;
    const lines = await readDocx(makeDocx(body), 'celler.docx');
    expect(lines.map((l) => l.cells ?? l.text)).toEqual(['Medlemmer', 'Anna Andersen (A)', 'Bo Berg (V)', 'Carl Dahl (C)', 'Dorte Eng (F)', ['Sagsnr.:', '31/12345']]);
  });

  it('refuses a zip bomb before inflating it, and an entry that inflates to more than it declares', async () => {
    const body = p('Tekst');
    const bomb = makeZip([{ name: 'word/document.xml', data: body, declaredSize: 0xfffffff0 }]);
    await expect(readDocx(bomb, 'bombe.docx')).rejects.toThrow(/^bombe\.docx: would inflate to 4096 MB, more than the limit of 512 MB \(a zip bomb\?\)$/);
    await expect(readDocx(makeDocx(body), 'lille.docx', { maxInflatedBytes: 100 })).rejects.toThrow(/^lille\.docx: would inflate to 0 MB, more than the limit of 0 MB/);
    const liar = makeZip([{ name: 'word/document.xml', data: 'x'.repeat(100_000), declaredSize: 10 }]);
    await expect(readDocx(liar, 'løgn.docx')).rejects.toThrow(/^løgn\.docx: entry word\/document\.xml inflates to more than the 10 bytes it declares$/);
  });
});
