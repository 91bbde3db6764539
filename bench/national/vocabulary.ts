/**
 * @module The national corpus's vocabulary: the samples' words ranked by frequency, extended by
 * compounds of them (Danish writes new words that way) into a long tail, with Zipf weights of the
 * slope fitted to the samples — so a few words are very common and most are rare, as in a real
 * archive, while the samples alone (≈ 200 KB of text) would have no tail at all. Drawn from by an
 * alias table (one random number per word). Also: the rank/frequency curve and its slope.
 */

export interface Vocabulary {
  words: string[];
  /** Zipf slope used for the weights (fitted to the samples). */
  slope: number;
  /** Words taken from the samples (the rest are compounds). */
  sampleWords: number;
  /** A word's index in `words`, drawn by weight. */
  drawIndex: (random: () => number) => number;
}

/** Least-squares slope of log(frequency) on log(rank) over ranks [from, to] (1-based): −s of Zipf's law. */
export function zipfSlope(sortedCounts: readonly number[], from = 2, to = 2000): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let r = from; r <= Math.min(to, sortedCounts.length); r++) {
    if (sortedCounts[r - 1]! <= 0) break;
    xs.push(Math.log(r));
    ys.push(Math.log(sortedCounts[r - 1]!));
  }
  if (xs.length < 3) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return -num / den;
}

/** Frequencies at a few ranks and the slope, as a printable line. */
export function curveLine(label: string, counts: Map<string, number>): string {
  const sorted = [...counts.values()].sort((a, b) => b - a);
  const total = sorted.reduce((a, b) => a + b, 0);
  const at = [1, 10, 100, 1000, 10_000, 100_000]
    .filter((r) => r <= sorted.length)
    .map((r) => `${r.toLocaleString('en')}: ${((sorted[r - 1]! / total) * 1e6).toFixed(r < 100 ? 0 : 1)}`)
    .join(', ');
  const once = sorted.filter((c) => c === 1).length;
  return `${label}: ${sorted.length.toLocaleString('en')} distinct words in ${total.toLocaleString('en')}; per million words at rank ${at}; Zipf slope (ranks 2–2,000) ${zipfSlope(sorted).toFixed(2)}; words seen once ${((once / sorted.length) * 100).toFixed(0)} %`;
}

/** Walker's alias table over weights: O(1) draws. */
function aliasTable(weights: readonly number[]): (random: () => number) => number {
  const n = weights.length;
  const sum = weights.reduce((a, b) => a + b, 0);
  const prob = new Float64Array(n);
  const alias = new Uint32Array(n);
  const scaled = weights.map((w) => (w * n) / sum);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length > 0 && large.length > 0) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (random) => {
    const x = random() * n;
    const i = Math.floor(x);
    return x - i < prob[i]! ? i : alias[i]!;
  };
}

/**
 * The samples' words by falling frequency, then `size − samples` compounds (a sample word's first
 * 3–8 letters + another sample word), weighted 1/rank^slope. Deterministic for the seed.
 */
export function buildVocabulary(frequencies: Map<string, number>, size: number, random: () => number): Vocabulary {
  const ranked = [...frequencies].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const slope = zipfSlope([...frequencies.values()].sort((a, b) => b - a));
  const seen = new Set(ranked);
  const parts = ranked.filter((w) => /^[a-zæøå]{4,}$/.test(w));
  const words = [...ranked];
  for (let tries = 0; words.length < size && tries < size * 4; tries++) {
    const a = parts[Math.floor(random() * parts.length)]!;
    const b = parts[Math.floor(random() * parts.length)]!;
    const word = a.slice(0, 3 + Math.floor(random() * 6)) + b;
    if (seen.has(word) || word.length > 30) continue;
    seen.add(word);
    words.push(word);
  }
  const s = Number.isFinite(slope) ? Math.min(1.3, Math.max(0.8, slope)) : 1;
  const index = aliasTable(words.map((_, r) => 1 / (r + 1) ** s));
  return { words, slope: s, sampleWords: ranked.length, drawIndex: index };
}
