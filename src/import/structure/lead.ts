/**
 * @module Lines printed just above an item's heading that belong to that item, not to the text
 * above it: its case line ("Sagnr.: 1-00-13-17" over "1. Tema …", see caseLinesAbove) and the
 * page's own summary line of the item ("• Pkt. 43 Meddelelser fra formanden" over "Pkt. 43" /
 * "Meddelelser fra formanden"), with what stands between it and the heading (its bilag files).
 */
import { comparable } from '../../model/index.js';
import type { Line } from '../line.js';
import { caseLinesAbove } from './case-number.js';

/** How far above its heading a summary line may stand (the bilag line between them). */
const REACH = 3;

/** Whether a line repeats a heading: its number as a word and its title, and little else ("• Pkt. 43 Titel"). */
export function repeatsHeading(line: Line, heading: { number: string; title: string }): boolean {
  const text = comparable(line.text);
  const title = comparable(heading.title);
  if (title.length < 3 || !text.endsWith(title) || text.length > title.length + 16) return false;
  return new RegExp(`(?:^|\\s)${heading.number.replace(/\./g, '\\.')}\\.?\\s`).test(line.text.trim() + ' ');
}

/** The lines above each heading that are its item's: their indexes, and which one is its case line. */
export interface Lead {
  lines: number[];
  caseLine: number | null;
}

/** Each heading's lead lines; a heading without any has no entry. */
export function leadsAbove(lines: readonly Line[], headings: ReadonlyArray<{ index: number; titleLines: number; number: string; title: string }>): Map<number, Lead> {
  const leads = new Map<number, Lead>();
  const cases = caseLinesAbove(lines, headings);
  let previousEnd = 0;
  for (const h of headings) {
    const caseLine = cases.get(h.index) ?? null;
    const top = caseLine ?? h.index;
    let from: number | null = null;
    for (let j = top - 1; j >= Math.max(previousEnd, top - REACH); j--) {
      if (repeatsHeading(lines[j]!, h)) {
        from = j;
        break;
      }
    }
    const start = from ?? caseLine;
    if (start !== null) leads.set(h.index, { lines: range(start, h.index), caseLine });
    previousEnd = h.index + 1 + h.titleLines;
  }
  return leads;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);
