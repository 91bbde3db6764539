/**
 * @module Cases (OParl Paper; Danish: sag): a matter with its case number(s) and title, treated
 * at one or more meetings (each treatment is an agenda item; OParl calls the link Consultation).
 */
import { z } from 'zod';

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
