/**
 * @module The Danish calendar words the importer reads, the approvals recogniser reads and the
 * pages write: one list, so "sept." means September everywhere.
 */

/** The Danish month names, January first. */
export const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** Short forms as documents write them ("5. dec. 2019"), with their month's number ("maj" is written out). */
export const SHORT_MONTHS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, okt: 10, nov: 11, dec: 12 };

/** A month's number (1–12) from its Danish name or short form in any case; 0 for neither. */
export function monthNumber(name: string): number {
  const key = name.toLowerCase();
  return MONTHS.indexOf(key) + 1 || SHORT_MONTHS[key] || 0;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD for a real calendar date, null for one that does not exist (31 February). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}
