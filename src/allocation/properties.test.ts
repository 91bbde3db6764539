/** Properties of every model on seeded random inputs: totals add up, quotas are whole, order is irrelevant, more people never means less. */
import { describe, expect, it } from 'vitest';
import { computeAllocation, type AllocationInputs, type AllocationResult, type Figure } from './index.js';
import { seeded } from './testing.js';

const RUNS = 200;
const sum = (r: AllocationResult) => r.rows.reduce((s, row) => s + row.share, 0);
const byName = (r: AllocationResult) => Object.fromEntries(r.rows.map((row) => [row.municipality, row.share]));

function randomPopulation(rng: ReturnType<typeof seeded>): Figure[] {
  const n = rng.int(1, 25);
  return Array.from({ length: n }, (_, i) => ({ municipality: `Kommune ${String.fromCharCode(65 + i)}${rng.int(0, 9)}`, count: rng.int(0, 5) === 0 ? rng.int(0, 50) : rng.int(1_000, 400_000) }));
}

/** A random model's inputs over the population (population share positive so the key is not degenerate). */
function randomInputs(rng: ReturnType<typeof seeded>, population: Figure[]): AllocationInputs {
  const withPeople = population.some((f) => f.count > 0);
  switch (withPeople ? rng.int(0, 3) : 0) {
    case 0:
      return { kind: 'per-capita', ratePerInhabitant: rng.int(0, 50_000), population };
    case 1: {
      const equal = rng.int(0, 10_000);
      const years = rng.int(1, 4);
      return { kind: 'mix', total: rng.int(0, 1_000_000_000) * years, equalShare: equal, populationShare: 10_000 - equal, years, population };
    }
    case 2:
      return { kind: 'quota', total: rng.int(0, 5_000), population };
    default: {
      const h = rng.int(0, 10_000);
      const historical = population.map((f) => ({ municipality: f.municipality, count: rng.int(1, 1_000) }));
      return { kind: 'historical', total: rng.int(0, 10_000_000), unit: rng.int(0, 1) ? 'øre' : 'antal', historicalWeight: h, demographyWeight: 10_000 - h, historical, demography: population };
    }
  }
}

describe('allocation properties', () => {
  it('shares always sum to the total, and are whole numbers', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = seeded(seed);
      const inputs = randomInputs(rng, randomPopulation(rng));
      const result = computeAllocation(inputs);
      expect(sum(result), `seed ${seed}`).toBe(result.total);
      for (const row of result.rows) expect(Number.isSafeInteger(row.share) && row.share >= 0, `seed ${seed}`).toBe(true);
    }
  });

  it('quotas with agreements and minimums are whole and sum to the quota', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = seeded(seed * 7919);
      const population = randomPopulation(rng).map((f) => ({ ...f, count: f.count + 1 }));
      const total = rng.int(0, 3_000);
      const [a, b] = rng.shuffle(population.map((f) => f.municipality));
      const fixed = a && population.length > 1 && rng.int(0, 1) ? { [a]: rng.int(0, Math.floor(total / 4)) } : {};
      const minimums = b && b !== a ? { [b]: rng.int(0, Math.floor(total / 4)) } : {};
      const result = computeAllocation({ kind: 'quota', total, population, fixed, minimums });
      expect(sum(result), `seed ${seed}`).toBe(total);
      for (const row of result.rows) expect(Number.isInteger(row.share), `seed ${seed}`).toBe(true);
      if (a && a in fixed) expect(byName(result)[a]).toBe(fixed[a]);
      if (b && b in minimums) expect(byName(result)[b]!).toBeGreaterThanOrEqual(minimums[b]!);
    }
  });

  it('permuting the municipalities changes nothing', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = seeded(seed * 104_729);
      const population = randomPopulation(rng);
      const inputs = randomInputs(rng, population);
      const permuted = { ...inputs, population: rng.shuffle(population) } as AllocationInputs;
      if (permuted.kind === 'historical') Object.assign(permuted, { historical: rng.shuffle(permuted.historical), demography: rng.shuffle(permuted.demography) });
      expect(byName(computeAllocation(permuted)), `seed ${seed}`).toEqual(byName(computeAllocation(inputs)));
    }
  });

  it('a larger population never gets a smaller share, and a pure population split is the same per inhabitant to within the rounding', () => {
    for (let seed = 1; seed <= RUNS; seed++) {
      const rng = seeded(seed * 15_485_863);
      const population = randomPopulation(rng).map((f) => ({ ...f, count: f.count + 1 }));
      const equal = rng.int(0, 1) ? 0 : rng.int(0, 10_000);
      const total = rng.int(0, 1_000_000_000);
      const result = computeAllocation({ kind: rng.int(0, 1) ? 'mix' : 'quota', total, equalShare: equal, populationShare: 10_000 - equal, population } as AllocationInputs);
      const shares = byName(result);
      const P = population.reduce((s, f) => s + f.count, 0);
      for (const x of population)
        for (const y of population) {
          if (x.count > y.count) expect(shares[x.municipality]!, `seed ${seed}`).toBeGreaterThanOrEqual(shares[y.municipality]!);
        }
      if (result.unit === 'øre' && equal === 0)
        for (const x of population) expect(Math.abs(shares[x.municipality]! - (total * x.count) / P), `seed ${seed}`).toBeLessThan(1.0001);
    }
  });
});
