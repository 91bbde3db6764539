/**
 * @module A section's blocks on the page: paragraphs, sub-headings, lists with their depth,
 * tables (tables.ts) and bilag references (`./.` and the title).
 */
import type { Block, ListItem } from '../model/index.js';
import { drawTable } from './table.js';
import { TYPE, type Writer } from './writer.js';

const LIST_INDENT = 14;
const BULLET_WIDTH = 11;
const BULLETS = ['•', '–', '◦'];

/** The height of one body line, for keeping a heading with what follows it. */
export function lineHeight(w: Writer, size: number = TYPE.body): number {
  return w.measure('Æg', { size });
}

/** Draws blocks at an indent (points from the left margin). */
export function drawBlocks(w: Writer, blocks: readonly Block[], indent = 0): void {
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    switch (block.kind) {
      case 'paragraph':
        w.keep(lineHeight(w) * 2);
        w.text(block.text, { indent, gap: TYPE.paragraphGap });
        break;
      case 'heading':
        // A sub-heading stays with the first lines under it.
        w.keep(w.measure(block.text, { face: 'bold', indent }) + lineHeight(w) * (next ? 2 : 0));
        w.text(block.text, { face: 'bold', indent, gap: 2 });
        break;
      case 'list':
        drawList(w, block.items, indent);
        w.down(TYPE.paragraphGap - 2);
        break;
      case 'table':
        drawTable(w, block.rows, indent);
        w.down(TYPE.paragraphGap + 2);
        break;
      case 'attachment':
        drawAttachment(w, block.marker || './.', block.title, indent);
        break;
    }
  });
}

function drawList(w: Writer, items: readonly ListItem[], indent: number): void {
  for (const item of items) {
    const at = indent + item.depth * LIST_INDENT;
    w.keep(lineHeight(w));
    const y = w.y;
    w.place(BULLETS[item.depth % BULLETS.length]!, w.left + at, y, { width: BULLET_WIDTH });
    w.text(item.text, { indent: at + BULLET_WIDTH, gap: 2 });
  }
}

/** "./.  Udkast til aftale": the marker in the margin of the text, the title beside it. */
export function drawAttachment(w: Writer, marker: string, title: string, indent: number): void {
  w.keep(lineHeight(w));
  w.place(marker, w.left + indent, w.y, { width: 24, face: 'bold' });
  w.text(title || 'Bilag uden titel', { indent: indent + 24, gap: 3 });
}
