/**
 * @module What an item's reading needs to know about the whole document: the shape of the
 * unlabelled case token its heads repeat, and the meeting's date (to tell this meeting's
 * decision from earlier ones).
 */
import type { Line } from '../line.js';
import { learnCaseShape } from './case-number.js';
import { parseIsoDate } from './dates.js';

export interface ItemContext {
  /** Shape of the unlabelled case token under the item headings ("A-9-9"), or null. */
  caseShape: string | null;
  /** The meeting's date (YYYY-MM-DD), or null when unknown. */
  meetingDate: string | null;
}

/** No document knowledge: only labelled case slots, the last dated decision is current. */
export const NO_CONTEXT: ItemContext = { caseShape: null, meetingDate: null };

// The structure stage asks once per item; the answer depends only on the document, so it is
// kept per headings array (one per document) instead of recounting every head for every item.
const learned = new WeakMap<object, string | null>();

/** The document an item stands in: all its lines, its item headings, its meeting date (`--date` or stated). */
export interface ItemDocument {
  lines: readonly Line[];
  headings: ReadonlyArray<{ index: number }>;
  date?: string | null;
}

/** The document knowledge for its items, from the lines, the item headings and the meeting date. */
export function itemContext({ lines, headings, date }: ItemDocument): ItemContext {
  if (!learned.has(headings)) learned.set(headings, learnCaseShape(headings.map((h) => lines.slice(h.index + 1, h.index + 4).filter((l) => !l.annotation))));
  return { caseShape: learned.get(headings) ?? null, meetingDate: date ? parseIsoDate(date) : null };
}
