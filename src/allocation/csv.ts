/**
 * @module An allocation as CSV: semicolon-separated, UTF-8 with BOM and decimal commas, as Danish
 * spreadsheets open it; one row per municipality and a total row. Pure.
 */
import type { AllocationResult } from './types.js';
import { findMunicipality } from './municipalities.js';

const cell = (v: string) => (/[;"\r\n]/u.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const kr = (ore: number) => `${Math.trunc(ore / 100)},${String(Math.abs(ore % 100)).padStart(2, '0')}`;

/** The input columns of the result's rows, in first-seen order (indbyggere, aftalt, …). */
export function inputColumns(result: AllocationResult): string[] {
  const names: string[] = [];
  for (const r of result.rows) for (const k of Object.keys(r.inputs)) if (!names.includes(k)) names.push(k);
  return names;
}

/** The CSV text (with BOM). */
export function allocationCsv(title: string, result: AllocationResult): string {
  const inputs = inputColumns(result);
  const share = result.unit === 'øre' ? ['Andel (kr.)', 'Andel (øre)'] : ['Andel (antal)'];
  const lines = [
    [title],
    ['Kommune', 'Kommunekode', ...inputs.map((k) => k[0]!.toUpperCase() + k.slice(1)), ...share, 'Forklaring'],
    ...result.rows.map((r) => [
      r.municipality,
      findMunicipality(r.municipality)?.code ?? '',
      ...inputs.map((k) => (r.inputs[k] === undefined ? '' : String(r.inputs[k]))),
      ...(result.unit === 'øre' ? [kr(r.share), String(r.share)] : [String(r.share)]),
      r.explanation,
    ]),
    ['I alt', '', ...inputs.map(() => ''), ...(result.unit === 'øre' ? [kr(result.total), String(result.total)] : [String(result.total)]), ''],
    ['Afrunding', result.rounding],
  ];
  return `\uFEFF${lines.map((l) => l.map(cell).join(';')).join('\r\n')}\r\n`;
}
