/**
 * @module Cases (OParl Paper; Danish: sag): a matter with its case number(s) and title, treated
 * at one or more meetings (each treatment is an agenda item; OParl calls the link Consultation).
 */
import { z } from 'zod';
import { titleSimilarity } from './title.js';

export const Paper = z.object({
  id: z.number().int(),
  /** The case number the archive files it under (SAG-2020-01697, 1-51-71-3321-08 …). */
  reference: z.string(),
  /** Every case number the case is known by, the reference first. */
  caseNumbers: z.array(z.string()),
  /** The title of its latest agenda item. */
  title: z.string().nullable(),
  created: z.string(),
  modified: z.string(),
});
export type Paper = z.infer<typeof Paper>;

/** The least title similarity at which two items of one case number are one matter. */
export const SAME_MATTER = 0.5;

/**
 * A case number's items split into threads by subject: KL files many unrelated items of a meeting
 * under one case number (SAG-2020-01697 holds a meeting's climate, health and appointment items),
 * so an item joins the first thread holding an item of similar title, else starts its own. Order
 * is kept, within and between threads (each thread where its first item stood).
 */
export function threadsBySubject<T extends { title: string }>(items: readonly T[]): T[][] {
  const threads: T[][] = [];
  for (const item of items) {
    const thread = threads.find((t) => t.some((other) => titleSimilarity(other.title, item.title) >= SAME_MATTER));
    if (thread) thread.push(item);
    else threads.push([item]);
  }
  return threads;
}
