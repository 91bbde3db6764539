/**
 * @module Item headings: the numbered lines ("3.", "3.1.", "715", "Punkt 3:") that start agenda
 * items, learnt from the document itself — candidates of every shape (candidates.ts), the run
 * that forms the agenda (runs.ts), and the table of contents to repair and complete it.
 */
import type { AccessLevel, TocEntry } from '../../model/index.js';
import { comparable } from '../../model/index.js';
import type { Line } from '../line.js';
import { MONTHS } from './dates.js';
import { candidatesOf, inlineCandidate, lostNumbered, numberParts, type Candidate } from './candidates.js';
import { joinBroken } from './join.js';
import { bestRun, isCaseLine, listAgenda } from './runs.js';
import { unnumberedHeadings } from './unnumbered.js';

export interface ItemHeading {
  /** Index of the heading line. */
  index: number;
  number: string;
  /** Title text on the heading line (may continue on following lines). */
  title: string;
  /** Lines after the heading line that belong to the heading (a title under its number, a cut title's rest). */
  titleLines: number;
  /** The access the heading states ("3 (Lukket) Titel"), else null. */
  access: AccessLevel | null;
  /** Made from the table of contents: the text has no heading for it. */
  fromToc: boolean;
}

const HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,2})\.?\s+(.+)$/;
/** "Punkt 3: Titel", "Pkt. 3 - Titel": the numbering some agenda systems print. */
const PUNKT = /^(?:punkt|pkt\.?)\s*(\d{1,2}(?:\.\d{1,2}){0,2})\s*[:.\-–]?\s+(.+)$/i;
const STARTS_WITH_MONTH = new RegExp(`^(${MONTHS.join('|')})\\b`, 'i');

/** Whether `next` can follow `prev` in an agenda's numbering (1 → 1.1 → 1.2 → 2 …). */
export function isSuccessor(prev: number[] | null, next: number[]): boolean {
  if (!prev) return next.length <= 2 && next.every((n, i) => n === 1 || (i === 0 && n <= 2));
  if (next.length === prev.length + 1) return next.at(-1) === 1 && prev.every((n, i) => n === next[i]);
  if (next.length > prev.length) return false;
  const depth = next.length - 1;
  for (let i = 0; i < depth; i++) if (next[i] !== prev[i]) return false;
  return next[depth] === prev[depth]! + 1;
}

/** A heading candidate: number plus a title that starts like a title, not like a date. */
export function headingCandidate(line: Line): { number: string; title: string } | null {
  if (line.list || line.cells || line.annotation) return null;
  const m = HEADING.exec(line.text) ?? PUNKT.exec(line.text);
  if (!m) return null;
  const title = m[2]!.trim();
  if (!/^[\p{Lu}\d"'«„]/u.test(title) || STARTS_WITH_MONTH.test(title)) return null;
  return { number: m[1]!, title };
}

/**
 * Finds the item headings in document order, skipping the table of contents: every candidate
 * (candidates.ts), the run that forms the agenda (runs.ts), titles cut by a break repaired from
 * the contents, and items the contents list but the text has no heading for.
 */
export function findItemHeadings(lines: readonly Line[], skip: ReadonlySet<number>, toc: readonly TocEntry[]): ItemHeading[] {
  const all = candidatesOf(lines, skip);
  const vouched = tocVouched(all, toc);
  // Where the contents name a heading's title, a line with that number but another title is text
  // (a numbered point inside an item), not the item.
  const candidates = all.filter((c) => !vouched.has(c.number) || vouched.get(c.number)!.has(c.index));
  const run = listAgenda(bestRun(candidates, lines, toc), candidates, lines);
  const headings: ItemHeading[] = [];
  run.forEach((c, k) => {
    // Headings between two of the run that lost their numbers (see lostNumbered).
    const prev = run[k - 1];
    const first = prev ? prev.index + prev.titleLines + 1 : 0;
    const lost = prev && !skip.has(first) ? lostNumbered(prev.parts, c.parts, lines.slice(first, c.index), first) : null;
    for (const l of lost ?? []) headings.push({ index: l.index, number: l.number, title: l.title, titleLines: 0, access: null, fromToc: false });
    headings.push({ index: c.index, number: c.number, title: c.title, titleLines: c.titleLines, access: c.access, fromToc: false });
  });
  withoutPageNumbers(headings);
  for (const h of headings) repairTitle(h, lines, toc, skip);
  if (headings.length === 0) headings.push(...titledLines(lines, skip, toc));
  const paged = toc.length === 0 ? pagedItems(headings, lines, skip) : null;
  if (paged) return paged;
  if (headings.length === 0 && toc.length === 0) headings.push(...unnumberedHeadings(lines, skip));
  return withTocItems(headings, toc);
}

/** The most entries an agenda list read as the contents of item pages may have. */
const MAX_LISTED_ITEMS = 60;

/**
 * An agenda printed as a list ("1. …" / "2. …" / "3. …" on lines one under the other) and the items'
 * own pages after it whose headings lost their numbers ("Ansættelse af ny direktør for" / "J.nr.: …"):
 * the list is the contents, and its titles found again after it (as titledLines finds them) are the
 * items' headings; the list's other entries are items from the contents (fromToc). Null when the headings are no
 * such list or none of its titles is found again.
 */
function pagedItems(headings: readonly ItemHeading[], lines: readonly Line[], skip: ReadonlySet<number>): ItemHeading[] | null {
  // An agenda's length: each entry is looked for over the lines after the list, so a long list would cost lines × entries.
  if (headings.length < 3 || headings.length > MAX_LISTED_ITEMS) return null;
  const tight = headings.every((h, k) => k === 0 || h.index === headings[k - 1]!.index + headings[k - 1]!.titleLines + 1);
  const last = headings.at(-1)!;
  if (!tight || last.index + last.titleLines + 1 >= lines.length) return null;
  const list = headings.map((h): TocEntry => ({ number: h.number, title: h.title, page: null, hasAttachments: false }));
  const listed = new Set([...skip, ...headings.flatMap((h) => Array.from({ length: h.titleLines + 1 }, (_, k) => h.index + k))]);
  const found = titledLines(lines, listed, list);
  if (found.length === 0) return null;
  return withTocItems(found, list);
}

/** How much longer than its title a line may be and still be the item's heading line (page labels, "Åben sag"). */
const HEADING_LINE_SLACK = 60;

/**
 * Where no heading kept its number (a transcript that lost every number, "Mødedato Side Godkendelse
 * af dagsorden Åben sag"), the contents entries' titles, found in order on short lines after the
 * contents, mark their items: each such line is the heading of its entry's item. Two found at
 * least, or one with its case number under it, else none (one title found again may be a mention).
 */
function titledLines(lines: readonly Line[], skip: ReadonlySet<number>, toc: readonly TocEntry[]): ItemHeading[] {
  const entries = toc.filter((e): e is TocEntry & { number: string } => e.number !== null && comparable(e.title).length >= 8);
  if (entries.length < 3 || skip.size === 0) return [];
  const out: ItemHeading[] = [];
  let from = Math.max(...skip) + 1;
  for (const entry of entries) {
    const want = comparable(entry.title);
    for (let i = from; i < lines.length; i++) {
      const line = lines[i]!;
      if (skip.has(i) || line.cells || line.list || line.text.length > entry.title.length + HEADING_LINE_SLACK) continue;
      if (!comparable(line.text).includes(want)) continue;
      // A page's short first line over it ("Handicaprådet" / "Mødedato Side <titel> Åben sag") is the
      // page's header for this item, not the end of the item before.
      const header = i - 1 > from - 1 && !skip.has(i - 1) && lines[i - 1]!.pageBreakBefore && !lines[i]!.pageBreakBefore && lines[i - 1]!.text.trim().length <= 40;
      out.push({ index: header ? i - 1 : i, number: entry.number, title: entry.title, titleLines: header ? 1 : 0, access: null, fromToc: false });
      from = i + 1;
      break;
    }
  }
  // One title found again is a heading when the item's case number stands right under it, as a case
  // system prints it ("Ansættelse af ny direktør for" / "J.nr.: 81.02P27/"): a mention has none.
  const cased = (h: ItemHeading) => lines.slice(h.index + h.titleLines + 1, h.index + h.titleLines + 3).some(isCaseLine);
  return out.length >= 2 || (out.length === 1 && cased(out[0]!)) ? out : [];
}

/** A contents line's page number after its title ("Godkendelse af dagsorden 4"). */
const PAGE_AFTER_TITLE = /\s+(\d{1,3})$/;

/**
 * Contents that stand in for the items (a page cut before the items' text: "1 (Åben) Godkendelse af
 * dagsorden 4", "2 (Åben) Forslag til … 5" …): when every title of three or more headings ends in a
 * number and those numbers never fall and do rise, they are the contents' page numbers, no part of the titles.
 */
function withoutPageNumbers(headings: ItemHeading[]): void {
  if (headings.length < 3) return;
  const pages = headings.map((h) => PAGE_AFTER_TITLE.exec(h.title));
  if (pages.some((p) => p === null)) return;
  const numbers = pages.map((p) => Number(p![1]));
  if (numbers.some((n, i) => i > 0 && n < numbers[i - 1]!) || numbers.at(-1)! <= numbers[0]!) return;
  headings.forEach((h, i) => (h.title = h.title.slice(0, pages[i]!.index)));
}

/**
 * A heading whose title was cut (a line or page break) and which the contents give in full:
 * the lines after it that carry the rest of the contents' title become part of the heading.
 */
export function repairTitle(h: ItemHeading, lines: readonly Line[], toc: readonly TocEntry[], skip: ReadonlySet<number> = new Set()): void {
  const entry = toc.find((e) => e.number === h.number);
  if (!entry) return;
  const want = comparable(entry.title);
  let got = comparable(h.title);
  if (got.length === 0 || want.length <= got.length || !want.startsWith(got)) return;
  let title = h.title;
  let used = h.titleLines;
  for (let k = h.index + h.titleLines + 1; k < lines.length && k <= h.index + h.titleLines + 3; k++) {
    const line = lines[k]!;
    if (skip.has(k) || line.cells || line.list) break;
    const part = comparable(line.text);
    if (part.length === 0 || !want.slice(got.length).startsWith(part)) break;
    title = joinBroken(title, line.text);
    got += part;
    used = k - h.index;
    if (got === want) break;
  }
  if (got !== want) return;
  h.title = title;
  h.titleLines = used;
}

/**
 * Items the contents list without a heading in the text (missing, or unreadable): each is made
 * from its contents entry, in numbering order among the others, and marked `fromToc`.
 */
export function withTocItems(headings: readonly ItemHeading[], toc: readonly TocEntry[]): ItemHeading[] {
  const found = new Set(headings.map((h) => h.number));
  const missing = toc.filter((e): e is TocEntry & { number: string } => e.number !== null && !found.has(e.number));
  if (missing.length === 0) return [...headings];
  const out = [...headings];
  for (const entry of missing) {
    const parts = numberParts(entry.number);
    // Before the first found heading whose number comes after it; its place in the text is that heading's.
    const at = out.findIndex((h) => compareNumbers(numberParts(h.number), parts) > 0);
    const place = at < 0 ? out.length : at;
    const index = at < 0 ? Number.MAX_SAFE_INTEGER : out[at]!.index;
    // "103. Lukket sag: Titel": the access the entry states is no part of its title, as at a heading.
    const stated = inlineCandidate(`${entry.number} ${entry.title}`);
    const access = stated?.access ?? null;
    out.splice(place, 0, { index, number: entry.number, title: access ? stated!.title : entry.title, titleLines: 0, access, fromToc: true });
  }
  return out;
}

/** Compares two item numbers in agenda order (3 < 3.1 < 3.2 < 4). */
export function compareNumbers(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** For each number the contents list, the lines whose title matches the contents' title (when any do). */
function tocVouched(candidates: readonly Candidate[], toc: readonly TocEntry[]): Map<string, Set<number>> {
  const vouched = new Map<string, Set<number>>();
  for (const entry of toc) {
    if (entry.number === null) continue;
    const want = comparable(entry.title);
    const matching = new Set<number>();
    for (const c of candidates) {
      if (c.number !== entry.number) continue;
      const got = comparable(c.title);
      if (want.length > 0 && (got.startsWith(want) || want.startsWith(got))) matching.add(c.index);
    }
    if (matching.size > 0) vouched.set(entry.number, matching);
  }
  return vouched;
}

