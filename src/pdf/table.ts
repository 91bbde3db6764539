/**
 * @module Tables drawn as tables: a ruled grid, columns sized by their content, cells wrapped,
 * the first row as a header repeated on every page the table continues on.
 */
import { TYPE, type TextStyle, type Writer } from './writer.js';

/** Cell padding; sideways wide enough that readers (ours: pdf-page.ts) see a gap between cells, not a space. */
const PAD_X = 7;
const PAD_Y = 4;
const SIZE = 9;

/**
 * Column widths that fill `total`, as browsers lay out tables: columns that fit their share
 * get their natural width, the wide ones share the rest by natural width, never below their
 * longest word (unless even those do not fit).
 */
export function columnWidths(natural: number[], minimum: number[], total: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const want = sum(natural);
  if (want <= total) return natural.map((n) => (n / want) * total);
  const least = sum(minimum);
  if (least >= total) return minimum.map((m) => (m / least) * total);
  const widths: Array<number | null> = natural.map(() => null);
  // Settle narrow columns at their natural width while they fit an even share of what is left.
  for (let changed = true; changed; ) {
    changed = false;
    const open = widths.map((w, i) => (w === null ? i : -1)).filter((i) => i >= 0);
    const left = total - sum(widths.map((w) => w ?? 0));
    for (const i of open) {
      if (natural[i]! <= left / open.length) {
        widths[i] = natural[i]!;
        changed = true;
      }
    }
  }
  const open = widths.map((w, i) => (w === null ? i : -1)).filter((i) => i >= 0);
  let left = total - sum(widths.map((w) => w ?? 0));
  // The wide columns share the rest by natural width, each at least its longest word.
  const floor = open.filter((i) => minimum[i]! > (natural[i]! / sum(open.map((j) => natural[j]!))) * left);
  for (const i of floor) widths[i] = minimum[i]!;
  left = total - sum(widths.map((w) => w ?? 0));
  const rest = open.filter((i) => widths[i] === null);
  const restNatural = sum(rest.map((i) => natural[i]!)) || 1;
  for (const i of rest) widths[i] = (natural[i]! / restNatural) * left;
  return widths.map((w) => w!);
}

/** Draws a table of text rows at an indent from the left margin. */
export function drawTable(w: Writer, rawRows: readonly string[][], indent = 0): void {
  const columns = Math.max(...rawRows.map((r) => r.length));
  const rows = rawRows.map((r) => Array.from({ length: columns }, (_, i) => (r[i] ?? '').trim()));
  const header = rows.length > 1;
  const style = (row: number): TextStyle => ({ face: header && row === 0 ? 'bold' : 'regular', size: SIZE });
  const natural = Array.from({ length: columns }, (_, c) => Math.max(...rows.map((r, i) => w.widthOf(r[c]!, style(i)))) + 2 * PAD_X + 1);
  const minimum = Array.from({ length: columns }, (_, c) =>
    Math.max(...rows.flatMap((r, i) => r[c]!.split(/\s+/).map((word) => w.widthOf(word, style(i))))) + 2 * PAD_X + 1,
  );
  const total = w.width - indent;
  // A word wider than this is broken inside its cell rather than squeezing the other columns.
  const widths = columnWidths(natural, minimum.map((m) => Math.min(m, total * 0.4)), total);
  const heightOf = (row: number) => Math.max(...rows[row]!.map((cell, c) => w.measure(cell || ' ', { ...style(row), width: widths[c]! - 2 * PAD_X }))) + 2 * PAD_Y;
  const fullPage = w.bottom - w.top;

  rows.forEach((_, r) => {
    const height = heightOf(r);
    if (height > fullPage - (header ? heightOf(0) : 0)) {
      // A row longer than a page cannot be drawn as one: its cells become paragraphs.
      for (const cell of rows[r]!) if (cell) w.text(cell, { ...style(r), indent, gap: 3 });
      return;
    }
    if (height > w.room()) {
      w.newPage();
      if (header && r > 0) drawRow(w, rows[0]!, widths, indent, heightOf(0), style(0), true);
    }
    drawRow(w, rows[r]!, widths, indent, height, style(r), header && r === 0);
  });
}

function drawRow(w: Writer, cells: string[], widths: number[], indent: number, height: number, style: TextStyle, isHeader: boolean): void {
  const y = w.y;
  let x = w.left + indent;
  const doc = w.doc;
  cells.forEach((cell, c) => {
    const width = widths[c]!;
    doc.save();
    if (isHeader) doc.rect(x, y, width, height).fill(TYPE.fill);
    doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(TYPE.rule).stroke();
    doc.restore();
    if (cell) w.place(cell, x + PAD_X, y + PAD_Y, { ...style, width: width - 2 * PAD_X });
    x += width;
  });
  w.y = y + height;
}
