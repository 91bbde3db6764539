/**
 * @module A key mixing a historical distribution and demography with weights: each municipality's
 * share is total × (h·hist/H + d·demo/D), e.g. 50 % by last period's numbers and 50 % by the
 * number of 0–17-year-olds. Amounts in øre or whole units; rounded by the largest remainder. Pure.
 */
import { largestRemainder } from './apportion.js';
import { amount, percent, whole } from './format.js';
import { AllocationInputError, basisPoints, figureMap, participants, toNumber, WHOLE, wholeNumber, type AllocationResult, type AllocationUnit, type Figure } from './types.js';

export interface HistoricalInputs {
  kind: 'historical';
  total: number;
  unit: AllocationUnit;
  /** Basis points by the historical distribution; historicalWeight + demographyWeight = 100 %. */
  historicalWeight: number;
  demographyWeight: number;
  /** Each municipality's number in the earlier distribution. */
  historical: Figure[];
  /** Each municipality's demographic figure (population, or a group of it). */
  demography: Figure[];
  /** What the demographic figure counts, e.g. "indbyggere" or "0–17-årige". */
  demographyLabel?: string;
  municipalities?: string[];
}

/** The weighted key. */
export function historical(inputs: HistoricalInputs): AllocationResult {
  const total = wholeNumber(inputs.total, 'Det samlede beløb eller antal');
  const h = basisPoints(inputs.historicalWeight, 'Vægten på den historiske fordeling');
  const d = basisPoints(inputs.demographyWeight, 'Vægten på demografien');
  if (h + d !== BigInt(WHOLE)) throw new AllocationInputError('Vægtene skal tilsammen være 100 %.');
  if (inputs.unit !== 'øre' && inputs.unit !== 'antal') throw new AllocationInputError('Enheden skal være øre eller antal.');
  const past = figureMap(inputs.historical, 'den historiske fordeling');
  const demo = figureMap(inputs.demography, 'demografien');
  const names = participants(past, inputs.municipalities, 'den historiske fordeling');
  for (const m of names) if (!demo.has(m)) throw new AllocationInputError(`${m} mangler i demografien.`);
  const H = names.reduce((s, m) => s + past.get(m)!, 0n);
  const D = names.reduce((s, m) => s + demo.get(m)!, 0n);
  if (H === 0n && h > 0n) throw new AllocationInputError('Den historiske fordeling summer til 0.');
  if (D === 0n && d > 0n) throw new AllocationInputError('Demografien summer til 0.');
  // total × (h·hist·D + d·demo·H) / (W·H·D), with a zero sum's weight replaced by 1 (its share is 0 %).
  const weights = names.map((m) => ({ key: m, weight: h * past.get(m)! * (D || 1n) + d * demo.get(m)! * (H || 1n) }));
  const shares = largestRemainder(total, weights);
  const label = inputs.demographyLabel?.trim() || 'indbyggere';
  const rows = names.map((municipality) => ({
    municipality,
    inputs: { historisk: toNumber(past.get(municipality)!), demografi: toNumber(demo.get(municipality)!) },
    share: toNumber(shares.get(municipality)!),
    explanation: [
      h > 0n ? `${percent(h)} efter historisk fordeling: ${whole(past.get(municipality)!)} af ${whole(H)}` : '',
      d > 0n ? `${percent(d)} efter demografi: ${whole(demo.get(municipality)!)} af ${whole(D)} ${label}` : '',
    ]
      .filter(Boolean)
      .join(' + '),
  }));
  return {
    unit: inputs.unit,
    total: toNumber(total),
    rows,
    rounding: `Hver andel er en eksakt brøk, afrundet til hele ${inputs.unit === 'øre' ? 'øre' : 'antal'} efter største brøkdels metode (de resterende enheder går én ad gangen til de største brøkdele; ved lighed i kommunenavnets orden). I alt ${amount(toNumber(total), inputs.unit)}.`,
  };
}
