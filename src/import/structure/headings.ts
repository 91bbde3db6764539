/**
 * @module Item headings: the numbered lines ("3.", "3.1.") that start agenda items, told apart
 * from lines that merely start with a number ("24. november 2019.", "2021.").
 */
import type { TocEntry } from '../../model/index.js';
import type { Line } from '../line.js';
import { MONTHS } from './dates.js';
import { comparable } from './join.js';

export interface ItemHeading {
  /** Index of the heading line. */
  index: number;
  number: string;
  /** Title text on the heading line (may continue on following lines). */
  title: string;
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

/** Finds the item headings in document order, skipping the table of contents. */
export function findItemHeadings(lines: readonly Line[], skip: ReadonlySet<number>, toc: readonly TocEntry[]): ItemHeading[] {
  const tocNumbers = new Set(toc.map((e) => e.number).filter((n): n is string => n !== null));
  const candidates = lines.map((line, index) => (skip.has(index) ? null : headingCandidate(line)));
  const vouched = tocVouched(candidates, toc);
  const headings: ItemHeading[] = [];
  let prev: number[] | null = null;
  lines.forEach((line, index) => {
    const candidate = candidates[index];
    if (!candidate) return;
    // Where the contents name a heading's title, a line with that number but another title is text
    // (a numbered point inside an item), not the item.
    if (vouched.has(candidate.number) && !vouched.get(candidate.number)!.has(index)) return;
    const parts = candidate.number.split('.').map(Number);
    const styled = line.heading > 0 || line.bold || line.breakBefore || line.pageBreakBefore;
    // A skipped number is accepted only when the table of contents vouches for it.
    const ok = isSuccessor(prev, parts) || (tocNumbers.has(candidate.number) && skipsForward(prev, parts) && styled);
    if (!ok) return;
    headings.push({ index, number: candidate.number, title: candidate.title });
    prev = parts;
  });
  return headings;
}


/** For each number the contents list, the lines whose title matches the contents' title (when any do). */
function tocVouched(candidates: ReadonlyArray<{ number: string; title: string } | null>, toc: readonly TocEntry[]): Map<string, Set<number>> {
  const vouched = new Map<string, Set<number>>();
  for (const entry of toc) {
    if (entry.number === null) continue;
    const want = comparable(entry.title);
    const matching = new Set<number>();
    candidates.forEach((c, i) => {
      if (!c || c.number !== entry.number) return;
      const got = comparable(c.title);
      if (want.length > 0 && (got.startsWith(want) || want.startsWith(got))) matching.add(i);
    });
    if (matching.size > 0) vouched.set(entry.number, matching);
  }
  return vouched;
}

function skipsForward(prev: number[] | null, next: number[]): boolean {
  if (!prev) return true;
  for (let i = 0; i < Math.min(prev.length, next.length); i++) {
    if (next[i]! > prev[i]!) return true;
    if (next[i]! < prev[i]!) return false;
  }
  return next.length > prev.length;
}
