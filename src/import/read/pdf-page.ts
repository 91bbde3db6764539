/**
 * @module One PDF page's text runs → visual lines. Pure: the pdfjs side (pdf.ts) hands over
 * positioned runs and link boxes; here runs on one baseline become a line, runs far apart
 * become separate segments (table cells), a leading bullet glyph becomes a list marker, and
 * link annotations are matched to the words they cover.
 */
import type { Link } from '../../model/index.js';
import { bulletOf, isBulletGlyph } from './bullet.js';

/** A text run as the PDF draws it: baseline y from the page bottom, size from the text matrix. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  bold: boolean;
  italic: boolean;
}

/** A link annotation: its address (null for "#") and rectangle [x1, y1, x2, y2]. */
export interface LinkBox {
  url: string | null;
  rect: [number, number, number, number];
}

/** A stretch of a line with no wide gap: one table cell, or the whole line. */
export interface Segment {
  text: string;
  x: number;
  right: number;
}

/** A visual line of one page, before document-wide decisions (headers, headings, tables, breaks). */
export interface PageLine {
  page: number;
  y: number;
  /** The dominant font size of the line (by characters). */
  size: number;
  segments: Segment[];
  bold: boolean;
  italic: boolean;
  list: { marker: string; x: number } | null;
  links: Link[];
}

/** A gap wider than this many font sizes separates table cells. */
const CELL_GAP = 1.5;
/** A gap wider than this many font sizes is a space between words. */
const WORD_GAP = 0.15;

interface Placed {
  run: TextRun;
  /** Index of the run's first character in the line's text. */
  start: number;
}

/** Builds the visual lines of one page, top to bottom. */
export function pageLines(page: number, runs: TextRun[], linkBoxes: LinkBox[]): PageLine[] {
  const visible = runs.filter((r) => r.text.trim() !== '' && r.size > 0);
  visible.sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of visible) {
    const current = groups[groups.length - 1];
    const ref = current?.[0];
    // Sub- and superscripts sit a little off the baseline: tolerance grows with the font size.
    if (ref && Math.abs(ref.y - run.y) <= Math.max(2, 0.35 * Math.min(ref.size, run.size))) current!.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => buildLine(page, group, linkBoxes));
}

function buildLine(page: number, group: TextRun[], linkBoxes: LinkBox[]): PageLine {
  const runs = [...group].sort((a, b) => a.x - b.x);
  const size = dominantSize(runs);
  let list: PageLine['list'] = null;
  const first = runs[0]!;
  const second = runs[1];
  // A bullet drawn as its own glyph, followed by the text at an indent.
  if (second && isBulletGlyph(first.text) && second.x - (first.x + first.width) > 0.25 * size) {
    list = { marker: first.text.trim(), x: first.x };
    runs.shift();
  }
  const segments: Segment[] = [];
  const placed: Placed[] = [];
  let text = '';
  let segStart = 0;
  let prev: TextRun | null = null;
  for (const run of runs) {
    const gap = prev ? run.x - (prev.x + prev.width) : 0;
    if (prev && gap > CELL_GAP * size) {
      segments.push({ text: text.slice(segStart).trim(), x: segX(placed, segStart), right: prev.x + prev.width });
      text += '\t';
      segStart = text.length;
    } else if (prev && gap > WORD_GAP * size && !/\s$/.test(text) && !/^\s/.test(run.text)) {
      text += ' ';
    }
    placed.push({ run, start: text.length });
    text += run.text;
    prev = run;
  }
  segments.push({ text: text.slice(segStart).trim(), x: segX(placed, segStart), right: prev!.x + prev!.width });
  for (const s of segments) s.text = s.text.replace(/\s+/g, ' ');
  if (!list) {
    const typed = bulletOf(segments[0]!.text);
    // A dash typed before the text could be a wrapped " - " aside: only other glyphs count here.
    if (typed && !/^[-–*]$/.test(typed.marker)) {
      list = { marker: typed.marker, x: segments[0]!.x };
      segments[0]!.text = typed.text;
    }
  }
  const styled = runs.filter((r) => r.text.trim() !== '');
  return {
    page,
    y: first.y,
    size,
    segments: segments.filter((s) => s.text !== ''),
    bold: styled.every((r) => r.bold),
    italic: styled.every((r) => r.italic),
    list,
    links: linksOf(text, placed, first.y, size, linkBoxes),
  };
}

function segX(placed: Placed[], start: number): number {
  return placed.find((p) => p.start >= start)?.run.x ?? 0;
}

/** The size that most characters of the line have, rounded to half points. */
function dominantSize(runs: TextRun[]): number {
  const weight = new Map<number, number>();
  for (const r of runs) {
    const s = Math.round(r.size * 2) / 2;
    weight.set(s, (weight.get(s) ?? 0) + r.text.trim().length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
}

/** Helvetica advance widths (1/100 em) of ASCII 32–126: proportions to place characters within a run. */
const WIDTHS = '27,27,35,55,55,88,66,22,33,33,38,58,27,33,27,27,55,55,55,55,55,55,55,55,55,55,27,27,58,58,58,55,101,66,66,72,72,66,61,77,72,27,50,66,55,83,72,77,66,77,72,66,61,72,66,94,66,66,61,27,27,27,46,55,22,55,55,50,55,55,27,55,55,22,22,50,22,83,55,55,55,55,33,50,27,55,50,72,50,50,50,33,26,33,58'
  .split(',')
  .map(Number);
const WIDE: Record<string, number> = { æ: 89, Æ: 100, ø: 61, Ø: 78, å: 55, Å: 66, '–': 55, '—': 100, '…': 100 };

function advance(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 32 && code <= 126 ? WIDTHS[code - 32]! : (WIDE[ch] ?? 55);
}

/**
 * The links whose rectangles cover words of this line. PDF text has no per-character
 * positions, so characters are placed within their run by typical (Helvetica) proportions;
 * a word belongs to the link when its middle lies inside the rectangle, and punctuation at
 * its edges only when that character lies inside too ("her." → "her").
 */
function linksOf(text: string, placed: Placed[], y: number, size: number, boxes: LinkBox[]): Link[] {
  const links: Link[] = [];
  if (boxes.length === 0) return links;
  const xs = charCenters(text, placed);
  for (const box of boxes) {
    const [x1, y1, x2, y2] = box.rect;
    if (y + 0.6 * size < Math.min(y1, y2) || y - 0.2 * size > Math.max(y1, y2)) continue;
    const inside = (i: number) => xs[i] !== undefined && xs[i]! >= Math.min(x1, x2) - 0.5 && xs[i]! <= Math.max(x1, x2) + 0.5;
    const words: string[] = [];
    for (const m of text.matchAll(/\S+/g)) {
      let from = m.index;
      let to = m.index + m[0].length;
      const mid = (xs[from]! + xs[to - 1]!) / 2;
      if (!(mid >= Math.min(x1, x2) - 1 && mid <= Math.max(x1, x2) + 1)) continue;
      while (from < to - 1 && /[("«“'‘]/.test(text[from]!) && !inside(from)) from++;
      while (to > from + 1 && /[.,;:!?)»”'’]/.test(text[to - 1]!) && !inside(to - 1)) to--;
      words.push(text.slice(from, to));
    }
    if (words.length === 0) continue;
    const link = { text: words.join(' '), url: box.url };
    if (!links.some((l) => l.text === link.text && l.url === link.url)) links.push(link);
  }
  return links;
}

/** The estimated x of each character's middle (undefined for tabs between cells). */
function charCenters(text: string, placed: Placed[]): number[] {
  const xs: number[] = [];
  placed.forEach((p, k) => {
    const end = placed[k + 1]?.start ?? text.length;
    const chars = [...text.slice(p.start, p.start + p.run.text.length)];
    const total = chars.reduce((sum, ch) => sum + advance(ch), 0) || 1;
    let acc = 0;
    chars.forEach((ch, i) => {
      const w = advance(ch);
      xs[p.start + i] = p.run.x + (p.run.width * (acc + w / 2)) / total;
      acc += w;
    });
    // A space inserted between runs sits in the gap.
    for (let i = p.start + chars.length; i < end; i++) xs[i] = p.run.x + p.run.width;
  });
  return xs;
}
