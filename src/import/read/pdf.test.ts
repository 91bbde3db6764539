import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, describe, expect, it } from 'vitest';
import { noisePng } from '../../../test/fixtures/make/png.js';
import { renderPdf } from '../../../test/fixtures/make/pdf.js';
import { plainLine } from '../line.js';
import { readPdf } from './pdf.js';
import { nativesIntact } from './pdf-natives.js';

type Doc = InstanceType<typeof PDFDocument>;

/** A PDF drawn by `draw` with pdfkit's own layout. */
async function pdfOf(draw: (doc: Doc) => void): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 70 });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  draw(doc);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

describe('readPdf', () => {
  it('rebuilds lines, paragraphs and headings from positions and fonts', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font('Helvetica-Bold').fontSize(16).text('3.1. Klimasamarbejde for KKR Midtjylland', 70, 100);
      doc.font('Helvetica-Bold').fontSize(10).text('Baggrund', 70, 130);
      doc.font('Helvetica').fontSize(10).text('Økonomiaftalen for 2021 slår fast, at kommuner spiller en', 70, 146);
      doc.text('vigtig rolle i den grønne omstilling. Samarbejdet med Er-', 70, 159);
      doc.text('hvervshus Midtjylland fortsætter.', 70, 172);
      doc.font('Helvetica-Oblique').text('Ny paragraf i kursiv.', 70, 195);
    });
    const lines = await readPdf(pdf, 'a.pdf');
    expect(lines.map((l) => l.text)).toEqual([
      '3.1. Klimasamarbejde for KKR Midtjylland',
      'Baggrund',
      'Økonomiaftalen for 2021 slår fast, at kommuner spiller en',
      'vigtig rolle i den grønne omstilling. Samarbejdet med Er-',
      'hvervshus Midtjylland fortsætter.',
      'Ny paragraf i kursiv.',
    ]);
    expect(lines[0]).toMatchObject({ heading: 1, bold: true, breakBefore: true });
    expect(lines[1]).toMatchObject({ heading: 0, bold: true, breakBefore: true });
    expect(lines[2]).toMatchObject({ bold: false, breakBefore: false });
    expect(lines[3]!.breakBefore).toBe(false);
    expect(lines[4]!.breakBefore).toBe(false);
    expect(lines[5]).toMatchObject({ italic: true, breakBefore: true });
  });

  it('joins runs of one visual line with spaces from the gaps, and keeps aligned columns as cells', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font('Helvetica').fontSize(10);
      doc.text('KKR', 70, 100, { lineBreak: false });
      doc.text('Midtjylland', 93, 100, { lineBreak: false });
      doc.text('Budget pr. år', 70, 130, { lineBreak: false });
      doc.text('3 årsværk', 70, 143, { lineBreak: false });
      doc.text('1.800.000', 250, 143, { lineBreak: false });
      doc.text('Udviklingsmidler', 70, 156, { lineBreak: false });
      doc.text('500.000', 250, 156, { lineBreak: false });
    });
    const lines = await readPdf(pdf, 'tabel.pdf');
    expect(lines[0]).toMatchObject({ text: 'KKR Midtjylland', cells: null });
    expect(lines.slice(1).map((l) => l.cells)).toEqual([
      ['Budget pr. år', ''],
      ['3 årsværk', '1.800.000'],
      ['Udviklingsmidler', '500.000'],
    ]);
    expect(lines[2]!.text).toBe('3 årsværk\t1.800.000');
  });

  it('drops running headers and page numbers, marks page breaks, keeps bullets as lists', async () => {
    const body = [
      plainLine('Dagsorden', { heading: 1, breakBefore: true }),
      ...Array.from({ length: 3 }, (_, p) => [
        plainLine(`Side ${p + 1} begynder her med tekst om punktet.`, { breakBefore: true, pageBreakBefore: p > 0 }),
        plainLine('Første punkt', { list: { marker: '-', depth: 0 }, breakBefore: true }),
        plainLine('Underpunkt', { list: { marker: '-', depth: 1 } }),
      ]).flat(),
    ];
    const lines = await readPdf(await renderPdf(body, { header: 'Byrådet · 12. marts 2024' }), 'sider.pdf');
    expect(lines.map((l) => l.text)).not.toContain('Byrådet · 12. marts 2024');
    expect(lines.some((l) => /Side \d af 3/.test(l.text))).toBe(false);
    expect(lines.filter((l) => l.pageBreakBefore).map((l) => l.text)).toEqual([
      'Side 2 begynder her med tekst om punktet.',
      'Side 3 begynder her med tekst om punktet.',
    ]);
    expect(lines.find((l) => l.text === 'Underpunkt')!.list).toEqual({ marker: '•', depth: 1 });
    expect(lines.find((l) => l.text === 'Første punkt')!.list).toEqual({ marker: '•', depth: 0 });
  });

  it('puts link annotation addresses on the words they cover', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font('Helvetica').fontSize(10).text('Referatet kan ses her. Se også bilaget.', 70, 100, { lineBreak: false });
      const x = 70 + doc.widthOfString('Referatet kan ses ');
      doc.link(x, 98, doc.widthOfString('her'), 12, 'https://www.kl.dk/kkr');
    });
    const [line] = await readPdf(pdf, 'link.pdf');
    expect(line!.text).toBe('Referatet kan ses her. Se også bilaget.');
    expect(line!.links).toEqual([{ text: 'her', url: 'https://www.kl.dk/kkr' }]);
  });

  it('finds the style of a font a later page brings, and of fonts earlier pages loaded', async () => {
    const pdf = await pdfOf((doc) => {
      doc.font('Helvetica').fontSize(10).text('Første side uden fed skrift.', 70, 100);
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(10).text('Fed overskrift', 70, 100);
      doc.font('Helvetica').fontSize(10).text('Almindelig tekst på side to.', 70, 130);
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(10).text('Fed igen på side tre', 70, 100);
      doc.font('Helvetica-Oblique').fontSize(10).text('Kursiv på side tre', 70, 130);
    });
    const lines = await readPdf(pdf, 'fonts.pdf');
    expect(lines.map((l) => [l.text, l.bold, l.italic])).toEqual([
      ['Første side uden fed skrift.', false, false],
      ['Fed overskrift', true, false],
      ['Almindelig tekst på side to.', false, false],
      ['Fed igen på side tre', true, false],
      ['Kursiv på side tre', false, true],
    ]);
  });

  it("leaves Node's own Array.prototype.push and JSON in place (pdf.js's core-js replaces them with slower copies)", async () => {
    await readPdf(await pdfOf((doc) => doc.text('Tekst', 70, 100)), 'natives.pdf');
    expect(nativesIntact()).toBe(true);
  });

  it('reports a PDF without a text layer as scanned', async () => {
    const pdf = await pdfOf((doc) => {
      doc.image(noisePng(200, 280, 7), 50, 50, { width: 500 });
    });
    await expect(readPdf(pdf, 'skannet.pdf')).rejects.toThrow('skannet.pdf has no text layer (scanned PDF?)');
  });

  it('gives a clear error naming the file for a corrupt, truncated, empty or binary file', async () => {
    const good = await pdfOf((doc) => doc.text('Hej'));
    await expect(readPdf(good.slice(0, good.length / 2), 'halv.pdf')).rejects.toThrow(/^halv\.pdf: not a readable PDF \(Invalid PDF structure\.\)$/);
    await expect(readPdf(new TextEncoder().encode('%PDF-1.7\ngarbage'), 'skrald.pdf')).rejects.toThrow(/^skrald\.pdf: not a readable PDF/);
    await expect(readPdf(new Uint8Array(), 'tom.pdf')).rejects.toThrow('tom.pdf: the file is empty');
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    await expect(readPdf(binary, 'data.bin')).rejects.toThrow(/^data\.bin: not a readable PDF/);
  });
});

describe('readPdf on a 50 MB PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'referat-pdf-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads it page by page without exhausting memory', { timeout: 180_000 }, async () => {
    const pdf = await pdfOf((doc) => {
      for (let p = 0; p < 48; p++) {
        if (p > 0) doc.addPage();
        doc.font('Helvetica-Bold').fontSize(14).text(`${p + 1}. Bilag fra borgermøde nr. ${p + 1}`, 70, 150);
        doc.font('Helvetica').fontSize(10).text(`Billedet viser deltagerne i mødet den ${(p % 28) + 1}. marts 2024.`, 70, 175);
        // Incompressible image data: about 1.1 MB per page.
        doc.image(noisePng(620, 620, p + 1), 70, 200, { width: 300 });
      }
    });
    const file = join(dir, 'stor.pdf');
    writeFileSync(file, pdf);
    expect(pdf.length).toBeGreaterThan(50 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const lines = await readPdf(readFileSync(file), 'stor.pdf');
    expect(lines.filter((l) => l.heading > 0)).toHaveLength(48);
    expect(lines.filter((l) => l.pageBreakBefore)).toHaveLength(47);
    expect(lines[0]!.text).toBe('1. Bilag fra borgermøde nr. 1');
    // Page objects are released as the reader goes: far less than all decoded images (48 × 1.5 MB) plus the file.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});
