/**
 * @module Integer quotas from a total by the largest-remainder method (Hare–Niemeyer): a regional
 * refugee quota into municipal quotas, training places. Municipalities with a fixed agreement get
 * their agreed number and the rest of the total is apportioned among the others by population; a
 * minimum lifts a municipality to it and the rest is apportioned again among the others. Pure.
 */
import { largestRemainder } from './apportion.js';
import { whole } from './format.js';
import { AllocationInputError, figureMap, participants, toNumber, wholeNumber, type AllocationResult, type Figure } from './types.js';

export interface QuotaInputs {
  kind: 'quota';
  /** The whole number to distribute (persons, places). */
  total: number;
  population: Figure[];
  municipalities?: string[];
  /** At least this many for a municipality (when no agreement fixes its number). */
  minimums?: Record<string, number>;
  /** Numbers agreed outside the key (a voluntary agreement): taken as given. */
  fixed?: Record<string, number>;
}

/** The quotas; every share is whole and they sum to the total. */
export function quota(inputs: QuotaInputs): AllocationResult {
  const total = wholeNumber(inputs.total, 'Det samlede antal');
  const population = figureMap(inputs.population, 'befolkningstallene');
  const names = participants(population, inputs.municipalities, 'befolkningstallene');
  const fixed = numbers(inputs.fixed, names, 'Det aftalte antal');
  const minimums = numbers(inputs.minimums, names, 'Minimum');
  const fixedSum = [...fixed.values()].reduce((s, v) => s + v, 0n);
  if (fixedSum > total) throw new AllocationInputError(`De aftalte antal (${whole(fixedSum)}) er større end det samlede antal (${whole(total)}).`);
  const open = names.filter((m) => !fixed.has(m));
  const rest = total - fixedSum;
  const minimumSum = open.reduce((s, m) => s + (minimums.get(m) ?? 0n), 0n);
  if (minimumSum > rest) throw new AllocationInputError(`Minimumsantallene (${whole(minimumSum)}) er større end det, der er tilbage efter aftalerne (${whole(rest)}).`);
  if (open.length === 0 && rest > 0n) throw new AllocationInputError('Alle kommuner har aftalte antal, men de dækker ikke det samlede antal.');

  // Apportion among the unlifted; lift those below their minimum; repeat until none is below.
  const lifted = new Set<string>();
  let shares = new Map<string, bigint>();
  for (;;) {
    const pool = open.filter((m) => !lifted.has(m));
    const left = rest - [...lifted].reduce((s, m) => s + minimums.get(m)!, 0n);
    shares = pool.length === 0 ? new Map() : largestRemainder(left, pool.map((m) => ({ key: m, weight: population.get(m)! })));
    const below = pool.filter((m) => shares.get(m)! < (minimums.get(m) ?? 0n));
    if (below.length === 0) break;
    for (const m of below) lifted.add(m);
  }
  const openPopulation = open.filter((m) => !lifted.has(m)).reduce((s, m) => s + population.get(m)!, 0n);
  const rows = names.map((municipality) => {
    const people = population.get(municipality)!;
    const agreed = fixed.get(municipality);
    const share = agreed ?? (lifted.has(municipality) ? minimums.get(municipality)! : shares.get(municipality)!);
    const explanation =
      agreed !== undefined
        ? `Aftalt antal: ${whole(agreed)}`
        : lifted.has(municipality)
          ? `Løftet til minimum ${whole(share)}`
          : `${whole(people)} af ${whole(openPopulation)} indbyggere i de kommuner, der fordeles efter nøglen`;
    const rowInputs: Record<string, number> = { indbyggere: toNumber(people) };
    if (agreed !== undefined) rowInputs.aftalt = toNumber(agreed);
    if (minimums.has(municipality)) rowInputs.minimum = toNumber(minimums.get(municipality)!);
    return { municipality, inputs: rowInputs, share: toNumber(share), explanation };
  });
  return {
    unit: 'antal',
    total: toNumber(total),
    rows,
    rounding:
      'Hele antal efter største brøkdels metode (Hare–Niemeyer): de aftalte antal trækkes fra, resten fordeles efter indbyggertal; alle får den nedrundede kvote, og de resterende går én ad gangen til de største brøkdele (ved lighed i kommunenavnets orden). Kommer en kommune under sit minimum, får den minimum, og resten fordeles igen blandt de øvrige.',
  };
}

function numbers(values: Record<string, number> | undefined, names: string[], what: string): Map<string, bigint> {
  const map = new Map<string, bigint>();
  for (const [m, v] of Object.entries(values ?? {})) {
    if (!names.includes(m)) throw new AllocationInputError(`${what} er angivet for ${m}, som ikke er med i fordelingen.`);
    map.set(m, wholeNumber(v, `${what} for ${m}`));
  }
  return map;
}
