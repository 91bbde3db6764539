/**
 * @module The largest-remainder method (Hare–Niemeyer) on exact integers: the one rounding every
 * allocation model uses, so totals always add up. Pure.
 */

/** One claimant's exact weight; its share is total × weight / Σ weights. */
export interface Claim {
  key: string;
  weight: bigint;
}

/**
 * Splits `total` whole units (øre, persons) in proportion to the weights: each gets the floor of
 * its exact quota, and the units left go one each to the largest remainders. Equal remainders are
 * ordered by key, never by input order, so permuting the claimants changes nothing.
 */
export function largestRemainder(total: bigint, claims: readonly Claim[]): Map<string, bigint> {
  if (total < 0n) throw new Error('Der kan ikke fordeles et negativt beløb.');
  const sum = claims.reduce((s, c) => s + c.weight, 0n);
  const result = new Map<string, bigint>();
  if (claims.some((c) => c.weight < 0n)) throw new Error('En fordelingsvægt kan ikke være negativ.');
  if (new Set(claims.map((c) => c.key)).size !== claims.length) throw new Error('Samme kommune optræder to gange.');
  if (claims.length === 0) {
    if (total === 0n) return result;
    throw new Error('Der er ingen at fordele til.');
  }
  if (sum === 0n) throw new Error('Fordelingsgrundlaget er nul (alle vægte er 0).');
  const remainders: Array<{ key: string; remainder: bigint }> = [];
  let given = 0n;
  for (const c of claims) {
    const product = total * c.weight;
    const floor = product / sum;
    result.set(c.key, floor);
    given += floor;
    remainders.push({ key: c.key, remainder: product % sum });
  }
  remainders.sort((a, b) => (a.remainder === b.remainder ? compareKeys(a.key, b.key) : a.remainder > b.remainder ? -1 : 1));
  for (let left = total - given, i = 0; left > 0n; left--, i++) {
    const r = remainders[i]!;
    result.set(r.key, result.get(r.key)! + 1n);
  }
  return result;
}

/** A fixed, locale-independent order of keys (code units), for ties. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
