/**
 * @module A per-capita amount ("grundbidrag 122 kr. pr. indbygger"): each municipality pays the
 * rate times its population. Exact, so there is nothing to round. Pure.
 */
import { kroner, whole } from './format.js';
import { figureMap, participants, toNumber, wholeNumber, type AllocationResult, type Figure } from './types.js';

export interface PerCapitaInputs {
  kind: 'per-capita';
  /** Øre per inhabitant (122 kr. = 12 200). */
  ratePerInhabitant: number;
  population: Figure[];
  /** A subset; all the population's municipalities when left out. */
  municipalities?: string[];
}

/** Rate × population for each chosen municipality. */
export function perCapita(inputs: PerCapitaInputs): AllocationResult {
  const rate = wholeNumber(inputs.ratePerInhabitant, 'Beløbet pr. indbygger');
  const population = figureMap(inputs.population, 'befolkningstallene');
  const names = participants(population, inputs.municipalities, 'befolkningstallene');
  let total = 0n;
  const rows = names.map((municipality) => {
    const people = population.get(municipality)!;
    const share = rate * people;
    total += share;
    return {
      municipality,
      inputs: { indbyggere: toNumber(people) },
      share: toNumber(share),
      explanation: `${whole(people)} indbyggere × ${kroner(rate)}`,
    };
  });
  return { unit: 'øre', total: toNumber(total), rows, rounding: 'Ingen afrunding: beløbet pr. indbygger er i hele øre, og hver andel er beløbet gange indbyggertallet.' };
}
