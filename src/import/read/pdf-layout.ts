/**
 * @module Document-wide PDF layout decisions over the visual lines of all pages: drop running
 * headers/footers and page numbers, find the body font size and rank larger sizes as heading
 * levels, give list lines their depth, turn lines with aligned wide gaps into table rows, and
 * mark paragraph and page breaks from vertical spacing. Pure, so it is tested without PDFs.
 */
import { plainLine, type Line } from '../line.js';
import { joinBrokenLinks } from './links.js';
import type { PageLine } from './pdf-page.js';
import { continuesRow, mergeCells, placeCells, tableColumns, type PlacedCells } from './pdf-table.js';

/** Page geometry needed to tell the margins from the body. */
export interface PageBox {
  width: number;
  height: number;
}

/** Part of the page height (top and bottom) where running headers and footers live. */
const MARGIN_ZONE = 0.09;
/** Part of the page height where a lone number is a page number. */
const NUMBER_ZONE = 0.09;
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
  const limits = new Map<number[], number[]>();
  // The right edge each column's text reaches in its table: where wrapped cells wrap.
  const cellLimits = (cols: number[]) => {
    let known = limits.get(cols);
    if (!known) {
      known = cols.map(() => 0);
      columns.forEach((c, i) => {
        if (c === cols) placeCells(lines[i]!, cols).rights.forEach((r, k) => (known![k] = Math.max(known![k]!, r)));
      });
      limits.set(cols, known);
    }
    return known;
  };
  const spacing = lineSpacing(lines, body);
  const out: Line[] = [];
  let lastRow: { line: Line; placed: PlacedCells; cols: number[] } | null = null;
  let listTextX: number | null = null;
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const heading = levels.get(round(line.size)) ?? 0;
    const prevHeading = prev ? (levels.get(round(prev.size)) ?? 0) : 0;
    const cols = columns.get(i);
    const placed = cols ? placeCells(line, cols) : null;
    const pageBreak = !!prev && prev.page !== line.page;
    let breakBefore: boolean;
    if (!prev) breakBefore = true;
    else if (heading !== prevHeading) breakBefore = true;
    else if (pageBreak) breakBefore = endsParagraph(prev) || styleChanges(prev, line);
    // Extra space beyond the usual leading (a third of the body size or more) is a paragraph gap.
    else breakBefore = prev.y - line.y - spacing * Math.max(prev.size, line.size) > body * 0.35;
    // Wrapped list text is indented under the item's text: a line back at the margin ends the list.
    if (!line.list && listTextX !== null && (line.segments[0]?.x ?? 0) < listTextX - 2) breakBefore = true;
    if (line.list) listTextX = line.segments[0]?.x ?? null;
    else if (breakBefore || pageBreak) listTextX = null;
    if (placed && cols && lastRow && lastRow.cols === cols && !breakBefore && !pageBreak && continuesRow(lastRow.placed, placed, cols, cellLimits(cols))) {
      // A cell's text wrapped inside its column: the visual line belongs to the row above.
      lastRow.placed = mergeCells(lastRow.placed, placed);
      lastRow.line.cells = lastRow.placed.cells;
      lastRow.line.text = lastRow.placed.cells.join('\t');
      lastRow.line.links.push(...line.links);
      return;
    }
    const text = placed ? placed.cells.join('\t') : line.segments.map((s) => s.text).join(' ');
    const result = plainLine(text, {
      heading,
      bold: line.bold,
      italic: line.italic,
      list: line.list ? { marker: line.list.marker, depth: depths.get(i) ?? 0 } : null,
      cells: placed ? placed.cells : null,
      breakBefore,
      pageBreakBefore: pageBreak,
      links: [...line.links],
    });
    out.push(result);
    lastRow = placed && cols ? { line: result, placed, cols } : null;
  });
  return joinBrokenLinks(out);
}

function round(size: number): number {
  return Math.round(size * 2) / 2;
}

/** A line that ends a sentence or a heading before a page break starts a new paragraph after it. */
function endsParagraph(line: PageLine): boolean {
  const last = line.segments[line.segments.length - 1]?.text ?? '';
  return /[.!?:]["”»)]?$/.test(last);
}

/** Whole-line bold/italic or table-row status changes: a new paragraph even without a gap. */
function styleChanges(prev: PageLine, line: PageLine): boolean {
  return prev.bold !== line.bold || prev.italic !== line.italic || (prev.segments.length > 1) !== (line.segments.length > 1);
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
 * List depth by indentation: the distinct bullet positions of the whole document (8 pt apart
 * or more), from left to right, are depths 0, 1, 2 … — a list interrupted by a lead-in line
 * ("Herunder drøftes bl.a.:") keeps its depth.
 */
function listDepths(lines: PageLine[]): Map<number, number> {
  const xs = [...new Set(lines.filter((l) => l.list).map((l) => Math.round(l.list!.x)))].sort((a, b) => a - b);
  const levels: number[] = [];
  for (const x of xs) if (levels.length === 0 || x - levels[levels.length - 1]! >= 8) levels.push(x);
  const depths = new Map<number, number>();
  lines.forEach((line, i) => {
    if (!line.list) return;
    let depth = 0;
    levels.forEach((x, k) => {
      if (line.list!.x >= x - 3) depth = k;
    });
    depths.set(i, depth);
  });
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
