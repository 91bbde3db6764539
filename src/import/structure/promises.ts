/**
 * @module Promises of items for a later meeting: what a meeting's "Punkter til næste møde" lists
 * (the bullet list under its sub-items, "Der er foreløbig følgende punkter til … møde den 9.
 * september 2020: – Klimastrategi …"), and whether a later agenda took each up, matched by title.
 * Pure, over the model; the words live in lexicon/promises.json.
 */
import type { AgendaItem, MeetingDocument } from '../../model/index.js';
import { parentNumber, titleSimilarity } from '../../model/index.js';
import lexicon from '../lexicon/promises.json' with { type: 'json' };
import { findDate } from './dates.js';

const GROUP = lexicon.groupHeadings.map((e) => new RegExp(e.pattern, 'iu'));
/** The group headings' pattern sources, for finding such items in the database (PostgreSQL's ~* reads them alike). */
export const PROMISE_GROUP_PATTERNS: readonly string[] = lexicon.groupHeadings.map((e) => e.pattern);
const LEAD_IN = lexicon.leadIns.map((e) => new RegExp(e.pattern, 'iu'));
const NAMED_BODY = lexicon.namedBodies.map((e) => new RegExp(e.pattern, 'u'));

/** The body whose meeting a heading names ("Foreløbig punkter til KKR-mødet den 9. september" → "KKR"), or null. */
export function namedBodyOf(title: string): string | null {
  for (const p of NAMED_BODY) {
    const body = p.exec(title)?.groups?.body;
    if (body) return body;
  }
  return null;
}

export interface PromisedItem {
  /** The promised item's title as the list gives it (without its closing full stop). */
  title: string;
  /** The number of the item that promised it ("6.1"). */
  promisedIn: string;
  /** The date of the meeting it was promised for, when the text says. */
  forDate: string | null;
  /** The body whose meeting it was promised for, when the heading names one ("til KKR-mødet"); else the meeting's own. */
  forBody: string | null;
}

/** Whether an item (or its parent) is the "Punkter til næste møde" group. */
function inPromiseGroup(item: AgendaItem, byNumber: Map<string, AgendaItem>): boolean {
  for (let n: string | null = item.number; n !== null; n = parentNumber(n)) {
    const title = byNumber.get(n)?.title.trim() ?? '';
    if (GROUP.some((p) => p.test(title))) return true;
  }
  return false;
}

/** The items a meeting's document promises for a later meeting, in document order. */
export function promisedItems(doc: MeetingDocument): PromisedItem[] {
  const byNumber = new Map(doc.items.map((i) => [i.number, i]));
  const promised: PromisedItem[] = [];
  for (const item of doc.items) {
    if (!inPromiseGroup(item, byNumber)) continue;
    // The date the item names first (its title, "Der afholdes møde … den 9. september 2020") holds for its lists.
    let forDate: string | null = findDate(item.title);
    const forBody = namedBodyOf(item.title) ?? namedBodyOf(byNumber.get(parentNumber(item.number) ?? '')?.title ?? '');
    for (const section of item.sections) {
      if (section.type === 'recommendation' || section.type === 'decision') continue;
      let led = false;
      for (const block of section.blocks) {
        if (block.kind === 'paragraph') {
          led = LEAD_IN.some((p) => p.test(block.text));
          forDate = forDate ?? findDate(block.text);
        } else if (block.kind === 'list' && (led || section.type === 'presentation')) {
          for (const entry of block.items) {
            const title = entry.text.trim().replace(/[.;,]$/, '').trim();
            if (title) promised.push({ title, promisedIn: item.number, forDate, forBody });
          }
        }
      }
    }
  }
  return promised;
}

/** The least similarity at which a promise counts as taken up by an item. */
export const PROMISE_MATCH = 0.5;

/**
 * Each promise with the later agenda's item that took it up, or null: the most similar pairs first,
 * each item taking up at most one promise.
 */
export function matchPromises(promised: readonly PromisedItem[], items: readonly AgendaItem[]): Array<{ promise: PromisedItem; item: AgendaItem | null }> {
  const pairs = promised
    .flatMap((p, i) => items.map((item, j) => ({ i, j, score: titleSimilarity(p.title, item.title) })))
    .filter((p) => p.score >= PROMISE_MATCH)
    .sort((a, b) => b.score - a.score || a.i - b.i || a.j - b.j);
  const byPromise = new Map<number, number>();
  const taken = new Set<number>();
  for (const p of pairs) {
    if (byPromise.has(p.i) || taken.has(p.j)) continue;
    byPromise.set(p.i, p.j);
    taken.add(p.j);
  }
  return promised.map((promise, i) => ({ promise, item: byPromise.has(i) ? items[byPromise.get(i)!]! : null }));
}
