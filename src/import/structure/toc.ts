/**
 * @module The document's own table of contents in any shape: dotted or tabbed lines with page
 * numbers, a "Punkt nr. ¦ Side" table, Word's contents lines, KD-Net's "Punkt / Indhold / Bilag"
 * table, or numbered lines (rows) at the top that the items repeat. Never items themselves; they
 * check the items, repair cut titles and supply items the text lacks (headings.ts).
 */
import type { TocEntry } from '../../model/index.js';
import type { Line } from '../line.js';
import { comparable, sectionTypeOf } from '../../model/index.js';
import { HEADING_WORDS } from '../lexicon/index.js';
import { candidatesOf, looksLikeTitle, lostNumbered } from './candidates.js';
import { follows } from './runs.js';

export interface TocResult {
  entries: TocEntry[];
  /** Indexes of the lines that form the table of contents. */
  lineIndexes: Set<number>;
}

const NUMBERED = /^(\d{1,4}(?:\.\d{1,2})*)\.?\s+(.*)$/;

/** A page number as contents print it: digits, or lower-case roman numerals of a front section ("xiii"). */
const PAGE = /(?:^|[\s.])(\d{1,3}|[ivxlc]{1,7})$/;

/** The value of a page number: digits as they are, roman numerals counted ("xiv" → 14); null when neither. */
export function pageValue(page: string): number | null {
  if (/^\d+$/.test(page)) return Number(page);
  const values: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100 };
  let total = 0;
  for (let k = 0; k < page.length; k++) {
    const v = values[page[k]!];
    if (v === undefined) return null;
    const next = values[page[k + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

/**
 * A dotted leader to a page number printed as text: "715. Titel ........ 2", "89. Titel...iv" →
 * title and page. Read from the end without a regular expression: a line of dots alone must stay linear.
 */
export function dottedEntry(text: string): [string, string] | null {
  const page = PAGE.exec(text);
  if (!page) return null;
  let i = text.length - page[1]!.length;
  let dots = 0;
  while (i > 0 && (text[i - 1] === '.' || text[i - 1] === ' ' || text[i - 1] === '\t')) {
    if (text[i - 1] === '.') dots++;
    i--;
  }
  const title = text.slice(0, i).trim();
  // Four dots, or three run onto the page number ("budget...iv"): "Budget 2021 ... 3" is text.
  const tight = text[text.length - page[1]!.length - 1] === '.';
  return (dots >= 4 || (dots >= 3 && tight)) && title !== '' ? [title, page[1]!] : null;
}

/**
 * A numbered contents line whose leader the text lost ("93. Årsberetning og regnskab v"): only
 * inside contents already begun, and with a page number at its end.
 */
function leaderlessEntry(text: string): [string, string] | null {
  const page = PAGE.exec(text);
  if (!page || !NUMBERED.test(text) || !/\s/.test(text[page.index] ?? '')) return null;
  const title = text.slice(0, page.index + 1).trim();
  return title.split(/\s+/).length >= 2 ? [title, page[1]!] : null;
}

/** A dotted/tabbed contents line: title, then a page number in its own cell or after dots. */
function pageEntry(line: Line, begun = false): TocEntry | null {
  const dotted = line.cells ? null : (dottedEntry(line.text) ?? (begun ? leaderlessEntry(line.text) : null));
  const cells = dotted ? [dotted[0], dotted[1]] : (line.cells?.filter((c) => c !== '') ?? []);
  const page = cells.length === 2 && (dotted || /^\d{1,3}$/.test(cells[1]!)) ? pageValue(cells[1]!) : null;
  if (page === null) return null;
  const label = cells[0]!.replace(/\s*\.{2,}\s*$|\s+\.$/, '').trim();
  if (label === '') return null;
  const numbered = NUMBERED.exec(label);
  return {
    number: numbered ? numbered[1]! : null,
    title: numbered ? numbered[2]!.trim() : label,
    page,
    hasAttachments: false,
  };
}

/** A KD-Net contents row: number, title, and "./." in the Bilag column. */
function punktEntry(line: Line, _begun = false): TocEntry | null {
  const cells = line.cells ?? [];
  if (cells.length < 2 || !/^\d{1,4}$/.test(cells[0]!.trim())) return null;
  return {
    number: cells[0]!.trim(),
    title: cells[1]!.trim(),
    page: null,
    hasAttachments: /\.\/\.?/.test(cells[2] ?? ''),
  };
}

/** Finds the table of contents: page-numbered or KD-Net lines, else a numbered list the items repeat. */
export function extractToc(lines: readonly Line[]): TocResult {
  const paged = pagedToc(lines);
  if (paged.entries.length > 0) return paged;
  const runIn = runInToc(lines);
  if (runIn.entries.length > 0) return runIn;
  const repeated = repeatedToc(lines);
  // One entry that its item repeats ("1. Budgetstatus" … "1. BUDGETSTATUS") may open contents whose
  // other entries lost their numbers: those, when they read so, are the contents.
  if (repeated.entries.length === 1) {
    const lost = lostNumberToc(lines);
    if (lost.entries.length > 1) return lost;
  }
  return repeated.entries.length > 0 ? repeated : lostNumberToc(lines);
}

/** A contents table's column headers ("Pkt. Tekst Side", "Sag nr. Side"), wherever in a line they stand. */
const COLUMN_HEADERS = new RegExp(String.raw`(?<![\p{L}\d])(?:${HEADING_WORDS.contentsColumns.join('|')})(?=\s)`, 'iu');
/** A page number of a contents table: one to three digits (a year, "2017", is a title's). */
const PAGE_TOKEN = /^\d{1,3}$/;

/**
 * A contents table a transcript ran into one line ("Pkt. Tekst Side 1 LAB … (Beslutning) 4 2 Grøn
 * … 6 3 …"): after the column headers, entries numbered 1, 2, 3 … each closed by its page number
 * before the next number. A title the table wrapped onto two lines has its number and page between
 * the halves ("… 34 Fælles høringssvar … Fingerplan 2017 11 36 (Beslutning) 12 …"): the number is
 * followed by its page, and the entry before ends at the last page number before the first half.
 * Pages never go down. Three entries at least, else nothing.
 */
function runInToc(lines: readonly Line[]): TocResult {
  const none = { entries: [], lineIndexes: new Set<number>() };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.cells) continue;
    const head = COLUMN_HEADERS.exec(line.text);
    if (!head) continue;
    const entries = runInEntries(line.text.slice(head.index + head[0].length).trim().split(/\s+/));
    if (entries && entries.length >= 3) return { entries, lineIndexes: new Set([index]) };
  }
  return none;
}

/** The entries of a run-in contents table's tokens, or null when they do not read as one. */
function runInEntries(tokens: readonly string[]): TocEntry[] | null {
  if (tokens[0] !== '1') return null;
  const entries: TocEntry[] = [];
  let lastPage = 0;
  const isPage = (t: string | undefined) => t !== undefined && PAGE_TOKEN.test(t) && Number(t) >= lastPage;
  const push = (number: number, title: readonly string[], page: string) => {
    if (title.length === 0) return false;
    entries.push({ number: String(number), title: title.join(' '), page: Number(page), hasAttachments: false });
    lastPage = Number(page);
    return true;
  };
  let number = 1;
  let pos = 1;
  // The first half of a wrapped title, and its page, read before its own number's text.
  let carried: { head: string[]; page: string } | null = null;
  for (;;) {
    const next = String(number + 1);
    let j = -1;
    for (let k = pos + 1; k < tokens.length; k++) {
      if (tokens[k] !== next) continue;
      if (carried || (isPage(tokens[k - 1]) && k - 1 > pos) || isPage(tokens[k + 1])) {
        j = k;
        break;
      }
    }
    if (j < 0) {
      // The last entry: its title, then its page at the line's end.
      const rest = tokens.slice(pos);
      if (carried) return push(number, [...carried.head, ...rest], carried.page) ? entries : null;
      const page = rest.at(-1);
      return isPage(page) && push(number, rest.slice(0, -1), page!) ? entries : null;
    }
    if (carried) {
      if (!push(number, [...carried.head, ...tokens.slice(pos, j)], carried.page)) return null;
      carried = null;
      pos = j + 1;
    } else if (isPage(tokens[j - 1]) && j - 1 > pos) {
      if (!push(number, tokens.slice(pos, j - 1), tokens[j - 1]!)) return null;
      pos = j + 1;
    } else {
      // The next number is followed by its page: this entry ends at the last page number before it.
      let p = -1;
      for (let k = j - 1; k > pos; k--) if (isPage(tokens[k]) && /^\p{Lu}/u.test(tokens[k + 1] ?? '')) { p = k; break; }
      if (p < 0 || !push(number, tokens.slice(pos, p), tokens[p]!)) return null;
      if (!isPage(tokens[j + 1])) return null;
      carried = { head: tokens.slice(p + 1, j), page: tokens[j + 1]! };
      pos = j + 2;
    }
    number++;
  }
}

/** A contents line that ends the list: its last page's dot leader alone ("...16"), the attachments' list. */
const CONTENTS_TAIL = /^(?:\.{3,}\s*\d{1,4}|(?:samlet\s+)?bilagsliste\b)/iu;

/**
 * Contents that lost every number but the first, their titles on lines of their own (as the reader
 * cut them: see resegment.ts): under a contents label, the first entry numbered "1." (or "01."),
 * then three or more lines that read as titles and no numbered entry among them. Each line is the
 * entry of the next number, as the contents list them in order.
 */
function lostNumberToc(lines: readonly Line[]): TocResult {
  const none = { entries: [], lineIndexes: new Set<number>() };
  const candidates = candidatesOf(lines);
  const first = candidates[0];
  if (!first || first.titleLines > 0 || first.parts.length !== 1 || first.parts[0] !== 1) return none;
  const label = [first.index - 1, first.index - 2].find((i) => i >= 0 && isTocLabel(lines[i]!));
  if (label === undefined) return none;
  const titles: number[] = [];
  for (let i = first.index + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (line.pageBreakBefore || line.cells || line.list || CONTENTS_TAIL.test(text)) break;
    if (NUMBERED.test(text) || text.length > 160 || !looksLikeTitle(text) || /^\S+\s?:/u.test(text) || sectionTypeOf(text) !== null) break;
    titles.push(i);
  }
  if (titles.length < 3) return none;
  // The transcript lost the numbers throughout: no item numbered 2 anywhere (else "1." is an item's
  // heading), unless that item is the second line's own ("Til orientering" … "2. Til orientering").
  const second = comparable(lines[titles[0]!]!.text);
  if (candidates.some((c) => c.parts.length === 1 && c.parts[0] === 2 && comparable(c.title) !== second)) return none;
  const entries: TocEntry[] = [first.index, ...titles].map((index, k) => ({
    number: String(1 + k),
    title: k === 0 ? first.title : lines[index]!.text.trim(),
    page: null,
    hasAttachments: false,
  }));
  // The label is the contents' too: no list of the header runs on into it.
  return { entries, lineIndexes: new Set([label, first.index, ...titles]) };
}


/**
 * Contents without page numbers ("Indholdsfortegnelse" + "1. Godkendelse af dagsorden" …, eDoc's
 * "Dagsorden" table of "2. ¦ test" rows, Word's "715. Titel 2"): a run of numbered lines near the
 * top, short labels ("Lukket dagsorden") between them allowed, whose first number and title come
 * again later, as the item itself.
 */
function repeatedToc(lines: readonly Line[]): TocResult {
  const none = { entries: [], lineIndexes: new Set<number>() };
  const candidates = candidatesOf(lines);
  const first = candidates[0];
  if (!first || first.titleLines > 0) return none;
  const run = [first];
  const labelled = lines.slice(Math.max(0, first.index - 2), first.index).some(isTocLabel);
  // Entries between two of the run that lost their numbers (see lostNumbered).
  const lost: Array<{ index: number; number: string; title: string }> = [];
  for (const c of candidates.slice(1)) {
    const prev = run.at(-1)!;
    const between = lines.slice(prev.index + 1, c.index);
    const unnumbered = lostNumbered(prev.parts, c.parts, between, prev.index + 1, labelled);
    // Contents grouped by kind may list an item out of its numbering ("6 …", "17 …", "B. Sager til
    // afgørelse i udvalget", "7 …"): a number not listed yet, at the same level, goes on the run.
    const moved = c.parts.length === prev.parts.length && !run.some((r) => r.number === c.number);
    if (c.number === first.number || c.titleLines > 0 || !(follows(prev.parts, c.parts) || moved)) break;
    if (!unnumbered && (between.length > 2 || between.some((l) => l.text.length > 40 || sectionTypeOf(l.text) !== null))) break;
    if (unnumbered) lost.push(...unnumbered);
    run.push(c);
  }
  const pageOf = (title: string) => /\s(\d{1,3})$/.exec(title);
  // The first entry again, later: same title, or the same title with the contents' page number after it.
  const later = candidates.filter((c) => c.index > run.at(-1)!.index && c.number === first.number);
  const samePaged = (c: (typeof later)[number]) => comparable(first.title) !== comparable(c.title) && pageOf(first.title) !== null && comparable(first.title.replace(/\s\d{1,3}$/, '')) === comparable(c.title);
  const same = (c: (typeof later)[number]) => comparable(first.title) === comparable(c.title) || samePaged(c);
  // One entry is contents only under a contents label ("Indholdsfortegnelse", "Punkt nr. Side"), or
  // when it opens a page and its item, with its title, opens a later page (a contents page whose
  // other entries lost their numbers: "1. Godkendelse af referat" / "Siden sidst" / "Eventuelt").
  const opensPage = (c: (typeof later)[number]) => lines[first.index]!.pageBreakBefore && lines[c.index]!.pageBreakBefore;
  const again = run.length < 2 && !labelled ? later.find((c) => same(c) && opensPage(c)) : later[0];
  if (!again || !same(again)) return none;
  const paged = samePaged(again);
  const listed = [...run, ...lost].sort((a, b) => a.index - b.index);
  const lineIndexes = new Set(listed.map((c) => c.index));
  // A title the page wrapped onto the next line ("… Dansk Byggeri o" / "g lokal tilfredshedsundersøgelse"):
  // a line of its own right under the entry, in lower case, goes on the entry's title.
  const wrapped = (c: { index: number }) => {
    const next = lines[c.index + 1];
    if (!next || next.cells || next.list || lineIndexes.has(c.index + 1) || !/^\p{Ll}/u.test(next.text.trim())) return null;
    return next.text.trim();
  };
  return {
    entries: listed.map((c) => {
      const page = paged ? pageOf(c.title) : null;
      const tail = page ? null : wrapped(c);
      if (tail !== null) lineIndexes.add(c.index + 1);
      // A lone letter no Danish word is ("o" of "o" / "g"): the wrap cut a word, joined back without a space.
      const cutWord = tail !== null && /(?:^|\s)(?![iåø])\p{Ll}$/u.test(c.title);
      const title = page ? c.title.slice(0, page.index).trim() : tail !== null ? `${c.title}${cutWord ? '' : ' '}${tail}` : c.title;
      return { number: c.number, title, page: page ? Number(page[1]) : null, hasAttachments: false };
    }),
    lineIndexes,
  };
}

/** Whether a line labels a table of contents: "Indholdsfortegnelse", "Punkt nr. Side", a "Punkt nr. ¦ Side" row. */
export function isTocLabel(line: Line): boolean {
  const text = (line.cells ? line.cells.filter((c) => c.trim() !== '').join(' ') : line.text).trim();
  return HEADING_WORDS.tocLabels.some((p) => p.test(text));
}

/**
 * Dotted/tabbed contents lines with page numbers, or KD-Net's table: three or more lines, or one
 * or more right under a contents label ("Indholdsfortegnelse", a "Punkt nr. ¦ Side" row).
 */
function pagedToc(lines: readonly Line[]): TocResult {
  for (let start = 0; start < lines.length; start++) {
    const header = lines[start]!;
    const isPunkt = header.cells !== null && /^punkt$/i.test(header.cells[0]?.trim() ?? '');
    // A header row of the contents table ("Punkt nr. ¦ Side") belongs to the contents.
    const isHeaderRow = !isPunkt && header.cells !== null && isTocLabel(header);
    const labelled = start > 0 && isTocLabel(lines[start - 1]!);
    const read = isPunkt ? punktEntry : pageEntry;
    const first = isPunkt || isHeaderRow ? start + 1 : start;
    const entries: TocEntry[] = [];
    const lineIndexes = new Set<number>(isPunkt || isHeaderRow ? [start] : []);
    for (let i = first; i < lines.length; i++) {
      const entry = read(lines[i]!, entries.length > 0);
      if (!entry) break;
      entries.push(entry);
      lineIndexes.add(i);
    }
    if (entries.length >= 3 || (entries.length >= 1 && (labelled || isHeaderRow))) return { entries, lineIndexes };
  }
  return { entries: [], lineIndexes: new Set() };
}
