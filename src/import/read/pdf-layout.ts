/**
 * @module Document-wide PDF layout decisions over the visual lines of all pages: drop running
 * headers/footers and page numbers, find the body font size and rank larger sizes as heading
 * levels, give list lines their depth, turn lines with aligned wide gaps into table rows, and
 * mark paragraph and page breaks from vertical spacing. Pure, so it is tested without PDFs.
 */
import { plainLine, type Line } from '../line.js';
import type { PageLine } from './pdf-page.js';

/** Page geometry needed to tell the margins from the body. */
export interface PageBox {
  width: number;
  height: number;
}

/** Part of the page height (top and bottom) where running headers and footers live. */
const MARGIN_ZONE = 0.15;
/** Part of the page height where a lone number is a page number. */
const NUMBER_ZONE = 0.12;
const PAGE_NUMBER = /^(side|page|s\.)?\s*[-–]?\s*\d{1,4}\s*[-–]?\s*((af|of|ud af|\/)\s*\d{1,4})?\.?$/i;

/** Turns all pages' visual lines into the reader's lines. */
export function assemble(pages: PageLine[][], boxes: PageBox[]): Line[] {
  const kept = dropRunningText(pages, boxes);
  const lines = kept.flat();
  if (lines.length === 0) return [];
  const body = bodySize(lines);
  const levels = headingLevels(lines, body);
  const depths = listDepths(lines);
  const columns = tableColumns(lines, body);
  const spacing = lineSpacing(lines, body);
  const out: Line[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const heading = levels.get(round(line.size)) ?? 0;
    const prevHeading = prev ? (levels.get(round(prev.size)) ?? 0) : 0;
    const cols = columns.get(i);
    const cells = cols ? cellsFor(line, cols) : null;
    const text = cells ? cells.join('\t') : line.segments.map((s) => s.text).join(' ');
    const pageBreak = !!prev && prev.page !== line.page;
    let breakBefore: boolean;
    if (!prev) breakBefore = true;
    else if (heading !== prevHeading) breakBefore = true;
    else if (pageBreak) breakBefore = endsParagraph(prev);
    else breakBefore = prev.y - line.y > spacing * Math.max(prev.size, line.size) * 1.3 + 0.5;
    out.push(
      plainLine(text, {
        heading,
        bold: line.bold,
        italic: line.italic,
        list: line.list ? { marker: line.list.marker, depth: depths.get(i) ?? 0 } : null,
        cells,
        breakBefore,
        pageBreakBefore: pageBreak,
        links: line.links,
      }),
    );
  });
  return out;
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}

/** A line that ends a sentence or a heading before a page break starts a new paragraph after it. */
function endsParagraph(line: PageLine): boolean {
  const last = line.segments[line.segments.length - 1]?.text ?? '';
  return /[.!?:]["”»)]?$/.test(last);
}

/**
 * Removes running headers and footers — text in the page margins that recurs (digits aside,
 * so "Side 3 af 9" and dates match) at the same height on at least half the pages — and
 * lone page numbers in the margins.
 */
export function dropRunningText(pages: PageLine[][], boxes: PageBox[]): PageLine[][] {
  const key = (l: PageLine) => l.segments.map((s) => s.text).join(' ').toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const inZone = (l: PageLine, zone: number) => {
    const h = boxes[l.page - 1]?.height ?? 842;
    return l.y > h * (1 - zone) || l.y < h * zone;
  };
  const seen = new Map<string, { y: number; page: number }[]>();
  for (const page of pages) {
    for (const line of page) {
      if (!inZone(line, MARGIN_ZONE)) continue;
      const k = key(line);
      const list = seen.get(k) ?? [];
      if (!list.some((o) => o.page === line.page)) list.push({ y: line.y, page: line.page });
      seen.set(k, list);
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const running = (line: PageLine) => {
    const occurrences = seen.get(key(line)) ?? [];
    return occurrences.filter((o) => Math.abs(o.y - line.y) <= 3).length >= needed;
  };
  return pages.map((page) =>
    page.filter((line) => {
      if (inZone(line, NUMBER_ZONE) && line.segments.length === 1 && PAGE_NUMBER.test(line.segments[0]!.text)) return false;
      return !(inZone(line, MARGIN_ZONE) && running(line));
    }),
  );
}

/** The font size that most characters are set in. */
export function bodySize(lines: PageLine[]): number {
  const weight = new Map<number, number>();
  for (const l of lines) {
    const chars = l.segments.reduce((n, s) => n + s.text.length, 0);
    weight.set(round(l.size), (weight.get(round(l.size)) ?? 0) + chars);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

/** Sizes clearly larger than the body, largest first, numbered as heading levels 1–6. */
export function headingLevels(lines: PageLine[], body: number): Map<number, number> {
  const sizes = [...new Set(lines.map((l) => round(l.size)))].filter((s) => s >= body * 1.1 && s >= body + 1);
  sizes.sort((a, b) => b - a);
  return new Map(sizes.map((s, i) => [s, Math.min(6, i + 1)]));
}

/**
 * List depth by indentation: within a run of list lines (and their continuation lines), the
 * distinct bullet positions from left to right are depths 0, 1, 2 …
 */
function listDepths(lines: PageLine[]): Map<number, number> {
  const depths = new Map<number, number>();
  let run: number[] = [];
  const close = () => {
    const xs: number[] = [];
    for (const i of run) {
      const x = lines[i]!.list!.x;
      if (!xs.some((v) => Math.abs(v - x) <= 3)) xs.push(x);
    }
    xs.sort((a, b) => a - b);
    for (const i of run) depths.set(i, xs.findIndex((v) => Math.abs(v - lines[i]!.list!.x) <= 3));
    run = [];
  };
  lines.forEach((line, i) => {
    if (line.list) run.push(i);
    else if (run.length > 0) {
      const lastItem = lines[run[run.length - 1]!]!;
      // Wrapped item text is indented past the bullet; text back at the margin ends the list.
      if ((line.segments[0]?.x ?? 0) <= lastItem.list!.x + 1) close();
    }
  });
  close();
  return depths;
}

/** Typical baseline distance in font sizes between consecutive body lines. */
function lineSpacing(lines: PageLine[], body: number): number {
  const ratios: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1]!;
    const b = lines[i]!;
    if (a.page !== b.page || round(a.size) !== body || round(b.size) !== body) continue;
    const r = (a.y - b.y) / body;
    if (r > 0.8 && r < 2.5) ratios.push(r);
  }
  if (ratios.length === 0) return 1.2;
  ratios.sort((a, b) => a - b);
  return ratios[Math.floor(ratios.length / 4)]!; // lower quartile: most pairs are inside paragraphs
}

/**
 * Table rows: every line with wide gaps, plus single-segment lines that sit in a later column
 * of a neighbouring row (a continuation with an empty first cell) or directly above the rows
 * at the first column, ending before the second (a label row with empty cells). Returns the
 * column starts per row line.
 */
export function tableColumns(lines: PageLine[], body: number): Map<number, number[]> {
  const result = new Map<number, number[]>();
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.segments.length < 2) {
      i++;
      continue;
    }
    let end = i;
    const members = [i];
    let cols = columnStarts(lines, members);
    for (let j = i + 1; j < lines.length; j++) {
      const l = lines[j]!;
      if (l.segments.length >= 2) members.push(j);
      else if (l.segments.length === 1 && !l.list && cols.slice(1).some((c) => Math.abs(c - l.segments[0]!.x) <= 4)) members.push(j);
      else break;
      end = j;
      cols = columnStarts(lines, members);
    }
    const above = lines[i - 1];
    if (above && isLabelRow(above, lines[i]!, cols, body)) members.unshift(i - 1);
    for (const m of members) result.set(m, cols);
    i = end + 1;
  }
  return result;
}

function isLabelRow(line: PageLine, next: PageLine, cols: number[], body: number): boolean {
  if (line.segments.length !== 1 || line.list || line.page !== next.page) return false;
  const seg = line.segments[0]!;
  const close = line.y - next.y <= body * 1.6;
  return close && Math.abs(seg.x - cols[0]!) <= 4 && seg.right < (cols[1] ?? Infinity) - body;
}

/** Column starts: the median x of each segment position over the rows with the most segments. */
function columnStarts(lines: PageLine[], members: number[]): number[] {
  const widest = Math.max(...members.map((m) => lines[m]!.segments.length));
  const rows = members.map((m) => lines[m]!).filter((l) => l.segments.length === widest);
  const cols: number[] = [];
  for (let c = 0; c < widest; c++) {
    const xs = rows.map((r) => r.segments[c]!.x).sort((a, b) => a - b);
    cols.push(xs[Math.floor(xs.length / 2)]!);
  }
  return cols;
}

/** Places a line's segments in the nearest columns, in order; columns without text are empty. */
export function cellsFor(line: PageLine, cols: number[]): string[] {
  const cells = cols.map(() => '');
  let next = 0;
  line.segments.forEach((seg, k) => {
    const remaining = line.segments.length - k;
    let best = next;
    for (let c = next; c <= cols.length - remaining; c++) {
      if (Math.abs(cols[c]! - seg.x) < Math.abs(cols[best]! - seg.x)) best = c;
    }
    if (best >= cols.length) best = cols.length - 1;
    cells[best] = cells[best] ? `${cells[best]} ${seg.text}` : seg.text;
    next = best + 1;
  });
  return cells;
}
