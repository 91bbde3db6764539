/**
 * @module A population table made for tests: the 19 municipalities of Region Midtjylland with
 * invented, plausible counts (never real figures), and a seeded random generator for property tests.
 */
import type { Figure } from './types.js';

/** Invented counts for the 19 municipalities of Region Midtjylland (names as in the lexicon). */
export const TEST_POPULATION: Figure[] = [
  ['Aarhus', 361_417], ['Randers', 98_903], ['Horsens', 94_871], ['Silkeborg', 96_255], ['Herning', 89_612],
  ['Viborg', 97_038], ['Holstebro', 58_764], ['Skanderborg', 63_129], ['Hedensted', 46_987], ['Ikast-Brande', 41_606],
  ['Ringkøbing-Skjern', 56_241], ['Syddjurs', 43_318], ['Norddjurs', 37_452], ['Favrskov', 48_977], ['Skive', 45_883],
  ['Struer', 20_951], ['Lemvig', 19_573], ['Odder', 23_496], ['Samsø', 3_689],
].map(([municipality, count]) => ({ municipality: municipality as string, count: count as number }));

/** A small deterministic generator (mulberry32), so a failing property names its seed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, shuffle };
}
