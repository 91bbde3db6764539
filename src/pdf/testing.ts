/**
 * @module Reading a rendered PDF back for tests: per page its visual lines, each as the cells
 * (segments) the repository's own PDF reader finds (src/import/read/pdf-page.ts), and the
 * document's metadata — so tests check what a reader of the PDF would see.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { pageLines, type TextRun } from '../import/read/pdf-page.js';

export interface PdfLine {
  /** The line's text, cells joined by a space. */
  text: string;
  /** The line's cells (text separated by wide gaps: "3.1." · title · page number). */
  cells: string[];
  size: number;
  bold: boolean;
}

export interface ReadBack {
  /** Lines per page, top to bottom; pages[0] is page 1. */
  pages: PdfLine[][];
  info: Record<string, unknown>;
  /** The catalogue's language (`/Lang`), when pdfjs reports it. */
  language: string | null;
  /** The bookmarks, depth first, each with the page (1-based) it opens. */
  outline: Array<{ title: string; page: number }>;
  /** Per page, the pages (1-based) its internal links lead to. */
  links: number[][];
}

/** The text of a PDF, page by page. */
export async function readBack(bytes: Uint8Array): Promise<ReadBack> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false }).promise;
  try {
    const pages: PdfLine[][] = [];
    const links: number[][] = [];
    const pageOfDest = async (dest: unknown): Promise<number> => {
      const explicit = typeof dest === 'string' ? await pdf.getDestination(dest) : (dest as unknown[] | null);
      return explicit ? (await pdf.getPageIndex(explicit[0] as never)) + 1 : 0;
    };
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const annotations = await page.getAnnotations();
      links.push(await Promise.all(annotations.filter((a) => a.subtype === 'Link' && a.dest).map((a) => pageOfDest(a.dest))));
      await page.getOperatorList();
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , c, d, x, y] = item.transform as number[];
        const font = page.commonObjs.has(item.fontName) ? page.commonObjs.get(item.fontName) : null;
        runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(c!, d!), bold: /bold/i.test(String(font?.name ?? '')), italic: false });
      }
      pages.push(
        pageLines(n, runs, []).map((l) => {
          // A list marker is taken off the line by the reader; keep it, as the page shows it.
          const cells = l.segments.map((s) => s.text);
          if (l.list) cells[0] = `${l.list.marker} ${cells[0] ?? ''}`.trim();
          return { text: cells.join(' '), cells, size: l.size, bold: l.bold };
        }),
      );
      page.cleanup();
    }
    const meta = await pdf.getMetadata();
    const language = ((meta.info as Record<string, unknown>).Language as string | undefined) ?? null;
    const outline: ReadBack['outline'] = [];
    const walk = async (nodes: Array<{ title: string; dest: unknown; items: unknown[] }> | null) => {
      for (const node of nodes ?? []) {
        outline.push({ title: node.title, page: await pageOfDest(node.dest) });
        await walk(node.items as typeof nodes);
      }
    };
    await walk((await pdf.getOutline()) as never);
    return { pages, info: meta.info as Record<string, unknown>, language, outline, links };
  } finally {
    await pdf.destroy();
  }
}

/** All text of the PDF as one string (lines joined by newlines). */
export function allText(read: ReadBack): string {
  return read.pages.map((p) => p.map((l) => l.text).join('\n')).join('\n');
}
