/**
 * @module How close a ranking is to a reference ranking (the naive full ranking, Tuning.naive):
 * the share of the reference's top k that the ranking also has (overlap@k), and nDCG@k with the
 * reference's own scores as gains. Used by the bench and by the search quality tests.
 */

/** |top k of ours ∩ top k of reference| ÷ the reference's top-k size; 1 when both are empty. */
export function overlapAt(k: number, ours: readonly number[], reference: readonly number[]): number {
  const want = reference.slice(0, k);
  if (want.length === 0) return ours.length === 0 ? 1 : 0;
  const have = new Set(ours.slice(0, k));
  return want.filter((id) => have.has(id)).length / want.length;
}

/**
 * nDCG@k of our order, the gain of each of our hits being its reference score (0 when the
 * reference does not score it), against the ideal order of the reference's best scores.
 */
export function ndcgAt(k: number, ours: readonly number[], gains: ReadonlyMap<number, number>, idealGains: readonly number[]): number {
  const dcg = (values: readonly number[]) => values.slice(0, k).reduce((sum, gain, i) => sum + gain / Math.log2(i + 2), 0);
  const ideal = dcg([...idealGains].sort((a, b) => b - a));
  if (ideal === 0) return ours.length === 0 || idealGains.length === 0 ? 1 : 0;
  return dcg(ours.map((id) => gains.get(id) ?? 0)) / ideal;
}
