/**
 * @module Pure operations on an agenda's items in the builder. An agenda is its items in order,
 * each at a depth (0 top level, 1 a sub-item …); numbers follow from order and depth alone
 * (1, 2, 3, 3.1, 3.2, 4 …), so every operation ends with `renumber`. An item moves, is deleted,
 * indented or outdented together with its sub-items. Operations that cannot apply (moving the
 * first item up) return the items unchanged.
 */
import type { AgendaItem } from '../model/index.js';

/** An item's depth from its number ("3.1" → 1). */
export const depthOf = (number: string): number => number.split('.').length - 1;

/** Numbers for depths in order; a depth deeper than one below its predecessor is pulled up. */
export function numbersFor(depths: readonly number[]): string[] {
  const counters: number[] = [];
  return depths.map((wanted) => {
    const depth = Math.max(0, Math.min(wanted, counters.length));
    counters.length = depth + 1;
    counters[depth] = (counters[depth] ?? 0) + 1;
    return counters.join('.');
  });
}

/** The items numbered by their order and depth (depth read from their current numbers). */
export function renumber(items: readonly AgendaItem[], depths: readonly number[] = items.map((i) => depthOf(i.number))): AgendaItem[] {
  const numbers = numbersFor(depths);
  return items.map((item, i) => (item.number === numbers[i] ? item : { ...item, number: numbers[i]! }));
}

/** The index one past the item's last sub-item. */
export function subtreeEnd(items: readonly AgendaItem[], index: number): number {
  const depth = depthOf(items[index]!.number);
  let end = index + 1;
  while (end < items.length && depthOf(items[end]!.number) > depth) end++;
  return end;
}

/** A new, empty item with a title (numbered when inserted). */
export function blankItem(title: string): AgendaItem {
  return { number: '1', title, caseNumber: null, caseOfficers: [], presenters: [], sections: [], attachments: [], links: [], decision: null, absent: [], access: 'public' };
}

/**
 * Adds an item: at the end of the agenda (`parent` null), or as the last sub-item of the item at
 * index `parent`. Returns the items and the new item's index.
 */
export function addItem(items: readonly AgendaItem[], item: AgendaItem, parent: number | null = null): { items: AgendaItem[]; index: number } {
  const depths = items.map((i) => depthOf(i.number));
  if (parent === null || parent < 0 || parent >= items.length) {
    return { items: renumber([...items, item], [...depths, 0]), index: items.length };
  }
  const at = subtreeEnd(items, parent);
  const next = [...items.slice(0, at), item, ...items.slice(at)];
  return { items: renumber(next, [...depths.slice(0, at), depths[parent]! + 1, ...depths.slice(at)]), index: at };
}

/** Deletes the item at `index` and its sub-items. */
export function deleteItem(items: readonly AgendaItem[], index: number): AgendaItem[] {
  if (index < 0 || index >= items.length) return [...items];
  const end = subtreeEnd(items, index);
  const depths = items.map((i) => depthOf(i.number));
  return renumber([...items.slice(0, index), ...items.slice(end)], [...depths.slice(0, index), ...depths.slice(end)]);
}

/** The index of the previous item at the same depth under the same parent, or -1. */
function previousSibling(items: readonly AgendaItem[], index: number): number {
  const depth = depthOf(items[index]!.number);
  for (let i = index - 1; i >= 0; i--) {
    const d = depthOf(items[i]!.number);
    if (d === depth) return i;
    if (d < depth) return -1;
  }
  return -1;
}

/** Moves the item (with its sub-items) one place up or down among its siblings. */
export function moveItem(items: readonly AgendaItem[], index: number, direction: 'up' | 'down'): { items: AgendaItem[]; index: number } {
  if (index < 0 || index >= items.length) return { items: [...items], index };
  if (direction === 'up') {
    const prev = previousSibling(items, index);
    if (prev < 0) return { items: [...items], index };
    return { items: swap(items, prev, index), index: prev };
  }
  const end = subtreeEnd(items, index);
  if (end >= items.length || depthOf(items[end]!.number) !== depthOf(items[index]!.number)) return { items: [...items], index };
  const moved = swap(items, index, end);
  return { items: moved, index: index + (subtreeEnd(items, end) - end) };
}

/** Swaps the subtree at `a` with the sibling subtree at `b` (a < b, b right after a's subtree). */
function swap(items: readonly AgendaItem[], a: number, b: number): AgendaItem[] {
  const bEnd = subtreeEnd(items, b);
  const depths = items.map((i) => depthOf(i.number));
  const order = [...range(0, a), ...range(b, bEnd), ...range(a, b), ...range(bEnd, items.length)];
  return renumber(order.map((i) => items[i]!), order.map((i) => depths[i]!));
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/** Makes the item (with its sub-items) the last sub-item of its previous sibling. */
export function indentItem(items: readonly AgendaItem[], index: number): AgendaItem[] {
  if (index < 0 || index >= items.length || previousSibling(items, index) < 0) return [...items];
  return shiftSubtree(items, index, +1);
}

/** Lifts the item (with its sub-items) one level; the siblings after it become its sub-items. */
export function outdentItem(items: readonly AgendaItem[], index: number): AgendaItem[] {
  if (index < 0 || index >= items.length || depthOf(items[index]!.number) === 0) return [...items];
  return shiftSubtree(items, index, -1);
}

function shiftSubtree(items: readonly AgendaItem[], index: number, by: number): AgendaItem[] {
  const end = subtreeEnd(items, index);
  const depths = items.map((i, k) => depthOf(i.number) + (k >= index && k < end ? by : 0));
  return renumber(items, depths);
}
