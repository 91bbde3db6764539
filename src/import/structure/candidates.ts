/**
 * @module Item heading candidates: every line that could open an agenda item, in any of the
 * shapes councils print — "3. Titel", "3.1 Titel", "Punkt 3: Titel", "3 (Lukket) Titel", a number
 * alone on its line with the title under it, a table row "2. ¦ test", "SAG NR. 1 TITEL". Which of them really are the
 * agenda is decided later (runs.ts): here a line only has to look like a heading, and lines that
 * never are one (page numbers, dates, running headers, list items) are left out.
 */
import type { AccessLevel } from '../../model/index.js';
import { comparable, sectionTypeOf } from '../../model/index.js';
import { HEADING_WORDS } from '../lexicon/index.js';
import type { Line } from '../line.js';
import { MONTHS } from './dates.js';
import { isPersonName } from './participants.js';

/** How the heading is laid out: number and title on one line, a number alone, a table row, or a bullet ("• 301. Titel"). */
export type HeadingShape = 'inline' | 'alone' | 'row' | 'bullet' | 'under';

export interface Candidate {
  /** Index of the line holding the number. */
  index: number;
  number: string;
  /** The number's parts: "3.1" → [3, 1]. */
  parts: number[];
  title: string;
  /** Lines after the number's line that hold the title (1 when the number stands alone). */
  titleLines: number;
  shape: HeadingShape;
  /** The access the heading itself states ("3 (Lukket) Titel"), else null. */
  access: AccessLevel | null;
}

/** A number as items are numbered: no fixed digit limit on the item, sub-numbers of one or two digits. */
const NUMBER = String.raw`(\d{1,4}(?:\.\d{1,2}){0,3}|\d{1,4}\/\d{2}(?!\d))`;
/** The words that label an item's number ("Punkt", "Pkt.", "Sag nr.", "Nr."), from the lexicon, as one alternation. */
const LABEL = `(?:(?:${HEADING_WORDS.numberLabels.map((p) => p.source.replace(/^\^/, '').replace(/\$$/, '')).join('|')})\\s*)`;
/** "3. Titel", "3.1 Titel", "3 (Lukket) Titel", "Punkt 3: Titel", "Pkt. 3 - Titel". */
const INLINE = new RegExp(String.raw`^${NUMBER}\.?\s+(.+)$`, 'u');
/** "1.Temamøde": the title run onto the number's dot (web pages that drop the space). */
const INLINE_TIGHT = new RegExp(String.raw`^${NUMBER}\.(?=\p{Lu})(.+)$`, 'u');
/** "38Godkendelse af dagsorden": a page that sets the number apart by style alone lost even the dot. */
const INLINE_GLUED = /^(\d{1,4})(?=\p{Lu}\p{Ll}{2})(.+)$/u;
const PUNKT_INLINE = new RegExp(String.raw`^${LABEL}${NUMBER}\.?\s*[:.\-–]?\s+(.+)$`, 'iu');
/** "SAG NR. 1 MØDEPLAN 2010 …", "Sag nr. 12: Titel": a case-numbered heading with its title on the line. */
const SAG_INLINE = new RegExp(String.raw`^sag\s*nr\.?\s*(\d{1,4})\.?\s*[:.\-–]?\s+(.+)$`, 'iu');
/** A labelled number alone under its title: "Sag nr. 129", "Punkt 4" (Rødovre's and others' web pages). */
const LABELLED_ALONE = new RegExp(String.raw`^(?:punkt|pkt\.?|sag)\s*(?:nr\.?\s*)?(\d{1,4})\.?$`, 'iu');
/** A number alone: "715.", "3.1", "Punkt 3". */
const ALONE = new RegExp(String.raw`^${LABEL}?${NUMBER}\.?:?$`, 'iu');
const STARTS_WITH_MONTH = new RegExp(`^(${MONTHS.join('|')})\\b`, 'iu');

/** The access a word states ("Åben", "Lukket", "Fortroligt"), else null. */
export function accessWord(text: string): AccessLevel | null {
  const key = text.trim().replace(/[.:]$/, '');
  return HEADING_WORDS.access.find((a) => a.pattern.test(key))?.access ?? null;
}

/** Whether a line is a page label: "Side 3", "3 af 5", "Page 2 of 4", "- 3 -". */
export function isPageLabel(text: string): boolean {
  const t = text.trim();
  return HEADING_WORDS.pageLabels.some((p) => p.test(t)) || /\b(?:side|page)\s*\d+(?:\s*(?:af|of)\s*\d+)?$/iu.test(t);
}

/**
 * Whether a title starts like a title: a capital, digit or quote, and not a month ("24. november"),
 * nor a page label. In a table cell (`cell`) a lower-case title is one too: the cell sets it apart.
 */
export function looksLikeTitle(title: string, cell = false): boolean {
  const t = title.trim();
  const start = cell ? /^[\p{L}\d"'«„“]/u : /^[\p{Lu}\d"'«„“]/u;
  if (!start.test(t) || STARTS_WITH_MONTH.test(t) || isPageLabel(t)) return false;
  // "2021." or "1.800.000": a number or an amount, not a title.
  return !/^[\d\p{P}\s]+$/u.test(t);
}

/** The number's parts: "3.1" → [3, 1]. */
export const numberParts = (number: string) => number.split('.').map(Number);
const parts = numberParts;
/** "38/14": item 38 of (20)14, as some boards number across the years; the item's number is 38. */
const withoutYear = (number: string) => number.replace(/\/\d{2}$/, '');

/**
 * "Punkt 210 minElevrådet har ordet": an agenda table's cells run together — the item's number, the
 * minutes it is given, the title. The digits are parted where the rest is a duration agendas give
 * (5 to 120 minutes, in fives), the number as short as that allows: "15" is item 1 for 5 minutes,
 * "210" item 2 for 10, "1015" item 10 for 15.
 */
const PUNKT_DURATION = /^(?:punkt|pkt\.?)\s*(\d{2,5})\s?min\.?\s*(?=\p{Lu})(.+)$/iu;

function durationParted(text: string): RegExpExecArray | null {
  const m = PUNKT_DURATION.exec(text);
  if (!m) return null;
  const digits = m[1]!;
  for (let k = 1; k < digits.length; k++) {
    const minutes = digits.slice(k);
    if (minutes.startsWith('0') || Number(minutes) % 5 !== 0 || Number(minutes) < 5 || Number(minutes) > 120) continue;
    const parted = [m[0], digits.slice(0, k), m[2]!] as unknown as RegExpExecArray;
    return parted;
  }
  return null;
}

/** The candidate a line's own text makes: number and title on one line ("3. Titel", "Punkt 3: Titel"). */
export function inlineCandidate(text: string): { number: string; title: string; access: AccessLevel | null } | null {
  const m = durationParted(text) ?? PUNKT_INLINE.exec(text) ?? SAG_INLINE.exec(text) ?? INLINE.exec(text) ?? INLINE_TIGHT.exec(text) ?? INLINE_GLUED.exec(text);
  if (!m) return null;
  let title = m[2]!.trim();
  let access: AccessLevel | null = null;
  // "3 (Lukket) Titel", "3 Lukket: Titel": the access the heading states, before the title.
  const lead =
    /^\(([^)]{3,20})\)\s*(.+)$/u.exec(title) ??
    /^(\p{L}+(?: \p{L}+)?)\s*[:\-–]\s+(.+)$/u.exec(title) ??
    // "1 Åbent Lokalplan og …": the access word alone before a capitalised title.
    /^(Åben|Åbent|Lukket|ÅBEN|ÅBENT|LUKKET)\s+(\p{Lu}.+)$/u.exec(title);
  if (lead && accessWord(lead[1]!) !== null) {
    access = accessWord(lead[1]!);
    title = lead[2]!.trim();
  }
  if (!looksLikeTitle(title)) return null;
  return { number: withoutYear(m[1]!), title, access };
}

/** The number of a line or cell holding only a number ("715.", "Punkt 3"), else null. */
export function aloneNumber(text: string): string | null {
  const number = ALONE.exec(text.trim())?.[1];
  return number === undefined ? null : withoutYear(number);
}

/**
 * Lines that repeat after several page breaks (running headers and footers): the same text,
 * page numbers aside, within two lines of a page break on three or more pages.
 */
export function runningLines(lines: readonly Line[]): Set<number> {
  // Within two lines of a page's start (the document's start is one) or of its end.
  const nearBreak = (i: number) =>
    i <= 1 || [i, i - 1].some((k) => k >= 0 && lines[k]!.pageBreakBefore) || [i + 1, i + 2].some((k) => lines[k]?.pageBreakBefore);
  const byKey = new Map<string, number[]>();
  lines.forEach((line, i) => {
    if (!nearBreak(i)) return;
    // Page labels change their digits from page to page ("Side 3"); a heading-like header keeps its
    // number, so numbered headings of one run ("3. Budget", "4. Budget") are never taken for one.
    const key = inlineCandidate(line.text) ? comparable(line.text) : comparable(line.text.replace(/\d+/g, '#'));
    if (key === '') return;
    // Pushed, not copied: a line repeated on every one of thousands of pages made copying quadratic.
    const indexes = byKey.get(key);
    if (indexes) indexes.push(i);
    else byKey.set(key, [i]);
  });
  const running = new Set<number>();
  for (const indexes of byKey.values()) if (indexes.length >= 3) for (const i of indexes) running.add(i);
  return running;
}

/** The next line that holds text, from index `from`. */
function nextText(lines: readonly Line[], from: number): number {
  let i = from;
  while (i < lines.length && lines[i]!.text.trim() === '') i++;
  return i;
}

/** A number alone at a page break is a page number unless a heading-styled title follows it. */
function isPageNumberSpot(lines: readonly Line[], index: number): boolean {
  const line = lines[index]!;
  const next = lines[index + 1];
  if (!next || next.pageBreakBefore) return true;
  return line.pageBreakBefore && !(next.heading > 0 || next.bold || line.heading > 0 || line.bold);
}

/** The candidate one line makes, looking at the next line for a title printed under its number. */
export function candidateAt(lines: readonly Line[], index: number): Candidate | null {
  const line = lines[index]!;
  if (line.annotation) return null;
  if (line.list) {
    // Web pages list their items as bullets ("• 301. Planstrategi 2020"); a numbered list's own
    // numbers are its marker, and its lines are never headings.
    if (/\d/.test(line.list.marker)) return null;
    const inline = inlineCandidate(line.text);
    if (inline) return { index, number: inline.number, parts: parts(inline.number), title: inline.title, titleLines: 0, shape: 'bullet', access: inline.access };
    // "• 1" over "Pulje fra UVM …": a fold-out list that sets the item's number as the bullet's
    // own line and the title on the next; the title line must be plain text, not another bullet.
    const alone = aloneNumber(line.text);
    if (alone === null) return null;
    const t = nextText(lines, index + 1);
    const titleLine = lines[t];
    if (!titleLine || titleLine.list || titleLine.cells || titleLine.annotation || titleLine.pageBreakBefore) return null;
    const title = titleLine.text.trim();
    if (!looksLikeTitle(title) || aloneNumber(title) !== null || inlineCandidate(title) !== null) return null;
    return { index, number: alone, parts: parts(alone), title, titleLines: t - index, shape: 'bullet', access: null };
  }
  const cells = line.cells?.map((c) => c.trim()).filter((c) => c !== '') ?? null;
  const make = (number: string, title: string, titleLines: number, shape: HeadingShape, access: AccessLevel | null): Candidate => ({
    index,
    number,
    parts: parts(number),
    title,
    titleLines,
    shape,
    access,
  });
  // A table row whose first cell is a number: the title in the next cell ("2. ¦ test", "1 ¦ Åben ¦ Titel").
  if (cells && cells.length >= 2) {
    const number = aloneNumber(cells[0]!);
    if (number === null) return null;
    let rest = cells.slice(1);
    const access = accessWord(rest[0]!);
    if (access !== null && rest.length > 1) rest = rest.slice(1);
    return looksLikeTitle(rest[0]!, true) ? make(number, rest[0]!, 0, 'row', access) : null;
  }
  const text = cells ? (cells[0] ?? '') : line.text;
  // "Pkt. 1" with its title on the very next line (a transcript without blank lines): the labelled
  // number heads the title under it. A label line or a blank after it leaves "Titel" / "Sag nr. 129".
  const labelled = cells ? null : LABELLED_ALONE.exec(text.trim());
  const below = labelled ? lines[index + 1] : undefined;
  if (
    labelled && below && !below.breakBefore && !below.pageBreakBefore && !below.list && !below.cells && !below.annotation &&
    looksLikeTitle(below.text) && !/^[^:]{1,60}:/u.test(below.text) && sectionTypeOf(below.text) === null &&
    aloneNumber(below.text) === null && inlineCandidate(below.text) === null
  ) {
    return make(labelled[1]!, below.text.trim(), 1, 'alone', null);
  }
  // "Titel" then "Sag nr. 129": the item starts at its title, the number line belongs to the heading.
  const under = cells ? null : LABELLED_ALONE.exec(text.trim());
  if (under && index > 0) {
    const prev = lines[index - 1]!;
    // A person's name alone (the sign-off of the notice above the first item: "Med venlig hilsen" / "Anna Holm") titles nothing.
    if (!prev.list && !prev.cells && !prev.annotation && looksLikeTitle(prev.text) && inlineCandidate(prev.text) === null && aloneNumber(prev.text) === null && !isPersonName(prev.text)) {
      return { index: index - 1, number: under[1]!, parts: parts(under[1]!), title: prev.text.trim(), titleLines: 1, shape: 'under', access: null };
    }
  }
  const inline = inlineCandidate(text);
  if (inline) return make(inline.number, inline.title, 0, cells ? 'row' : 'inline', inline.access);
  // "Punkt Titel" over "16 Udpegningssager til hverv …": the table's columns say the bare number is the item's.
  const columned = cells ? null : underItemColumns(lines, index);
  if (columned) return make(columned.number, columned.title, 0, 'inline', null);
  const alone = aloneNumber(text);
  if (alone === null) return null;
  // A number alone is a heading only as its own paragraph, with the title on the next line.
  if (!(index === 0 || line.breakBefore || line.pageBreakBefore || line.heading > 0 || line.bold || cells)) return null;
  if (isPageNumberSpot(lines, index)) return null;
  const t = nextText(lines, index + 1);
  const titleLine = lines[t];
  if (!titleLine || titleLine.list || titleLine.annotation || titleLine.pageBreakBefore) return null;
  const title = titleLine.cells ? (titleLine.cells.find((c) => c.trim() !== '') ?? '').trim() : titleLine.text;
  if (titleLine.cells && titleLine.cells.filter((c) => c.trim() !== '').length > 1) return null;
  if (!looksLikeTitle(title) || aloneNumber(title) !== null) return null;
  // "2" over "Indholdsfortegnelse": a page's number over the contents' label, no item.
  if (HEADING_WORDS.tocLabels.some((p) => p.test(title.trim()))) return null;
  return make(alone, title, t - index, cells ? 'row' : 'alone', null);
}

/** "16 Udpegningssager til hverv …": a bare number (no full stop) and a capitalised title. */
const BARE_NUMBERED = /^(\d{1,4})\s+(\p{Lu}.{2,})$/u;

/**
 * A line right under an item table's column headers ("Punkt Titel", the page's copy of a table
 * that printed each item's number and title in cells): its bare leading number is the item's.
 * The headers are learnt from the line above, so "16 medlemmer …" elsewhere stays text.
 */
export function underItemColumns(lines: readonly Line[], index: number): { number: string; title: string } | null {
  const above = index > 0 ? lines[index - 1]! : null;
  if (!above || above.cells || above.list || !HEADING_WORDS.itemColumns.some((p) => p.test(above.text.trim()))) return null;
  const m = BARE_NUMBERED.exec(lines[index]!.text.trim());
  if (!m || !looksLikeTitle(m[2]!)) return null;
  return { number: m[1]!, title: m[2]!.trim() };
}

/** Every heading candidate in document order, leaving out skipped lines and running headers. */
export function candidatesOf(lines: readonly Line[], skip: ReadonlySet<number> = new Set()): Candidate[] {
  const running = runningLines(lines);
  const out: Candidate[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i) || running.has(i) || isPageLabel(lines[i]!.text)) continue;
    const c = candidateAt(lines, i);
    if (c && !skip.has(c.index + c.titleLines)) out.push(c);
  }
  return out;
}

/**
 * Entries that lost their numbers between two numbered ones ("2. Godkendelse af budget" / "Ny ordning
 * …" / "Renovering af ovnlinie 2" / "5. Udvidelse …": a transcript dropped "3." and "4." with the
 * digits before them): where the step from `prev` to `next` skips exactly as many numbers as there
 * are lines between them, and each of those lines reads as a title (short, capitalised, no section
 * word, no label), each line is the entry of the next missing number. Top-level numbers only;
 * null when the lines do not fit.
 */
export function lostNumbered(
  prev: readonly number[],
  next: readonly number[],
  between: readonly Line[],
  firstIndex: number,
  inContents = false,
): Array<{ index: number; number: string; title: string }> | null {
  if (prev.length !== 1 || next.length !== 1) return null;
  const gap = next[0]! - prev[0]! - 1;
  if (gap < 1 || gap > 3 || between.length !== gap) return null;
  const titled = between.every((l) => {
    const t = l.text.trim();
    // Under a contents label a line is an entry even when it is a section word too ("Økonomi" is an item's title there).
    const section = !inContents && sectionTypeOf(t) !== null;
    return !l.cells && !l.list && t.length <= 160 && looksLikeTitle(t) && !/^\S+\s?:/u.test(t) && !/[.:]\s+\p{Lu}\p{Ll}+\s+\p{Ll}+\s+\p{Ll}+/u.test(t) && !section;
  });
  if (!titled) return null;
  return between.map((l, k) => ({ index: firstIndex + k, number: String(prev[0]! + 1 + k), title: l.text.trim() }));
}
