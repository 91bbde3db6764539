/**
 * @module The run of candidates that forms the document's agenda. Each candidate earns points
 * for what marks an item heading (heading style, a case number or section words under it, the
 * table of contents naming it); each step from one chosen heading to the next must go forward in
 * the numbering (3 → 3.1 → 3.2 → 4, gaps allowed where numbers run across the year) and earns
 * points for keeping the run's style. The best-scoring run wins (a longest-path choice over the
 * candidates in document order), so a numbered list inside an item — which restarts at 1, lacks
 * the run's style and stands line after line — loses to the headings around it.
 */
import { comparable, sectionTypeOf, type TocEntry } from '../../model/index.js';
import { HEADING_WORDS } from '../lexicon/index.js';
import type { Line } from '../line.js';
import { underItemColumns, type Candidate } from './candidates.js';

/** Case numbers as case systems print them (SAG-2020-01697, 12/27845, 2013-003869, 00.01.00-A00-1-20). */
const CASE_TOKEN = /(?:^|\s)(?:SAG-\d{4}-\d{3,6}|\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}-\d+-\d{2}|\d{2}\/\d{3,6}|\d{4}-\d{4,6}|\d{3}-\d{4}-\d{3,})(?:\s|$)/;

/** Whether `next` can follow `prev` in an agenda's numbering: forward, one level deeper at most. */
export function follows(prev: readonly number[], next: readonly number[]): boolean {
  if (next.length === prev.length + 1) return prev.every((n, i) => n === next[i]) && next.at(-1)! >= 1;
  if (next.length > prev.length) return false;
  const depth = next.length - 1;
  for (let i = 0; i < depth; i++) if (next[i] !== prev[i]) return false;
  return next[depth]! > prev[depth]!;
}

/** How many numbers a step skips: 3 → 5 skips one, 3 → 3.1 none, 3.2 → 4 none. */
export function gapOf(prev: readonly number[], next: readonly number[]): number {
  if (next.length === prev.length + 1) return next.at(-1)! - 1;
  const depth = next.length - 1;
  return next[depth]! - prev[depth]! - 1;
}

/** What the table of contents says of a candidate: whether its number and its title are listed. */
export function tocAgreement(c: Candidate, toc: readonly TocEntry[]): { number: boolean; title: boolean } {
  const entries = toc.filter((e) => e.number === c.number);
  const got = comparable(c.title);
  const title = entries.some((e) => {
    const want = comparable(e.title);
    return want.length > 0 && got.length > 0 && (got.startsWith(want) || want.startsWith(got));
  });
  return { number: entries.length > 0, title };
}

/** Whether a line is a case line or label ("SAG-2020-01697 chbo", "Sagsnr.: 12/27845"). */
export function isCaseLine(line: Line): boolean {
  const text = line.cells ? line.cells.join(' ') : line.text;
  return CASE_TOKEN.test(` ${text.slice(0, 60)} `) || HEADING_WORDS.caseLabels.some((p) => p.test(text.trim()));
}

/** Points for what a candidate is by itself: its style, what follows it, the contents' word. */
export function evidenceOf(c: Candidate, lines: readonly Line[], toc: readonly TocEntry[]): number {
  const line = lines[c.index]!;
  let score = 1;
  if (line.heading > 0) score += 2;
  if (line.bold) score += 1;
  if (line.breakBefore || line.pageBreakBefore || c.index === 0) score += 0.5;
  if (c.title.length > 150) score -= 1;
  // "2. Lars Winther (A)": a numbered list of members, not an item.
  if (/^(?:\p{Lu}\p{Ll}+\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*)+\s*\([A-ZÆØÅ]{1,2}\)$/u.test(c.title)) score -= 2.5;
  // "2. Formandsbeslutning. Ulla Aastrup orienterede om, …": a numbered paragraph, not a heading; but
  // a number its label names ("Punkt 4 …"), which paragraphs are not numbered with, heads a two-sentence title.
  const labelled = /^(?:punkt|pkt\.?)\s*\d/iu.test(line.text.trim());
  // A one-letter abbreviation ("VUS v. Karl Damsgaard") ends no sentence.
  if (/(?<!(?:^|\s)\p{L})[.!?]\s+\p{Lu}\p{Ll}+\s+\S+\s+\S+/u.test(c.title) && c.title.length > 60 && !labelled) score -= 1.5;
  // A year where a number should be ("2021 Budget"): rarely an item.
  if (c.parts[0]! >= 1900 && c.parts[0]! <= 2099) score -= 2;
  const after = lines.slice(c.index + c.titleLines + 1, c.index + c.titleLines + 13);
  // A case number or its label right under the heading, as case systems print it.
  if (after.slice(0, 4).some(isCaseLine)) score += 1.5;
  // The item table's column headers over it ("Punkt Titel"): the page says this is an item's number.
  if (c.titleLines === 0 && underItemColumns(lines, c.index)) score += 1;
  // Known section headings (Resumé, Sagsfremstilling, Indstilling, Beslutning) under it.
  if (after.some((l) => !l.list && sectionTypeOf(l.text.replace(/:$/, '')) !== null)) score += 0.5;
  // The title printed again under the heading (a heading line and its title, as some systems print).
  if (after[0] && comparable(after[0].text) === comparable(c.title)) score += 0.5;
  if (toc.length > 0) {
    const agreement = tocAgreement(c, toc);
    if (agreement.title) score += 3;
    else if (agreement.number) score += 0.5;
    else score -= 1.5;
  }
  return score;
}

/** The style features a run keeps from heading to heading. */
function styleOf(c: Candidate, lines: readonly Line[]): string[] {
  const l = lines[c.index]!;
  return [`h${l.heading > 0}`, `b${l.bold}`, `k${l.breakBefore || l.pageBreakBefore}`, c.shape];
}

/** Points for a run going from `a` to `b`, or null when `b` cannot follow `a`. */
export function stepScore(a: Candidate, b: Candidate, lines: readonly Line[], toc: readonly TocEntry[]): number | null {
  if (b.index <= a.index + a.titleLines || !follows(a.parts, b.parts)) return null;
  let score = 0;
  const gap = gapOf(a.parts, b.parts);
  // Numbers running across the year (183, 715) skip what other meetings took; an agenda numbered
  // from 1 seldom skips, unless the contents list the number.
  const listed = toc.some((e) => e.number === b.number);
  if (gap > 0) score -= listed ? 0.2 : a.parts[0]! >= 20 && a.parts.length === b.parts.length ? Math.min(gap, 10) * 0.1 : 1.5 * gap;
  // Style kept: same-level headings look alike.
  const sa = styleOf(a, lines);
  const sb = styleOf(b, lines);
  const mismatches = sa.filter((f, i) => f !== sb[i]).length;
  score -= (a.parts.length === b.parts.length ? 0.6 : 0.3) * mismatches;
  // Line after line without a break or heading style: a numbered list, not two items.
  const line = lines[b.index]!;
  const tight = b.index === a.index + a.titleLines + 1 && !line.breakBefore && !line.pageBreakBefore && line.heading === 0;
  if (tight && !(a.parts.length < b.parts.length)) score -= 2;
  return score;
}

/** Points for a run starting at `c`: from 1, or from a number the contents list. */
export function startScore(c: Candidate, toc: readonly TocEntry[]): number {
  if (c.parts.every((n) => n === 1)) return 1;
  if (toc.some((e) => e.number === c.number)) return 0.5;
  // Numbers across the year, or an agenda whose first item was left out (eDoc's "2. test").
  return c.parts.length === 1 ? -0.5 : -2;
}

/** Points a step loses for each number it skips that a candidate between holds. */
const SKIPPED_PRESENT = 2.5;

/** How many of the numbers a step from `a` to `b` skips are numbers of candidates between them (up to 20 looked at). */
function skippedPresent(a: Candidate, b: Candidate, between: ReadonlySet<string>): number {
  if (a.parts.length !== b.parts.length) return 0;
  const gap = gapOf(a.parts, b.parts);
  let present = 0;
  for (let k = 1; k <= Math.min(gap, 20); k++) {
    const parts = [...a.parts];
    parts[parts.length - 1] = parts.at(-1)! + k;
    if (between.has(parts.join('.'))) present++;
  }
  return present;
}

/** How many candidates back a step may reach: bounds the work on long documents full of numbered lines. */
const LOOKBACK = 400;

/** The least a run must score to be taken for the agenda. */
export const MIN_RUN_SCORE = 1.5;

/** The best-scoring run of candidates (document order, numbering forward), or [] when none scores enough. */
export function bestRun(candidates: readonly Candidate[], lines: readonly Line[], toc: readonly TocEntry[]): Candidate[] {
  const evidence = candidates.map((c) => evidenceOf(c, lines, toc));
  const best: number[] = candidates.map((c, i) => evidence[i]! + startScore(c, toc));
  const back: number[] = candidates.map(() => -1);
  for (let j = 0; j < candidates.length; j++) {
    // The numbers of the candidates between i and j: a step that skips one of them skips an item
    // that is there, which numbers running across the year never excuse.
    const between = new Set<string>();
    for (let i = j - 1; i >= Math.max(0, j - LOOKBACK); i--) {
      const step = stepScore(candidates[i]!, candidates[j]!, lines, toc);
      between.add(candidates[i]!.number);
      if (step === null) continue;
      const total = best[i]! + step - SKIPPED_PRESENT * skippedPresent(candidates[i]!, candidates[j]!, between) + evidence[j]!;
      if (total > best[j]!) {
        best[j] = total;
        back[j] = i;
      }
    }
  }
  let end = -1;
  best.forEach((score, i) => {
    if (score >= MIN_RUN_SCORE && (end < 0 || score > best[end]!)) end = i;
  });
  const run: Candidate[] = [];
  for (let k = end; k >= 0; k = back[k]!) run.unshift(candidates[k]!);
  return run;
}

/**
 * A page that is nothing but its agenda: lines "1. …", "2. …", "3. …" one under the other, each
 * the next number. Tight lines are a numbered list inside an item where items have text between
 * them; where the best run found just one heading, and that heading opens such a list, the list
 * is the agenda.
 */
export function listAgenda(run: readonly Candidate[], candidates: readonly Candidate[], lines: readonly Line[]): Candidate[] {
  if (run.length > 1) return [...run];
  const first = run[0] ?? candidates.find((c) => c.parts.length === 1 && c.parts[0] === 1);
  if (!first || first.parts.length !== 1 || first.parts[0] !== 1) return [...run];
  const list = [first];
  for (const c of candidates.slice(candidates.indexOf(first) + 1)) {
    const last = list.at(-1)!;
    const tight = c.index === last.index + last.titleLines + 1;
    if (!tight || c.parts.length !== 1 || c.parts[0] !== last.parts[0]! + 1 || c.shape !== last.shape) break;
    list.push(c);
  }
  return list.length >= 3 ? list : [...run];
}
