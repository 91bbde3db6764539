/**
 * @module Page-per-line text: transcripts of PDFs that lost their line breaks, as document viewers
 * publish them ("1 Egebjerg Kommune … 2 Indholdsfortegnelse … SIDE 2"), one long line per page,
 * each opening with its page number. Such a text is found by that run of page numbers, and each
 * page is given back its lines (resegment.ts) after its page furniture is taken off: the page
 * number, "Side N" / "SIDE N" labels and a footer every page repeats. Those are dropped as the PDF
 * reader drops page numbers and running footers; every other word stays, in order.
 */
import { plainLine, type Line } from '../line.js';
import { layoutBreaks, resegmentPage } from './resegment.js';

/** A page line is long: a page of a PDF holds far more than a paragraph line of a web page. */
const LONG_PAGE = 250;
/** "12 text": a page number without a full stop (an item number has one), then the page's text; never "01" (a document's own number). */
const PAGE_START = /^([1-9]\d{0,3}) (?=\S)/u;
/** A page label at the page's end or start: "Side 2", "SIDE 4", "Side iii", "Page 3 of 9". */
const LABEL = String.raw`(?:side|page):?\s+(?:\d{1,4}|[ivxlcdm]{1,6})(?:\s*(?:af|of|/)\s*\d{1,4})?`;
const LABEL_END = new RegExp(String.raw`\s+${LABEL}\.?$`, 'iu');
const LABEL_START = new RegExp(String.raw`^${LABEL}\s+`, 'iu');
/** A closing page label with its number in digits ("… Side 12", "… Side 3 af 9"). */
const PAGE_LABEL_END = /\s(?:side|page):?\s+(\d{1,4})(?:\s*(?:af|of|\/)\s*\d{1,4})?\.?$/iu;

/** A page's number where the line prints it: at its start ("12 text"), or in its closing label ("… Side 12"). */
function pageNumbers(line: Line): { start: number | null; end: number | null } {
  if (line.cells || line.list || line.heading > 0 || line.annotation) return { start: null, end: null };
  // A page that holds nothing but its number (a blank page of the PDF) is a page of the run too.
  const start = PAGE_START.exec(line.text) ?? /^([1-9]\d{0,3})$/u.exec(line.text);
  const end = PAGE_LABEL_END.exec(line.text);
  return { start: start ? Number(start[1]) : null, end: end ? Number(end[1]) : null };
}

/**
 * The indexes of the lines that are pages: the longest run of lines numbered n, n+1, n+2 … at
 * their start or in their closing page label (other lines may stand between them: the viewer's
 * own controls), when at least two, and half of them, are long pages that show they are pages.
 */
export function pageRun(lines: readonly Line[], transcript = false): number[] {
  let best: number[] = [];
  for (const where of ['start', 'end'] as const) {
    const numbers = lines.map((l) => pageNumbers(l)[where]);
    const runs: number[][] = [];
    numbers.forEach((n, i) => {
      if (n === null) return;
      const run = runs.find((r) => numbers[r[r.length - 1]!] === n - 1);
      if (run) run.push(i);
      else runs.push([i]);
    });
    for (const run of runs) {
      // Under a viewer's transcript label, lines numbered on from page 1 are its pages: the first a
      // long one, or three pages or more of which one is long (a cover page is short).
      const isLong = (i: number) => lines[i]!.text.length >= LONG_PAGE;
      const fromPageOne = transcript && where === 'start' && numbers[run[0]!] === 1;
      if (fromPageOne && (isLong(run[0]!) || (run.length >= 3 && run.some(isLong))) && run.length > best.length) {
        best = run;
        continue;
      }
      const long = run.filter((i) => lines[i]!.text.length >= LONG_PAGE).length;
      if (run.length < 2 || long < 2 || long * 2 < run.length || run.length <= best.length) continue;
      // Numbered paragraphs ("1 Godkendelse … 2 Budget …") are no pages: a page shows it by a page
      // label somewhere in the run, or by its length (a page holds several paragraphs).
      const texts = run.map((i) => lines[i]!.text);
      const labelled = texts.some((t) => LABEL_END.test(t) || LABEL_START.test(t.replace(PAGE_START, '')));
      const lengths = texts.map((t) => t.length).sort((a, b) => a - b);
      if (labelled || lengths[Math.floor(lengths.length / 2)]! >= 2 * LONG_PAGE) best = run;
    }
  }
  return best;
}

/** Page texts without their page number, page labels and the header and footer they repeat. */
export function pageTexts(texts: readonly string[]): string[] {
  const bare = texts.map((t) => {
    const n = (PAGE_START.exec(t) ?? /^([1-9]\d{0,3})$/u.exec(t))?.[1] ?? null;
    let text = n ? t.slice(n.length).trim() : t;
    text = text.replace(LABEL_END, '');
    // A page's own number printed again at its end ("… Per Wiborg-Jessen 1").
    if (n) text = text.replace(new RegExp(String.raw`\s+${n}$`), '');
    // Its label after a header line ("Rudersdal og Hørsholm vedtagelser Side: 2 Indholdsfortegnelse …").
    if (n) text = text.replace(new RegExp(String.raw`^(.{0,80}?)\s+(?:side|page):?\s+${n}(?:\s*(?:af|of|/)\s*\d{1,4})?(?=\s)`, 'iu'), '$1');
    return text.replace(LABEL_START, '').trim();
  });
  const footer = runningFooter(bare);
  const header = runningHeader(bare);
  const firstPage = (bare[0] ?? '').slice(0, 400).toLowerCase();
  return bare.map((t, k) => {
    // "Kommunalbestyrelsens møde 28. november 2005" opening a later page: the meeting's running
    // header (the date as the first page writes it), which two pages cannot show by repeating it.
    const own = k > 0 ? MEETING_HEADER.exec(t) : null;
    if (own && firstPage.includes(own[1]!.toLowerCase())) t = t.slice(own[0].length);
    let text = footer && t.endsWith(` ${footer}`) ? t.slice(0, -footer.length - 1).trimEnd() : t;
    if (header && text.startsWith(`${header} `)) text = text.slice(header.length + 1).trimStart();
    return text;
  });
}

/** A page opening with the body's meeting and its date: "Kommunalbestyrelsens møde 28. november 2005 …". */
const MEETING_HEADER = /^\p{Lu}[\p{L}\- ]{1,60}?s\s+møde\s+(?:den\s+)?(\d{1,2}\.\s*\p{L}+\s+\d{4})\s+/u;

/** How many pages (of more than n + 3 words) open, or end, with each run of n words. */
function countWords(pages: readonly string[], n: number, where: 'start' | 'end'): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const words = page.split(' ');
    if (words.length <= n + 3) continue;
    const run = (where === 'start' ? words.slice(0, n) : words.slice(-n)).join(' ');
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  return counts;
}

/**
 * The words (two to eight) that three pages or more, and most pages after the first, open with:
 * a running header ("Den 4. januar 2010 FORRETNINGSUDVALGET"). Null when there is none.
 */
export function runningHeader(pages: readonly string[]): string | null {
  if (pages.length < 3) return null;
  for (let n = 8; n >= 2; n--) {
    for (const [start, count] of countWords(pages, n, 'start')) if (count >= 3 && count * 2 > pages.length - 1) return start;
  }
  return null;
}

/**
 * The words (one to four, not a number) that at least two pages and most pages end with: a
 * running footer ("åben" of a page marked open). Null when the pages share no such end.
 */
export function runningFooter(pages: readonly string[]): string | null {
  if (pages.length < 2) return null;
  for (let n = 4; n >= 1; n--) {
    for (const [end, count] of countWords(pages, n, 'end')) {
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
export function repairPageLines(lines: Line[], { transcript = false }: { transcript?: boolean } = {}): Line[] {
  const run = pageRun(lines, transcript);
  if (run.length === 0) return repairSquashedLines(lines);
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

/** A line this long with this many certain layout breaks is several lines run together. */
const SQUASHED = { length: 300, breaks: 3 };

/**
 * Outside page-per-line text, a single line may still hold a heading, its labels and its
 * sections run together ("3. Budget Sagsnr.: 20/1 SAGSFREMSTILLING … BESLUTNING …"): such a
 * line is cut like a page, keeping its own break before.
 */
function repairSquashedLines(lines: Line[]): Line[] {
  if (!lines.some((l) => l.text.length >= SQUASHED.length)) return lines;
  return lines.flatMap((line) => {
    if (line.cells || line.list || line.annotation || line.text.length < SQUASHED.length || layoutBreaks(line.text) < SQUASHED.breaks) return [line];
    return resegmentPage(line.text).map((text, k) => (k === 0 ? { ...line, text, links: line.links } : plainLine(text, { breakBefore: true })));
  });
}

/** Each page's lines, by page position; the pages are split together (titles recur across them). */
function resegmentPages(pages: readonly string[]): Map<number, string[]> {
  const joined = pages.map(joinSpacedLetters);
  return new Map(joined.map((page, k) => [k, resegmentPage(page, joined)]));
}
