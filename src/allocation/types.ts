/**
 * @module What every allocation model takes and returns (issue 13). Amounts are whole øre and
 * quotas whole persons or places, as JavaScript integers at the boundary (safe up to 2^53) and
 * bigint inside; percentages are basis points (10 000 = 100 %), so "12,5 %" is 1250 exactly.
 */

/** One municipality's figure for the key (population, a historical number, a demographic group). */
export interface Figure {
  municipality: string;
  count: number;
}

/** One municipality's line of the result. */
export interface AllocationRow {
  municipality: string;
  /** The figures this row was computed from, by name (indbyggere, historisk, …). */
  inputs: Record<string, number>;
  /** Øre, or whole units for quotas. */
  share: number;
  /** How the share came about, in Danish. */
  explanation: string;
}

/** The unit of a result's shares. */
export type AllocationUnit = 'øre' | 'antal';

/** A computed allocation: rows in municipality order, their total, and how it was rounded. */
export interface AllocationResult {
  unit: AllocationUnit;
  total: number;
  rows: AllocationRow[];
  /** The rounding used, stated in Danish. */
  rounding: string;
}

/** 100 % in basis points. */
export const WHOLE = 10_000;

/** A model's input error: the message names the input, in Danish. */
export class AllocationInputError extends Error {}

/** A whole, non-negative, safe integer, or an error naming what it is. */
export function wholeNumber(value: unknown, what: string): bigint {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw new AllocationInputError(`${what} skal være et helt tal på 0 eller mere.`);
  return BigInt(value);
}

/** Basis points between 0 and 100 %. */
export function basisPoints(value: unknown, what: string): bigint {
  const bp = wholeNumber(value, what);
  if (bp > BigInt(WHOLE)) throw new AllocationInputError(`${what} kan højst være 100 %.`);
  return bp;
}

/** The figures as a map, checked: no municipality twice, whole counts. */
export function figureMap(figures: readonly Figure[], what: string): Map<string, bigint> {
  const map = new Map<string, bigint>();
  for (const f of figures) {
    if (map.has(f.municipality)) throw new AllocationInputError(`${f.municipality} optræder to gange i ${what}.`);
    map.set(f.municipality, wholeNumber(f.count, `${what} for ${f.municipality}`));
  }
  return map;
}

/** The chosen municipalities (all the figures' when none are chosen), each of which must have a figure. */
export function participants(figures: Map<string, bigint>, chosen: readonly string[] | undefined, what: string): string[] {
  const names = chosen && chosen.length > 0 ? [...new Set(chosen)] : [...figures.keys()];
  for (const n of names) if (!figures.has(n)) throw new AllocationInputError(`${n} mangler i ${what}.`);
  if (names.length === 0) throw new AllocationInputError('Vælg mindst én kommune.');
  return names.sort((a, b) => a.localeCompare(b, 'da'));
}

/** Back to a JavaScript number, which the bounds on the inputs keep safe. */
export const toNumber = (value: bigint): number => {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new AllocationInputError('Beløbet er for stort.');
  return Number(value);
};
