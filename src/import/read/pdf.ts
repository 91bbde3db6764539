/**
 * @module PDF reader: the text layer of each page (pdfjs-dist, legacy build for Node) with
 * positions, font sizes and real font names → visual lines per page (pdf-page.ts) → the
 * document's lines (pdf-layout.ts). Pages are loaded and released one at a time so a 50 MB
 * PDF never holds more than one page's objects; only the small line records are kept.
 */
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Line } from '../line.js';
import { assemble, type PageBox } from './pdf-layout.js';
import { pageLines, type LinkBox, type PageLine, type TextRun } from './pdf-page.js';
import { guardPdfjsRejections } from './pdf-guard.js';
import { loadPdfjs } from './pdf-natives.js';

interface FontInfo {
  bold: boolean;
  italic: boolean;
}

/** Reads a PDF's text layer into styled lines; throws naming the file for corrupt, locked or scanned PDFs. */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<Line[]> {
  if (bytes.length === 0) throw new Error(`${fileName}: the file is empty`);
  guardPdfjsRejections();
  const { getDocument } = await loadPdfjs();
  let doc: PDFDocumentProxy;
  try {
    // pdfjs takes ownership of (and may detach) the buffer it is given, and refuses Node's
    // Buffer: pass a plain Uint8Array copy.
    doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false, stopAtErrors: false }).promise;
  } catch (error) {
    throw new Error(`${fileName}: ${loadFailure(error)}`);
  }
  try {
    const pages: PageLine[][] = [];
    const boxes: PageBox[] = [];
    let characters = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      try {
        const { runs, links, box } = await readPage(page);
        characters += runs.reduce((sum, r) => sum + r.text.trim().length, 0);
        pages.push(pageLines(n, runs, links));
        boxes.push(box);
      } finally {
        page.cleanup();
      }
    }
    if (characters === 0) throw new Error(`${fileName} has no text layer (scanned PDF?): ${doc.numPages} page(s) without text`);
    return assemble(pages, boxes);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(fileName)) throw error;
    throw new Error(`${fileName}: damaged PDF (${message(error)})`);
  } finally {
    await doc.destroy();
  }
}

/** The positioned text runs and link boxes of one page. */
async function readPage(page: PDFPageProxy): Promise<{ runs: TextRun[]; links: LinkBox[]; box: PageBox }> {
  const content = await page.getTextContent();
  // The real names and flags of fonts live in commonObjs (one per document), which only an
  // operator list fills: parsing the page a second time for it is paid only on a page that
  // brings a font not seen before, not on every page.
  if (content.items.some((item) => 'str' in item && item.str !== '' && !page.commonObjs.has(item.fontName))) await page.getOperatorList();
  const fonts = new Map<string, FontInfo>();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const [a, b, c, d, x, y] = item.transform as number[];
    // Rotated text (margin notes, stamps) is not body text.
    if (Math.abs(b!) > 0.01 * Math.abs(a!) || Math.abs(c!) > 0.01 * Math.abs(d!)) continue;
    let font = fonts.get(item.fontName);
    if (!font) {
      font = fontInfo(page, item.fontName);
      fonts.set(item.fontName, font);
    }
    runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!), ...font });
  }
  const links: LinkBox[] = [];
  for (const a of await page.getAnnotations({ intent: 'display' })) {
    if (a.subtype !== 'Link') continue;
    const url: string | undefined = a.url ?? a.unsafeUrl;
    // Internal links (table-of-contents jumps) have a destination instead of an address.
    if (url === undefined) continue;
    links.push({ url: url === '' || url === '#' ? null : url, rect: a.rect as LinkBox['rect'] });
  }
  const [x1, y1, x2, y2] = page.view as number[];
  return { runs, links, box: { width: Math.abs(x2! - x1!), height: Math.abs(y2! - y1!) } };
}

/** Bold and italic from the font's flags and its real name ("Arial-BoldMT", "Calibri-Italic"). */
function fontInfo(page: PDFPageProxy, fontName: string): FontInfo {
  const font = page.commonObjs.has(fontName) ? page.commonObjs.get(fontName) : null;
  const name = String(font?.name ?? '');
  return {
    bold: Boolean(font?.bold || font?.black) || /bold|black|heavy|semibold|demi/i.test(name),
    italic: Boolean(font?.italic) || /italic|oblique/i.test(name),
  };
}

function loadFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'PDF is password-protected';
  if (name === 'InvalidPDFException') return `not a readable PDF (${message(error)})`;
  return `damaged PDF (${message(error)})`;
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200);
}
