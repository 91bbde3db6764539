/**
 * @module Electoral periods (OParl LegislativeTerm; Danish: valgperiode). Danish municipal and
 * regional councils share them: four years from 1 January after the November election.
 */
import { z } from 'zod';

export const LegislativeTerm = z.object({
  id: z.number().int(),
  name: z.string(),
  startDate: z.string(),
  endDate: z.string(),
});
export type LegislativeTerm = z.infer<typeof LegislativeTerm>;

/** First year of the periods after the 2007 municipal reform (2007–2009 was three years). */
const FIRST_FOUR_YEAR_TERM = 2010;

/** The period a date (YYYY-MM-DD) falls in, as start and end dates and a Danish name. */
export function termOf(date: string): Omit<LegislativeTerm, 'id'> {
  const year = Number(date.slice(0, 4));
  if (year < FIRST_FOUR_YEAR_TERM) {
    return year >= 2007
      ? { name: 'Valgperioden 2007–2009', startDate: '2007-01-01', endDate: '2009-12-31' }
      : { name: `Før ${2007}`, startDate: '1970-01-01', endDate: '2006-12-31' };
  }
  const start = FIRST_FOUR_YEAR_TERM + Math.floor((year - FIRST_FOUR_YEAR_TERM) / 4) * 4;
  return { name: `Valgperioden ${start}–${start + 3}`, startDate: `${start}-01-01`, endDate: `${start + 3}-12-31` };
}
