/**
 * @module Danish dates and times as meeting documents write them.
 */

/** The Danish month names, January first. */
export const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD for a real calendar date, null for one that does not exist (31 February). */
export function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The first date in a text: "17-06-2020", "2020-06-17", "28. august 2020"; null when none. */
export function findDate(text: string): string | null {
  const numeric = /\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b/.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const written = new RegExp(`\\b(\\d{1,2})\\.\\s*(${MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (written) return isoDate(Number(written[3]), MONTHS.indexOf(written[2]!.toLowerCase()) + 1, Number(written[1]));
  return null;
}

/** Start and end times: "10:00", "kl. 10.00 – 13.00"; null where not stated. */
export function findTimes(text: string): { start: string | null; end: string | null } {
  const withoutDates = text.replace(/\b\d{1,2}[-./]\d{1,2}[-./]\d{4}\b/g, ' ');
  const times = [...withoutDates.matchAll(/\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/g)].map((m) => `${pad(Number(m[1]))}:${m[2]}`);
  return { start: times[0] ?? null, end: times[1] ?? null };
}

/** Validates a user-supplied date (YYYY-MM-DD). */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
