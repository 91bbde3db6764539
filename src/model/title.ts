/**
 * @module Comparing agenda item titles by subject: "Klimastrategi og DK 2020 - drøftelse" and
 * "Klimastrategien og DK2020" are about the same; "Godkendelse af referat" and "Godkendelse af
 * budget" are not. Treatment words (godkendelse, drøftelse, status …) are data
 * (lexicon/title-words.json). Used for promises, case threads and related items. Pure.
 */
import titleWords from './lexicon/title-words.json' with { type: 'json' };

const LEFT_OUT = new Set(titleWords.entries.flatMap((e) => e.words));

/** The words of a title that say what it is about: lower-case, treatment words and one-letter words left out. */
export function subjectWords(title: string): string[] {
  return title
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !LEFT_OUT.has(w));
}

/** Two words match when equal, or when one begins the other and is long enough to be a stem ("klimastrategi"/"klimastrategien"). */
const sameWord = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));

/** How much two titles share, 0–1: matched subject words over the shorter title's. */
export function titleSimilarity(a: string, b: string): number {
  const [x, y] = [subjectWords(a), subjectWords(b)];
  if (x.length === 0 || y.length === 0) return 0;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.filter((w) => long.some((v) => sameWord(w, v))).length / short.length;
}
