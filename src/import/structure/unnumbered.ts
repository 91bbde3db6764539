/**
 * @module Items whose headings carry no number at all (a council's own page: "Godkendelse af
 * dagsorden" / "Indhold:" / … / "Referat" / "Godkendt"; a page system printing each item as its
 * title over "Sagsfremstilling"). Learnt from the document: a short line whose next line opens an
 * item's text (the lexicon's openingSections) is an item's title, when two or more lines do so.
 * The items are numbered in their order, as a reader counts them. One such title alone is an
 * item only on a page of one item, where every line above it is a front-matter label with its
 * value ("Mødedato: 17.11.2011, kl. 17:30" / "Mødested: …" / "Godkendelse af dagsordenen" /
 * "Beslutning"): a single short line over "Beslutning" elsewhere is too weak to make a document.
 */
import { sectionTypeOf } from '../../model/index.js';
import type { Line } from '../line.js';
import { HEADING_WORDS } from '../lexicon/index.js';
import type { ItemHeading } from './headings.js';

/** A title is one short line that starts like one and is no sentence's or label's end. */
const MAX_TITLE = 160;

const opensItem = (text: string) => HEADING_WORDS.openingSections.some((p) => p.test(text.trim()));

/** The next line after `i` with text, or -1. */
function nextWithText(lines: readonly Line[], i: number): number {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text.trim()) return j;
  return -1;
}

/** A front-matter label line with its value on the same line ("Mødested: Rådhuset"). */
const LABELLED = /^[\p{Lu}][\p{L} .-]{1,30}:\s*\S/u;

/** Whether every line above `index` with text is a label with its value (and there is one). */
function onlyLabelsAbove(lines: readonly Line[], index: number): boolean {
  const above = lines.slice(0, index).filter((l) => l.text.trim());
  return above.length > 0 && above.every((l) => LABELLED.test(l.text.trim()));
}

/** The titles of unnumbered items, each the line above its opening section; none unless two are found (or one under labels only). */
export function unnumberedHeadings(lines: readonly Line[], skip: ReadonlySet<number>): ItemHeading[] {
  const out: ItemHeading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (skip.has(i) || line.cells || !text || text.length > MAX_TITLE || !/^[\p{Lu}\d"«„]/u.test(text) || /[:;,]$/.test(text)) continue;
    // The opening section's own word (an item whose text repeats "Indhold:"), another section heading or a front page is no title.
    if (opensItem(text) || sectionTypeOf(text) !== null || HEADING_WORDS.frontPageTitles.some((p) => p.test(text))) continue;
    const next = nextWithText(lines, i);
    if (next < 0 || !opensItem(lines[next]!.text)) continue;
    out.push({ index: i, number: String(out.length + 1), title: text, titleLines: 0, access: null, fromToc: false });
  }
  if (out.length === 1) return onlyLabelsAbove(lines, out[0]!.index) ? out : [];
  return out.length >= 2 ? out : [];
}
