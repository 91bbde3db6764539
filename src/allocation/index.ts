/**
 * @module Allocation keys (issue 13): the stored inputs of an allocation, checked by one zod
 * schema, and `computeAllocation`, which gives the same result from the same inputs every time
 * (the result is stored with them and can be recomputed). One module per model.
 */
import { z } from 'zod';
import { historical } from './historical.js';
import { mix } from './mix.js';
import { perCapita } from './per-capita.js';
import { quota } from './quota.js';
import type { AllocationResult } from './types.js';

export { AllocationInputError, type AllocationResult, type AllocationRow, type AllocationUnit, type Figure } from './types.js';

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const Figure = z.object({ municipality: z.string().min(1), count });
const Figures = z.array(Figure);
const Names = z.array(z.string().min(1)).optional();
const Counts = z.record(z.string(), count).optional();

/** The inputs of every model, as stored (population figures copied in, so the result is reproducible). */
export const AllocationInputs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('per-capita'), ratePerInhabitant: count, population: Figures, municipalities: Names }),
  z.object({ kind: z.literal('mix'), total: count, equalShare: count, populationShare: count, population: Figures, municipalities: Names, years: count.optional() }),
  z.object({ kind: z.literal('quota'), total: count, population: Figures, municipalities: Names, minimums: Counts, fixed: Counts }),
  z.object({
    kind: z.literal('historical'),
    total: count,
    unit: z.enum(['øre', 'antal']),
    historicalWeight: count,
    demographyWeight: count,
    historical: Figures,
    demography: Figures,
    demographyLabel: z.string().optional(),
    municipalities: Names,
  }),
]);
export type AllocationInputs = z.infer<typeof AllocationInputs>;
export type AllocationKind = AllocationInputs['kind'];

/** The models by kind, with their Danish names. */
export const ALLOCATION_KINDS: Record<AllocationKind, string> = {
  'per-capita': 'Beløb pr. indbygger',
  mix: 'Beløb fordelt ligeligt og efter indbyggertal',
  quota: 'Hele antal efter største brøkdel (kvoter)',
  historical: 'Historisk fordeling og demografi',
};

/** The result of the inputs; throws AllocationInputError with a Danish message on inputs that do not fit. */
export function computeAllocation(inputs: AllocationInputs): AllocationResult {
  switch (inputs.kind) {
    case 'per-capita':
      return perCapita(inputs);
    case 'mix':
      return mix(inputs);
    case 'quota':
      return quota(inputs);
    case 'historical':
      return historical(inputs);
  }
}
