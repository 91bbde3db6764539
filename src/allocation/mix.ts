/**
 * @module A total split partly equally and partly by population ("75 % fordelt på indbyggertal,
 * 25 % ligeligt"), among all or a chosen subset of municipalities, optionally as the same yearly
 * amount over several years. Exact: each share is total × (e/n + p·pop/P) as a fraction, rounded
 * to whole øre by the largest remainder, so the shares add up to the total. Pure.
 */
import { largestRemainder } from './apportion.js';
import { kroner, percent, whole } from './format.js';
import { AllocationInputError, basisPoints, figureMap, participants, toNumber, WHOLE, wholeNumber, type AllocationResult, type Figure } from './types.js';

export interface MixInputs {
  kind: 'mix';
  /** The whole amount in øre (over all years). */
  total: number;
  /** Basis points split equally; equalShare + populationShare = 100 %. */
  equalShare: number;
  /** Basis points split by population. */
  populationShare: number;
  population: Figure[];
  municipalities?: string[];
  /** The total is paid as equal yearly amounts over this many years (1 when left out). */
  years?: number;
}

/** The split; with years > 1 each year's amount is split and a municipality's total is its yearly share × years. */
export function mix(inputs: MixInputs): AllocationResult {
  const total = wholeNumber(inputs.total, 'Beløbet');
  const equal = basisPoints(inputs.equalShare, 'Den ligelige andel');
  const byPopulation = basisPoints(inputs.populationShare, 'Andelen efter indbyggertal');
  if (equal + byPopulation !== BigInt(WHOLE)) throw new AllocationInputError('Den ligelige andel og andelen efter indbyggertal skal tilsammen være 100 %.');
  const years = wholeNumber(inputs.years ?? 1, 'Antal år');
  if (years < 1n) throw new AllocationInputError('Antal år skal være mindst 1.');
  if (total % years !== 0n) throw new AllocationInputError(`Beløbet ${kroner(total)} kan ikke deles ligeligt i hele øre over ${years} år.`);
  const yearly = total / years;
  const population = figureMap(inputs.population, 'befolkningstallene');
  const names = participants(population, inputs.municipalities, 'befolkningstallene');
  const n = BigInt(names.length);
  const sum = names.reduce((s, m) => s + population.get(m)!, 0n);
  if (sum === 0n && byPopulation > 0n) throw new AllocationInputError('De valgte kommuner har tilsammen 0 indbyggere.');
  // total × (e/W · 1/n + p/W · pop/P) = total × (e·P + p·n·pop) / (W·n·P): integer weights over one denominator.
  const weights = names.map((m) => ({ key: m, weight: equal * (sum === 0n ? 1n : sum) + byPopulation * n * population.get(m)! }));
  const shares = largestRemainder(yearly, weights);
  const perYear = years > 1n ? ` pr. år i ${years} år` : '';
  const rows = names.map((municipality) => {
    const people = population.get(municipality)!;
    const share = shares.get(municipality)! * years;
    const parts = [
      equal > 0n ? `${percent(equal)} ligeligt: 1/${n} af ${kroner(yearly)}` : '',
      byPopulation > 0n ? `${percent(byPopulation)} efter indbyggertal: ${whole(people)} af ${whole(sum)} indbyggere` : '',
    ].filter(Boolean);
    return {
      municipality,
      inputs: { indbyggere: toNumber(people) },
      share: toNumber(share),
      explanation: `${parts.join(' + ')}${perYear}`,
    };
  });
  return {
    unit: 'øre',
    total: toNumber(total),
    rows,
    rounding:
      'Hver andel er regnet som en eksakt brøk og afrundet til hele øre efter største brøkdels metode: alle får den nedrundede andel, og de resterende øre går én ad gangen til de største brøkdele (ved lighed i kommunenavnets orden).' +
      (years > 1n ? ` Beløbet er delt i ${years} lige store årlige beløb, der hver fordeles; en kommunes andel i alt er dens årlige andel gange ${years}.` : ''),
  };
}
