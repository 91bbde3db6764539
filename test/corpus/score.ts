/**
 * @module Scoring an imported document against a reader's gold, field group by field group.
 * Pure: no files, no importer. A group is a number in [0, 1], or null when the gold does not
 * say anything about it (then it is not counted in the document's mean).
 */
import type { Gold, GoldItem } from './gold.js';

/** The field groups the report shows, in its column order. */
export const GROUPS = ['meta', 'participants', 'absences', 'items', 'titles', 'caseNumbers', 'decisions'] as const;
export type Group = (typeof GROUPS)[number];
export type GroupScores = Record<Group, number | null>;

/** Titles this similar (token F1) or more count as the same title. */
export const TITLE_SIMILARITY = 0.9;

/**
 * Text as compared: case, whitespace, punctuation and hyphenation do not count. Hyphens are
 * dropped rather than turned into spaces, so "Er-hvervshus", "Er- hvervshus" and "Erhvervshus"
 * agree (the importer's mending of line-end hyphens is judged by the text, not the hyphen).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00AD\u2010\u2011-]\s*/g, '')
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Two optional texts agree when both are null or both normalise to the same text. */
export function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return normalise(a) === normalise(b);
}

/** Token similarity of two texts: the F1 (Dice) of their normalised word multisets, 1 for two empty texts. */
export function tokenSimilarity(a: string, b: string): number {
  const ta = normalise(a).split(' ').filter(Boolean);
  const tb = normalise(b).split(' ').filter(Boolean);
  if (ta.length + tb.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  return (2 * common) / (ta.length + tb.length);
}

/** F1 of a list: matched entries against the gold's and the import's counts; two empty lists agree fully. */
export function f1(matched: number, goldCount: number, actualCount: number): number {
  return goldCount + actualCount === 0 ? 1 : (2 * matched) / (goldCount + actualCount);
}

/** Greedy one-to-one matching: each gold entry takes the first unused actual entry it accepts. */
export function matchLists<G, A>(gold: readonly G[], actual: readonly A[], accepts: (g: G, a: A) => boolean): number {
  const used = new Set<number>();
  let matched = 0;
  for (const g of gold) {
    const i = actual.findIndex((a, k) => !used.has(k) && accepts(g, a));
    if (i >= 0) {
      used.add(i);
      matched++;
    }
  }
  return matched;
}

/** A gold item paired with an imported item (or with nothing). */
export interface ItemPair {
  gold: GoldItem;
  actual: GoldItem | null;
  byNumber: boolean;
}

/**
 * Pairs items by number first, then the rest by title (the most similar unused title at or
 * above TITLE_SIMILARITY), so a misnumbered item still has its title, case and decision judged.
 */
export function pairItems(gold: readonly GoldItem[], actual: readonly GoldItem[]): { pairs: ItemPair[]; unmatchedActual: number } {
  const used = new Set<number>();
  const pairs: ItemPair[] = gold.map((g) => {
    const i = actual.findIndex((a, k) => !used.has(k) && a.number === g.number);
    if (i < 0) return { gold: g, actual: null, byNumber: false };
    used.add(i);
    return { gold: g, actual: actual[i]!, byNumber: true };
  });
  for (const pair of pairs) {
    if (pair.actual) continue;
    let best = -1;
    let bestSimilarity = TITLE_SIMILARITY;
    actual.forEach((a, k) => {
      const s = used.has(k) ? -1 : tokenSimilarity(pair.gold.title, a.title);
      if (s >= bestSimilarity) [best, bestSimilarity] = [k, s + 1e-9];
    });
    if (best >= 0) {
      used.add(best);
      pair.actual = actual[best]!;
    }
  }
  return { pairs, unmatchedActual: actual.length - used.size };
}

/** One item field over the pairs: F1 of agreeing pairs, counting only gold items that state the field. */
function itemField(pairs: ItemPair[], unmatchedActual: number, field: 'caseNumber' | 'decision'): number | null {
  const stated = pairs.filter((p) => field in p.gold);
  if (stated.length === 0) return null;
  const matched = stated.filter((p) => p.actual && sameText(p.gold[field], p.actual[field])).length;
  const actualCount = stated.filter((p) => p.actual).length + unmatchedActual;
  return f1(matched, stated.length, actualCount);
}

/** The meta group: the share of the gold's meta fields the import got right. */
function metaScore(gold: Gold, actual: Gold): number | null {
  const keys = (['body', 'kind', 'date', 'startTime', 'location'] as const).filter((k) => k in gold.meta);
  if (keys.length === 0) return null;
  const right = keys.filter((k) => sameText(gold.meta[k], actual.meta[k] ?? null)).length;
  return right / keys.length;
}

/** Scores an import (its gold view, or null when the importer refused the file) against the gold. */
export function scoreDocument(gold: Gold, actual: Gold | null): GroupScores {
  if (actual === null) return refusedScores(gold);
  const { pairs, unmatchedActual } = pairItems(gold.items, actual.items);
  const participants = gold.participants;
  const absent = gold.absent;
  return {
    meta: metaScore(gold, actual),
    participants: participants
      ? f1(matchLists(participants, actual.participants ?? [], sameText), participants.length, actual.participants?.length ?? 0)
      : null,
    absences: absent
      ? f1(
          matchLists(absent, actual.absent ?? [], (g, a) => sameText(g.name, a.name) && sameText(g.substitute, a.substitute)),
          absent.length,
          actual.absent?.length ?? 0,
        )
      : null,
    items: f1(pairs.filter((p) => p.byNumber).length, gold.items.length, actual.items.length),
    titles: f1(
      pairs.filter((p) => p.actual && tokenSimilarity(p.gold.title, p.actual.title) >= TITLE_SIMILARITY).length,
      gold.items.length,
      actual.items.length,
    ),
    caseNumbers: itemField(pairs, unmatchedActual, 'caseNumber'),
    decisions: itemField(pairs, unmatchedActual, 'decision'),
  };
}

/** A refused document scores 0 on every group its gold states. */
export function refusedScores(gold: Gold): GroupScores {
  const stated = (field: 'caseNumber' | 'decision') => gold.items.some((i) => field in i);
  return {
    meta: Object.keys(gold.meta).length > 0 ? 0 : null,
    participants: gold.participants ? 0 : null,
    absences: gold.absent ? 0 : null,
    items: 0,
    titles: 0,
    caseNumbers: stated('caseNumber') ? 0 : null,
    decisions: stated('decision') ? 0 : null,
  };
}

/** The mean of the groups that count (null when none does). */
export function meanScore(scores: GroupScores): number | null {
  const counted = GROUPS.map((g) => scores[g]).filter((s): s is number => s !== null);
  return counted.length === 0 ? null : counted.reduce((a, b) => a + b, 0) / counted.length;
}

/** Per-group means over documents (each group over the documents that count it) and the mean of the document means. */
export function summarise(rows: readonly GroupScores[]): { groups: GroupScores; mean: number | null } {
  const avg = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  const groups = Object.fromEntries(
    GROUPS.map((g) => [g, avg(rows.map((r) => r[g]).filter((s): s is number => s !== null))]),
  ) as GroupScores;
  return { groups, mean: avg(rows.map(meanScore).filter((s): s is number => s !== null)) };
}
