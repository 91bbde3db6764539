/**
 * @module The contents (Indhold): every item's number, title and the page it starts on, each
 * line a link to the item. Laid out before the items are drawn — so its pages can be kept free —
 * and filled in afterwards, when the items' real pages are known (pdfkit's buffered pages).
 */
import { PAGE, TYPE, type Writer } from './writer.js';

export interface ContentsEntry {
  number: string;
  title: string;
  /** Named destination of the item's heading. */
  destination: string;
}

/** Where an entry goes: the page (0-based, counted from the first contents page) and its top. */
interface Slot {
  page: number;
  y: number;
}

const NUMBER_WIDTH = 34;
const PAGE_WIDTH = 36;
const DEPTH_INDENT = 14;
const GAP = 4;
const HEADING = 'Indhold';
const HEADING_SIZE = 15;

const depthOf = (number: string) => number.split('.').length - 1;
const titleWidth = (w: Writer, e: ContentsEntry) => w.width - depthOf(e.number) * DEPTH_INDENT - NUMBER_WIDTH - PAGE_WIDTH;

/** The slots of all entries, from the top of the first contents page. */
function layout(w: Writer, entries: readonly ContentsEntry[]): { slots: Slot[]; pages: number } {
  let page = 0;
  let y = PAGE.top + w.measure(HEADING, { face: 'bold', size: HEADING_SIZE }) + 12;
  const slots = entries.map((e) => {
    const height = w.measure(e.title, { width: titleWidth(w, e), face: depthOf(e.number) === 0 ? 'semibold' : 'regular' });
    if (y + height > w.bottom) {
      page += 1;
      y = PAGE.top;
    }
    const slot = { page, y };
    y += height + GAP;
    return slot;
  });
  return { slots, pages: page + 1 };
}

/** The number of pages the contents take. */
export function contentsPages(w: Writer, entries: readonly ContentsEntry[]): number {
  return layout(w, entries).pages;
}

/** Draws the contents on the pages starting at `firstPage` (kept free for it), with each entry's page. */
export function drawContents(w: Writer, entries: readonly ContentsEntry[], firstPage: number, pageOf: (index: number) => number): void {
  const { slots } = layout(w, entries);
  w.doc.switchToPage(firstPage);
  w.place(HEADING, w.left, PAGE.top, { face: 'bold', size: HEADING_SIZE, width: w.width });
  let current = 0;
  entries.forEach((e, i) => {
    const slot = slots[i]!;
    if (slot.page !== current) w.doc.switchToPage(firstPage + (current = slot.page));
    const x = w.left + depthOf(e.number) * DEPTH_INDENT;
    const face = depthOf(e.number) === 0 ? 'semibold' : 'regular';
    w.place(`${e.number}.`, x, slot.y, { width: NUMBER_WIDTH, face, goTo: e.destination });
    w.place(e.title, x + NUMBER_WIDTH, slot.y, { width: titleWidth(w, e), face, goTo: e.destination });
    w.place(String(pageOf(i) + 1), w.left + w.width - PAGE_WIDTH, slot.y, { width: PAGE_WIDTH, align: 'right', face, color: TYPE.text, goTo: e.destination });
  });
}
