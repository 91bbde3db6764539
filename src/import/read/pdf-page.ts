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
    if (typed) {
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

/**
 * The links whose rectangles cover words of this line. PDF text has no per-character
 * positions, so a character's x is interpolated within its run; a word belongs to the link
 * when its middle lies inside the rectangle.
 */
function linksOf(text: string, placed: Placed[], y: number, size: number, boxes: LinkBox[]): Link[] {
  const links: Link[] = [];
  for (const box of boxes) {
    const [x1, y1, x2, y2] = box.rect;
    const low = Math.min(y1, y2);
    const high = Math.max(y1, y2);
    // The baseline lies within the box, or the box covers the line's glyph body.
    if (y + 0.6 * size < low || y - 0.2 * size > high) continue;
    const words: string[] = [];
    for (const m of text.matchAll(/[^\s\t]+/g)) {
      const mid = charX(placed, m.index + m[0].length / 2);
      if (mid !== null && mid >= Math.min(x1, x2) - 1 && mid <= Math.max(x1, x2) + 1) words.push(m[0]);
    }
    if (words.length === 0) continue;
    const link = { text: words.join(' '), url: box.url };
    if (!links.some((l) => l.text === link.text && l.url === link.url)) links.push(link);
  }
  return links;
}

function charX(placed: Placed[], index: number): number | null {
  for (let i = placed.length - 1; i >= 0; i--) {
    const p = placed[i]!;
    if (index >= p.start) {
      const len = Math.max(1, p.run.text.length);
      return p.run.x + (p.run.width * Math.min(index - p.start, len)) / len;
    }
  }
  return null;
}
