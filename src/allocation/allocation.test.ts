/** The samples' own allocation cases, reproduced from their stated inputs on an invented population table. */
import { describe, expect, it } from 'vitest';
import { largestRemainder } from './apportion.js';
import { kroner, percent } from './format.js';
import { AllocationInputError, computeAllocation, type AllocationResult } from './index.js';
import { TEST_POPULATION } from './testing.js';

const sum = (r: AllocationResult) => r.rows.reduce((s, row) => s + row.share, 0);
const shareOf = (r: AllocationResult, m: string) => r.rows.find((row) => row.municipality === m)!.share;
const population = (m: string) => TEST_POPULATION.find((f) => f.municipality === m)!.count;
const totalPopulation = (names: string[]) => names.reduce((s, m) => s + population(m), 0);

describe('largest remainder', () => {
  it('gives the textbook Hare–Niemeyer result', () => {
    const votes = { A: 47_000, B: 16_000, C: 15_800, D: 12_000, E: 6_100, F: 3_100 };
    const seats = largestRemainder(10n, Object.entries(votes).map(([key, v]) => ({ key, weight: BigInt(v) })));
    expect(Object.fromEntries([...seats].map(([k, v]) => [k, Number(v)]))).toEqual({ A: 5, B: 2, C: 1, D: 1, E: 1, F: 0 });
  });
  it('breaks equal remainders by name, not by order', () => {
    const one = largestRemainder(7n, ['C', 'A', 'B'].map((key) => ({ key, weight: 1n })));
    expect([one.get('A'), one.get('B'), one.get('C')]).toEqual([3n, 2n, 2n]);
  });
});

describe('GovTech Midtjylland (seed 001): 2.400.000 kr., 75 % by population, 25 % equally', () => {
  const result = computeAllocation({ kind: 'mix', total: 240_000_000, equalShare: 2500, populationShare: 7500, population: TEST_POPULATION });
  const all = TEST_POPULATION.map((f) => f.municipality);

  it('gives every one of the 19 its equal part plus its population part, to the øre', () => {
    expect(result.rows).toHaveLength(19);
    expect(sum(result)).toBe(240_000_000);
    for (const m of all) {
      const exact = (0.25 * 240_000_000) / 19 + (0.75 * 240_000_000 * population(m)) / totalPopulation(all);
      expect(Math.abs(shareOf(result, m) - exact)).toBeLessThan(1);
    }
    expect(result.rows.find((r) => r.municipality === 'Aarhus')!.explanation).toContain('25 % ligeligt: 1/19 af 2.400.000,00 kr.');
    expect(result.rounding).toContain('største brøkdels metode');
  });
});

describe('GovTech Midtjylland (seed 004): 2,4 mio. kr. with a 25 % base among its 16 member municipalities', () => {
  const members = TEST_POPULATION.map((f) => f.municipality).filter((m) => !['Lemvig', 'Struer', 'Samsø'].includes(m));
  const result = computeAllocation({ kind: 'mix', total: 240_000_000, equalShare: 2500, populationShare: 7500, population: TEST_POPULATION, municipalities: members });

  it('splits among the members only, and adds up', () => {
    expect(result.rows.map((r) => r.municipality).sort()).toEqual([...members].sort());
    expect(sum(result)).toBe(240_000_000);
    const base = 60_000_000 / 16;
    for (const m of members) {
      const exact = base + (180_000_000 * population(m)) / totalPopulation(members);
      expect(Math.abs(shareOf(result, m) - exact)).toBeLessThan(1);
    }
  });
});

describe('DK2020 coordination (seed 001): 3 mio. kr. over 3 years by population', () => {
  const result = computeAllocation({ kind: 'mix', total: 300_000_000, equalShare: 0, populationShare: 10_000, years: 3, population: TEST_POPULATION });
  const all = TEST_POPULATION.map((f) => f.municipality);

  it('splits 1 mio. kr. a year by population; each total is three equal yearly payments', () => {
    expect(sum(result)).toBe(300_000_000);
    for (const m of all) {
      expect(shareOf(result, m) % 3).toBe(0);
      expect(Math.abs(shareOf(result, m) / 3 - (100_000_000 * population(m)) / totalPopulation(all))).toBeLessThan(1);
    }
    expect(result.rounding).toContain('3 lige store årlige beløb');
  });
  it('refuses a total that cannot be paid in equal yearly øre', () => {
    expect(() => computeAllocation({ kind: 'mix', total: 100, equalShare: 0, populationShare: 10_000, years: 3, population: TEST_POPULATION })).toThrow(AllocationInputError);
  });
});

describe('a refugee quota of the region among its 19 municipalities, with one voluntary agreement', () => {
  // Samsø and Odder agree that Odder receives Samsø's refugees: Samsø 0, Odder 25; the rest is apportioned.
  const inputs = { kind: 'quota' as const, total: 1_137, population: TEST_POPULATION, fixed: { Samsø: 0, Odder: 25 } };
  const result = computeAllocation(inputs);

  it('keeps the agreement and apportions the rest by largest remainder in whole persons', () => {
    expect(sum(result)).toBe(1_137);
    expect(shareOf(result, 'Samsø')).toBe(0);
    expect(shareOf(result, 'Odder')).toBe(25);
    const others = TEST_POPULATION.map((f) => f.municipality).filter((m) => m !== 'Samsø' && m !== 'Odder');
    const rest = 1_137 - 25;
    const P = totalPopulation(others);
    for (const m of others) {
      expect(Number.isInteger(shareOf(result, m))).toBe(true);
      const exact = (rest * population(m)) / P;
      expect(shareOf(result, m) === Math.floor(exact) || shareOf(result, m) === Math.floor(exact) + 1).toBe(true);
    }
    expect(result.rows.find((r) => r.municipality === 'Odder')!.explanation).toBe('Aftalt antal: 25');
  });

  it('lifts a municipality to its minimum and apportions the rest again', () => {
    const lifted = computeAllocation({ kind: 'quota', total: 100, population: TEST_POPULATION, minimums: { Samsø: 3 } });
    expect(shareOf(lifted, 'Samsø')).toBe(3);
    expect(sum(lifted)).toBe(100);
    expect(lifted.rows.find((r) => r.municipality === 'Samsø')!.explanation).toContain('minimum');
  });

  it('refuses agreements larger than the quota, naming the problem', () => {
    expect(() => computeAllocation({ ...inputs, total: 20 })).toThrow(/aftalte antal \(25\) er større end det samlede antal \(20\)/);
    expect(() => computeAllocation({ ...inputs, fixed: { Roskilde: 3 } })).toThrow(/Roskilde, som ikke er med/);
  });
});

describe('per capita and historical keys', () => {
  it('charges 122 kr. per inhabitant exactly', () => {
    const result = computeAllocation({ kind: 'per-capita', ratePerInhabitant: 12_200, population: TEST_POPULATION, municipalities: ['Skive', 'Samsø'] });
    expect(result.rows.map((r) => [r.municipality, r.share])).toEqual([['Samsø', 3_689 * 12_200], ['Skive', 45_883 * 12_200]]);
    expect(result.total).toBe((3_689 + 45_883) * 12_200);
    expect(kroner(result.rows[0]!.share)).toBe('450.058,00 kr.');
  });

  it('weights a historical distribution against demography', () => {
    const names = ['Herning', 'Holstebro', 'Struer'];
    const past = [{ municipality: 'Herning', count: 40 }, { municipality: 'Holstebro', count: 30 }, { municipality: 'Struer', count: 30 }];
    const result = computeAllocation({ kind: 'historical', total: 200, unit: 'antal', historicalWeight: 6000, demographyWeight: 4000, historical: past, demography: TEST_POPULATION, municipalities: names });
    expect(sum(result)).toBe(200);
    const D = totalPopulation(names);
    for (const m of names) {
      const exact = 200 * (0.6 * (past.find((p) => p.municipality === m)!.count / 100) + (0.4 * population(m)) / D);
      expect(Math.abs(shareOf(result, m) - exact)).toBeLessThan(1);
    }
    expect(percent(1250)).toBe('12,5 %');
  });

  it('refuses percentages that do not make 100 % and unknown municipalities', () => {
    expect(() => computeAllocation({ kind: 'mix', total: 100, equalShare: 2500, populationShare: 7000, population: TEST_POPULATION })).toThrow(/tilsammen være 100 %/);
    expect(() => computeAllocation({ kind: 'mix', total: 100, equalShare: 0, populationShare: 10_000, population: TEST_POPULATION, municipalities: ['Atlantis'] })).toThrow(/Atlantis mangler/);
  });
});
