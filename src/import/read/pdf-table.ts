/**
 * @module PDF tables: lines whose text stands in columns with wide gaps become rows of cells.
 * Columns are found from the rows with most cells; a line with text only in a later column is
 * a row with empty first cells, and a cell that wrapped inside its column joins its row.
 */
import type { PageLine } from './pdf-page.js';

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
      else if (labelsBeforeRow(lines, j, cols, body)) members.push(j);
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

/** A run of label rows (first column only) from `j` on, each close below the last, ending at a full row. */
function labelsBeforeRow(lines: PageLine[], j: number, cols: number[], body: number): boolean {
  for (let k = j; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.segments.length >= 2) return true;
    if (!isLabelRow(l, lines[k + 1] ?? l, cols, body)) return false;
    if (k > j || lines[j - 1]) {
      const above = lines[k - 1];
      if (!above || above.page !== l.page || above.y - l.y > body * 1.6) return false;
    }
  }
  return false;
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

/** A row's cell texts and the right edge of the text in each cell (0 when empty). */
export interface PlacedCells {
  cells: string[];
  rights: number[];
  /** Font size, to estimate word widths. */
  size: number;
}

/** Places a line's segments in the nearest columns, in order; columns without text are empty. */
export function placeCells(line: PageLine, cols: number[]): PlacedCells {
  const cells = cols.map(() => '');
  const rights = cols.map(() => 0);
  let next = 0;
  line.segments.forEach((seg, k) => {
    const remaining = line.segments.length - k;
    let best = next;
    for (let c = next; c <= cols.length - remaining; c++) {
      if (Math.abs(cols[c]! - seg.x) < Math.abs(cols[best]! - seg.x)) best = c;
    }
    if (best >= cols.length) best = cols.length - 1;
    cells[best] = cells[best] ? `${cells[best]} ${seg.text}` : seg.text;
    rights[best] = seg.right;
    next = best + 1;
  });
  return { cells, rights, size: line.size };
}

/**
 * Whether a table line continues the row above (a cell wrapped inside its column): some of
 * its cells are empty, and each filled one stands under a cell of the row that ran so close
 * to the column's edge (its widest text) that the line's first word would not have fitted.
 * Numbers under numbers are rows of their own (page numbers of a table of contents), and so
 * is a line whose text stands in a column that had room ("September | KKR beslutter …"
 * followed by " | efter forhandlinger …").
 */
export function continuesRow(row: PlacedCells, next: PlacedCells, cols: number[], limits: number[]): boolean {
  if (!next.cells.some((c) => c === '') || next.cells.every((c) => c === '')) return false;
  const numeric = (t: string) => /^[\d.,%\s-]+$/.test(t);
  for (let c = 0; c < next.cells.length; c++) {
    const text = next.cells[c]!;
    if (!text) continue;
    const above = row.cells[c] ?? '';
    if (!above || (numeric(above) && numeric(text))) return false;
    const width = limits[c]! - cols[c]!;
    const used = row.rights[c]! - cols[c]!;
    const firstWord = text.split(' ')[0]!;
    if (used + (0.28 + 0.5 * firstWord.length) * row.size < width - 0.5 * row.size) return false;
  }
  return true;
}

/** The row with a wrapped line's cell texts appended. */
export function mergeCells(row: PlacedCells, next: PlacedCells): PlacedCells {
  return {
    cells: row.cells.map((c, k) => (next.cells[k] ? (c ? `${c} ${next.cells[k]}` : next.cells[k]!) : c)),
    rights: row.rights.map((r, k) => (next.cells[k] ? next.rights[k]! : r)),
    size: row.size,
  };
}
