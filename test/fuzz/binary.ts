/**
 * @module PDF and DOCX inputs for fuzzing: a pool of valid files made once per run (the fixture
 * renderers drawing windows of corpus documents and random paragraphs; pdfkit with random text;
 * hand-written PDFs with cyclic page trees, absurd counts and broken fonts), and mutations of
 * them: truncated, bytes flipped, the xref broken, streams corrupted; a DOCX's zip truncated, its
 * entries dropped or lying about their size, the XML inside broken.
 */
import PDFDocument from 'pdfkit';
import type { Line } from '../../src/import/line.js';
import { plainLine } from '../../src/import/line.js';
import { readText } from '../../src/import/read/text.js';
import { openZip } from '../../src/import/read/zip.js';
import { renderDocx } from '../fixtures/make/docx.js';
import { renderPdf } from '../fixtures/make/pdf.js';
import { makeDocx, makeZip, type ZipInput } from '../fixtures/make/zip.js';
import type { CorpusFile } from './corpus.js';
import { elementNames, mutateMarkup, randomTree } from './markup.js';
import { anyString, mutateBytes, type Recipe } from './mutate.js';
import { Rng } from './rng.js';

export interface BinaryPool {
  pdf: Uint8Array[];
  docx: Uint8Array[];
}

const DANISH = ['Beslutning', 'Indstilling', 'Sagsfremstilling', 'godkendt', 'Bilag', 'Økonomiudvalget', 'Byrådet', 'den', '17.', 'juni', '2020', 'kl.', '16:00', 'Mødested:', 'Rådhuset', 'Afbud:', 'Sagsnr.:', '27.00.00-A00-1-20', 'at', 'og', 'i', 'på', 'for', 'æble', 'øst', 'århus', '•', '–'];

/** A window of a corpus document, as the text reader's lines. */
function windowLines(rng: Rng, docs: readonly CorpusFile[]): Line[] {
  const lines = readText(rng.pick(docs).text);
  const start = rng.int(0, Math.max(0, lines.length - 10));
  return lines.slice(start, start + rng.int(5, 50));
}

/** Random paragraphs: headings, numbered titles, bullets, table rows and sentences. */
function randomLines(rng: Rng): Line[] {
  const sentence = () => Array.from({ length: rng.int(1, 25) }, () => (rng.chance(0.05) ? anyString(rng, 8) : rng.pick(DANISH))).join(' ');
  return Array.from({ length: rng.int(1, 60) }, (_, i) => {
    switch (rng.int(0, 5)) {
      case 0: return plainLine(`${rng.int(0, 20)}. ${sentence()}`, { heading: rng.int(0, 6), bold: rng.chance(0.5), breakBefore: true });
      case 1: return plainLine(sentence(), { list: { marker: rng.pick(['•', '-', '1.', 'a)']), depth: rng.int(0, 5) } });
      case 2: return plainLine('', { cells: Array.from({ length: rng.int(1, 8) }, sentence) });
      case 3: return plainLine(sentence(), { pageBreakBefore: i > 0 && rng.chance(0.3), breakBefore: true });
      default: return plainLine(sentence(), { italic: rng.chance(0.2) });
    }
  }).map((l) => (l.cells ? { ...l, text: l.cells.join('\t') } : l));
}

/** pdfkit's own layout of random text: fonts, sizes, positions, pages, compression on or off. */
async function pdfkitRandom(rng: Rng): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: rng.pick(['A4', 'A3', [100, 100], [5000, 200]] as const) as string, margin: rng.int(0, 80), compress: rng.chance(0.5), info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  for (let p = rng.int(1, 4); p > 0; p--) {
    for (let k = rng.int(1, 20); k > 0; k--) {
      const text = Array.from({ length: rng.int(1, 30) }, () => rng.pick(DANISH)).join(' ');
      doc.font(rng.pick(['Helvetica', 'Helvetica-Bold', 'Times-Roman', 'Courier-Oblique'])).fontSize(rng.pick([1, 6, 10, 12, 20, 72]));
      if (rng.chance(0.2)) doc.text(text, rng.int(-100, 700), rng.int(-100, 900), { lineBreak: rng.chance(0.5) });
      else doc.text(text);
    }
    if (p > 1) doc.addPage();
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A PDF from objects written by hand, with a correct xref table. */
export function rawPdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
const text = (s: string) => `BT /F1 12 Tf 72 720 Td (${s}) Tj ET`;
const ONE_PAGE = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>';

/**
 * A one-page PDF whose content nests graphics states `depth` deep (`q … Q`; the spec's limit is
 * 28) around a TJ array of `runs` elements. pdf.js chains each saved state to the last
 * (Object.create), which V8 makes quadratic: 20,000 levels take about a minute in one synchronous
 * run that no timer in the same thread interrupts — only a worker's time bound stops it.
 */
export function nestedStatesPdf(depth: number, runs = 20_000): Uint8Array {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', ONE_PAGE, FONT, stream(`${'q '.repeat(depth)}BT /F1 12 Tf [${'(a) -250 '.repeat(runs)}] TJ ET${' Q'.repeat(depth)}`)]);
}

/** Hand-made PDFs pdfkit would never write. */
function nastyPdfs(): Uint8Array[] {
  const page = (contents: string, extra = '') => `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R ${extra}>>`;
  return [
    // A page tree whose kids include itself.
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>', page(''), FONT, stream(text('1. Punkt'))]),
    // A count no file has.
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 2147483647 >>', page(''), FONT, stream(text('1. Punkt'))]),
    // Graphics states nested 2,000 deep, and a huge TJ array. Deeper is known to hang (see
    // nestedStatesPdf): the parse pool's worker time bound stops it, tested in parse-pool.test.ts.
    nestedStatesPdf(2000),
    // A font that is no font, a MediaBox of zero size, a missing content stream.
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Resources << /Font << /F1 5 0 R >> >> /Contents 9 0 R >>', FONT, stream(text('x'))]),
    // An encrypted file (the dictionary only) and a page of text.
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(''), FONT, stream(text('2. Lukket punkt')), '<< /Filter /Standard /V 1 /R 2 /O (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) /U (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx) /P -4 >>']),
    // No pages at all.
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>']),
    // Text operators with wild matrices and sizes.
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>', page(''), FONT, stream('BT /F1 1e30 Tf 1e30 0 0 -1e30 -1e30 1e30 Tm (1. Punkt) Tj /F1 0 Tf (Beslutning) Tj 0 0 0 0 0 0 Tm (x) Tj ET')]),
  ];
}

/** The pool of valid (and deliberately odd) files the run mutates. */
export async function makeBinaryPool(seed: number, size: number, docs: readonly CorpusFile[]): Promise<BinaryPool> {
  const rng = new Rng(seed);
  const pdf: Uint8Array[] = [...nastyPdfs()];
  const docx: Uint8Array[] = [];
  const wNames = ['w:p', 'w:r', 'w:t', 'w:tbl', 'w:tr', 'w:tc', 'w:pPr', 'w:pStyle', 'w:numPr', 'w:ilvl', 'w:numId', 'w:b', 'w:i', 'w:br', 'w:hyperlink', 'w:fldSimple', 'w:instrText', 'w:fldChar', 'w:tab', 'w:sdt', 'w:sdtContent', 'w:ins', 'w:del'];
  for (let i = 0; i < size; i++) {
    const lines = rng.chance(0.6) ? windowLines(rng, docs) : randomLines(rng);
    const header = rng.pick(['KKR Midtjylland · Referat · 17. juni 2020', 'Byrådet · Dagsorden', '']);
    pdf.push(rng.chance(0.7) ? await renderPdf(lines, { header, creationDate: new Date(0) }) : await pdfkitRandom(rng));
    docx.push(rng.chance(0.8) ? await renderDocx(lines, { header }) : makeDocx(randomTree(rng, wNames, 6, { nodes: 200 })));
  }
  return { pdf, docx };
}

const PDF_WORDS = ['/FlateDecode', '/LZWDecode', '/DCTDecode', '/JBIG2Decode', '/Crypt', '/ASCII85Decode', '/RunLengthDecode', '/Length 0', '/Length 99999999', '/Count -1', '/Type /Pages', '/Kids [1 0 R]', '0 0 R', '999 0 R', 'null', 'obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref', '%%EOF', '<<', '>>', '[', ']', '(', ')', '\\', '/Encrypt 1 0 R'];

/** A mutated PDF: truncated, bytes flipped, xref or trailer broken, streams corrupted, keys changed. */
export function mutatePdf(rng: Rng, input: Uint8Array, recipe: Recipe): Uint8Array {
  let text = Buffer.from(input).toString('latin1');
  const times = rng.int(1, 4);
  for (let t = 0; t < times; t++) {
    const op = rng.int(0, 7);
    recipe.push(`pdf-op ${op}`);
    switch (op) {
      case 0: text = text.slice(0, rng.int(0, text.length)); break;
      case 1: {
        // The xref table's offsets scrambled, or startxref pointing elsewhere.
        const at = text.lastIndexOf('xref');
        if (rng.chance(0.5) && at >= 0) text = text.slice(0, at) + text.slice(at).replace(/\d{10} \d{5} [nf]/g, (m) => (rng.chance(0.5) ? m.replace(/\d/g, () => String(rng.int(0, 9))) : m));
        else text = text.replace(/startxref\s+\d+/, `startxref\n${rng.pick([0, 1, -5, 99999999, rng.int(0, text.length)])}`);
        break;
      }
      case 2: text = text.replace(/xref[\s\S]*?trailer/, rng.pick(['trailer', 'xref\n0 1\ntrailer', ''])); break;
      case 3: {
        // A stream's bytes overwritten or cut.
        const starts = [...text.matchAll(/stream\r?\n/g)].map((m) => m.index! + m[0].length);
        if (starts.length === 0) break;
        const s = rng.pick(starts);
        const e = text.indexOf('endstream', s);
        const end = e < 0 ? text.length : e;
        const chunk = Buffer.from(text.slice(s, end), 'latin1');
        const mutated = Buffer.from(mutateBytes(rng, chunk, recipe, rng.int(1, 4))).toString('latin1');
        text = text.slice(0, s) + mutated + text.slice(end);
        break;
      }
      case 4: text = text.replace(/\/Length \d+/g, (m) => (rng.chance(0.3) ? `/Length ${rng.pick([0, 1, 10, 2 ** 31, -1])}` : m)); break;
      case 5: {
        const at = rng.int(0, text.length);
        text = text.slice(0, at) + ` ${rng.pick(PDF_WORDS)} ` + text.slice(at);
        break;
      }
      case 6: text = text.replace(/\/(FlateDecode|Type \/Page\b|Count \d+|Kids \[[^\]]*\])/g, (m) => (rng.chance(0.3) ? rng.pick(PDF_WORDS) : m)); break;
      default: return mutateBytes(rng, Buffer.from(text, 'latin1'), recipe);
    }
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** A mutated DOCX: the zip truncated or flipped, entries dropped or lying, the XML inside broken. */
export function mutateDocx(rng: Rng, input: Uint8Array, recipe: Recipe): Uint8Array {
  const op = rng.int(0, 5);
  recipe.push(`docx-op ${op}`);
  if (op === 0) return input.subarray(0, rng.int(0, input.length));
  if (op === 1) return mutateBytes(rng, input, recipe);
  const zip = openZip(input);
  const entries: ZipInput[] = [...zip.entries.keys()].map((name) => ({ name, data: zip.read(name) }));
  const main = entries.find((e) => e.name === 'word/document.xml');
  const xmlOf = (e: ZipInput) => (typeof e.data === 'string' ? e.data : Buffer.from(e.data).toString('utf8'));
  switch (op) {
    case 2:
      if (main) main.data = mutateMarkup(rng, xmlOf(main), elementNames([xmlOf(main)]), recipe);
      break;
    case 3: {
      const other = rng.pick(entries.filter((e) => e.name.endsWith('.xml') || e.name.endsWith('.rels')));
      if (other) other.data = mutateMarkup(rng, xmlOf(other), elementNames([xmlOf(other)]), recipe);
      break;
    }
    case 4: entries.splice(rng.int(0, entries.length - 1), 1); break;
    default: {
      const e = rng.pick(entries);
      e.declaredSize = rng.pick([0, 1, 10, 2 ** 31, 2 ** 32 - 1]);
    }
  }
  const bytes = makeZip(entries);
  return rng.chance(0.2) ? mutateBytes(rng, bytes, recipe, 1) : bytes;
}
