/**
 * @module The allocation form's fields → a model's inputs (src/allocation), with Danish amounts
 * ("2.400.000,50" kr.), percentages ("12,5") and lines of "Kommune: antal". Pure; a field that
 * does not read is an error naming it.
 */
import { AllocationInputError, type AllocationInputs, type Figure } from '../../allocation/index.js';
import { findMunicipality } from '../../allocation/municipalities.js';

export type FormFields = Record<string, string | string[]>;

const text = (f: FormFields, name: string) => {
  const v = f[name];
  return (Array.isArray(v) ? v[0] ?? '' : v ?? '').trim();
};
const list = (f: FormFields, name: string) => {
  const v = f[name];
  return (Array.isArray(v) ? v : v ? [v] : []).map((s) => s.trim()).filter(Boolean);
};

/** Kroner as written in Danish ("2.400.000", "122,50 kr.") → øre. */
export function parseKroner(value: string, what: string): number {
  const t = value.replace(/\s|kr\.?$/giu, '').replace(/\s/gu, '');
  const m = /^(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?$/u.exec(t);
  if (!m) throw new AllocationInputError(`${what} skal være et beløb i kroner, fx 2.400.000 eller 122,50.`);
  const ore = Number(m[1]!.replace(/\./gu, '')) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(ore)) throw new AllocationInputError(`${what} er for stort.`);
  return ore;
}

/** A whole number ("1.137") → number. */
export function parseWhole(value: string, what: string): number {
  const t = value.replace(/\s/gu, '');
  if (!/^(\d{1,3}(?:\.\d{3})*|\d+)$/u.test(t)) throw new AllocationInputError(`${what} skal være et helt tal.`);
  return Number(t.replace(/\./gu, ''));
}

/** A percentage ("75", "12,5", "12,5 %") → basis points. */
export function parsePercent(value: string, what: string): number {
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?\s*%?$/u.exec(value.trim());
  if (!m) throw new AllocationInputError(`${what} skal være en procentsats, fx 75 eller 12,5.`);
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  if (bp > 10_000) throw new AllocationInputError(`${what} kan højst være 100 %.`);
  return bp;
}

/** Lines of "Kommune: antal" (or ";", tab, space) → official name → number. */
export function parseCounts(value: string, what: string): Record<string, number> {
  const out: Record<string, number> = {};
  value.split(/\r?\n/u).forEach((line, i) => {
    if (!line.trim()) return;
    const m = /^(.+?)\s*[:;\t ]\s*([\d.]+)\s*$/u.exec(line.trim());
    const name = m && findMunicipality(m[1]!)?.name;
    if (!m || !name) throw new AllocationInputError(`${what}, linje ${i + 1}: skriv »Kommune: antal«, fx »Odder: 25«.`);
    out[name] = parseWhole(m[2]!, `${what} for ${name}`);
  });
  return out;
}

/** The inputs of the chosen model, with the chosen municipalities' figures from the period's population. */
export function inputsFromForm(f: FormFields, population: readonly Figure[]): AllocationInputs {
  const chosen = list(f, 'kommune');
  if (chosen.length === 0) throw new AllocationInputError('Vælg mindst én kommune.');
  const figures = chosen.map((m) => {
    const found = population.find((p) => p.municipality === m);
    if (!found) throw new AllocationInputError(`Der er intet folketal for ${m} i den valgte periode.`);
    return { municipality: found.municipality, count: found.count };
  });
  const kind = text(f, 'kind');
  switch (kind) {
    case 'per-capita':
      return { kind, ratePerInhabitant: parseKroner(text(f, 'rate'), 'Beløbet pr. indbygger'), population: figures };
    case 'mix':
      return {
        kind,
        total: parseKroner(text(f, 'total'), 'Beløbet'),
        equalShare: parsePercent(text(f, 'equalShare') || '0', 'Den ligelige andel'),
        populationShare: parsePercent(text(f, 'populationShare') || '0', 'Andelen efter indbyggertal'),
        years: parseWhole(text(f, 'years') || '1', 'Antal år'),
        population: figures,
      };
    case 'quota':
      return {
        kind,
        total: parseWhole(text(f, 'total'), 'Det samlede antal'),
        fixed: parseCounts(text(f, 'fixed'), 'Aftalte antal'),
        minimums: parseCounts(text(f, 'minimums'), 'Minimum'),
        population: figures,
      };
    case 'historical': {
      const unit = text(f, 'unit') === 'antal' ? 'antal' : 'øre';
      const past = parseCounts(text(f, 'historical'), 'Den historiske fordeling');
      return {
        kind,
        unit,
        total: unit === 'øre' ? parseKroner(text(f, 'total'), 'Beløbet') : parseWhole(text(f, 'total'), 'Det samlede antal'),
        historicalWeight: parsePercent(text(f, 'historicalWeight') || '0', 'Vægten på den historiske fordeling'),
        demographyWeight: parsePercent(text(f, 'demographyWeight') || '0', 'Vægten på demografien'),
        historical: figures.map((p) => ({ municipality: p.municipality, count: past[p.municipality] ?? 0 })),
        demography: figures,
        demographyLabel: 'indbyggere',
      };
    }
    default:
      throw new AllocationInputError('Vælg en fordelingsmodel.');
  }
}
