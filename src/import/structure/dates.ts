/**
 * @module Danish dates and times as meeting documents write them.
 */
import { isoDate, monthNumber, MONTHS, SHORT_MONTHS } from '../../model/danish-dates.js';

export { isoDate, MONTHS };

const pad = (n: number) => String(n).padStart(2, '0');

const ENGLISH_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The first date a text names: 17-06-2020, 2020-06-17, 17. juni 2020, December 5, 2017. */
export function findDate(text: string): string | null {
  // "4.4. 2022": a dotted date whose year a space sets off.
  const numeric = /\b(\d{1,2})[-./](\d{1,2})(?:[-./]|\.\s)(\d{4})\b/.exec(text);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  // "17. juni 2020", "11 januar, 2021", "5. dec. 2019", "15-maj-2002": the day, the month written out or cut short, the year.
  const written = new RegExp(`\\b(\\d{1,2})(?:\\.?\\s*|-)(${MONTHS.join('|')}|${Object.keys(SHORT_MONTHS).join('|')})(?:\\.?,?\\s+|-)(\\d{4})\\b`, 'iu').exec(text);
  if (written) return isoDate(Number(written[3]), monthNumber(written[2]!), Number(written[1]));
  // "December 5, 2017": the English form web publishing systems print by default.
  const english = new RegExp(`\\b(${ENGLISH_MONTHS.join('|')})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i').exec(text);
  if (english) return isoDate(Number(english[3]), ENGLISH_MONTHS.indexOf(english[1]!.toLowerCase()) + 1, Number(english[2]));
  // "25. February 2020": a Danish page's day and year around the English month its system printed.
  const englishMonth = new RegExp(`\\b(\\d{1,2})\\.?\\s+(${ENGLISH_MONTHS.join('|')})\\s+(\\d{4})\\b`, 'i').exec(text);
  if (englishMonth) return isoDate(Number(englishMonth[3]), ENGLISH_MONTHS.indexOf(englishMonth[2]!.toLowerCase()) + 1, Number(englishMonth[1]));
  return null;
}

/**
 * A date written without its year ("Fredag, den 12. september", as a letterhead's "Tid:" gives the
 * meeting under the letter's own dated line), completed with the year of a date the same page
 * states (`near`): that year, or the next when the day would fall half a year or more before it.
 * Null without such a date, or where the text has a full date (findDate reads that).
 */
export function completeYearlessDate(text: string, near: string | null): string | null {
  if (near === null || findDate(text) !== null) return null;
  const m = new RegExp(`\\b(\\d{1,2})\\.?\\s*(${MONTHS.join('|')})\\b(?!\\.?,?\\s*\\d)`, 'iu').exec(text);
  if (!m) return null;
  const year = Number(near.slice(0, 4));
  const date = isoDate(year, monthNumber(m[2]!), Number(m[1]));
  if (date === null) return null;
  const days = (Date.parse(near) - Date.parse(date)) / 86_400_000;
  return days >= 183 ? isoDate(year + 1, monthNumber(m[2]!), Number(m[1])) : date;
}

/** Start and end times: "10:00", "kl. 10.00 – 13.00"; null where not stated. */
export function findTimes(text: string): { start: string | null; end: string | null } {
  const withoutDates = text.replace(/\b\d{1,2}[-./]\d{1,2}[-./]\d{4}\b/g, ' ');
  const found = [...withoutDates.matchAll(/\b([01]?\d|2[0-3])[:.]([0-5]\d)\b/g)];
  const times = found.map((m) => `${pad(Number(m[1]))}:${m[2]}`);
  // "fra kl til (11.00)": a transcript lost the start; the one time left, after "til", is the end.
  if (times.length === 1 && /\btil\s*\(?\s*(?:kl\.?\s*)?$/iu.test(withoutDates.slice(0, found[0]!.index))) return { start: null, end: times[0]! };
  return { start: times[0] ?? null, end: times[1] ?? null };
}

/** Validates a user-supplied date (YYYY-MM-DD). */
export function parseIsoDate(text: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? isoDate(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
