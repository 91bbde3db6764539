/**
 * @module Page-per-line text: transcripts of PDFs that lost their line breaks, as document viewers
 * publish them ("1 Egebjerg Kommune … 2 Indholdsfortegnelse … SIDE 2"), one long line per page,
 * each opening with its page number. Such a text is found by that run of page numbers, and each
 * page is given back its lines (resegment.ts) after its page furniture is taken off: the page
 * number, "Side N" / "SIDE N" labels and a footer every page repeats. Those are dropped as the PDF
 * reader drops page numbers and running footers; every other word stays, in order.
 */
import { plainLine, type Line } from '../line.js';
import { resegmentPage } from './resegment.js';

/** A page line is long: a page of a PDF holds far more than a paragraph line of a web page. */
const LONG_PAGE = 250;
/** "12 text": a page number without a full stop (an item number has one), then the page's text. */
const PAGE_START = /^(\d{1,4}) (?=\S)/u;
/** A page label at the page's end or start: "Side 2", "SIDE 4", "Side iii", "Page 3 of 9". */
const LABEL = String.raw`(?:side|page)\s+(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*(?:af|of|/)\s*\d{1,4})?`;
const LABEL_END = new RegExp(String.raw`\s+${LABEL}\.?$`, 'iu');
const LABEL_START = new RegExp(String.raw`^${LABEL}\s+`, 'iu');

/** A line that could be a page: plain text, starting a paragraph, with a page number in front. */
function pageNumber(line: Line): number | null {
  if (line.cells || line.list || line.heading > 0 || line.annotation) return null;
  const m = PAGE_START.exec(line.text);
  return m ? Number(m[1]) : null;
}

/**
 * The indexes of the lines that are pages: the longest run of lines numbered n, n+1, n+2 … (other
 * lines may stand between them: the viewer's own controls), when at least two are long pages.
 */
export function pageRun(lines: readonly Line[]): number[] {
  let best: number[] = [];
  const runs: number[][] = [];
  lines.forEach((line, i) => {
    const n = pageNumber(line);
    if (n === null) return;
    const run = runs.find((r) => pageNumber(lines[r[r.length - 1]!]!) === n - 1);
    if (run) run.push(i);
    else runs.push([i]);
  });
  for (const run of runs) {
    const long = run.filter((i) => lines[i]!.text.length >= LONG_PAGE).length;
    if (run.length >= 2 && long >= 2 && long * 2 >= run.length && run.length > best.length) best = run;
  }
  return best;
}

/** Page texts without their page number, page labels and the footer they all end with. */
export function pageTexts(texts: readonly string[]): string[] {
  const bare = texts.map((t) => {
    const n = PAGE_START.exec(t)![1]!;
    let text = t.slice(n.length).trim();
    // A page's own number printed again at its end ("… Per Wiborg-Jessen 1").
    text = text.replace(LABEL_END, '').replace(new RegExp(String.raw`\s+${n}$`), '').replace(LABEL_START, '');
    return text.trim();
  });
  const footer = runningFooter(bare);
  return bare.map((t) => (footer && t.endsWith(` ${footer}`) ? t.slice(0, -footer.length - 1).trimEnd() : t));
}

/**
 * The words (one to four, not a number) that at least two pages and most pages end with: a
 * running footer ("åben" of a page marked open). Null when the pages share no such end.
 */
export function runningFooter(pages: readonly string[]): string | null {
  if (pages.length < 2) return null;
  for (let n = 4; n >= 1; n--) {
    const ends = new Map<string, number>();
    for (const page of pages) {
      const words = page.split(' ');
      if (words.length <= n + 3) continue;
      const end = words.slice(-n).join(' ');
      ends.set(end, (ends.get(end) ?? 0) + 1);
    }
    for (const [end, count] of ends) {
      // A sentence's end ("Godkendt.") is text that happens to recur, not a footer.
      if (count >= 2 && count * 2 > pages.length && /\p{L}{2}/u.test(end) && !/[.!?:]$/.test(end)) return end;
    }
  }
  return null;
}

/**
 * Single letters spaced out ("T E K N I K - OG M I L J Ø U D V A L G E T"), as a letter-spaced
 * heading comes out of a PDF, are put back together ("TEKNIK- OG MILJØUDVALGET"); five letters at least.
 */
export function joinSpacedLetters(text: string): string {
  return text.replace(/(?<![\p{L}\d])\p{Lu}(?: \p{Lu}){4,}(?: -(?= ))?(?![\p{L}\d])/gu, (run) => run.replace(/ /g, ''));
}

/** A text's lines with every page-per-line page split into the lines its layout implies. */
export function repairPageLines(lines: Line[]): Line[] {
  const run = pageRun(lines);
  if (run.length === 0) return lines;
  const pages = pageTexts(run.map((i) => lines[i]!.text));
  const byIndex = new Map(run.map((index, k) => [index, pages[k]!]));
  const out: Line[] = [];
  const segmented = resegmentPages(pages);
  lines.forEach((line, i) => {
    if (!byIndex.has(i)) {
      const text = joinSpacedLetters(line.text);
      out.push(text === line.text ? line : { ...line, text });
      return;
    }
    const segments = segmented.get(run.indexOf(i)) ?? [];
    segments.forEach((text, k) => out.push(plainLine(text, { breakBefore: true, pageBreakBefore: k === 0 && out.length > 0 })));
  });
  return out;
}

/** Each page's lines, by page position; the pages are split together (titles recur across them). */
function resegmentPages(pages: readonly string[]): Map<number, string[]> {
  const joined = pages.map(joinSpacedLetters);
  return new Map(joined.map((page, k) => [k, resegmentPage(page, joined)]));
}
