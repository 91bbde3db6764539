/**
 * @module People (OParl Person; Danish: person): one identity across documents, with every
 * spelling of the name the documents used.
 */
import { z } from 'zod';

export const Person = z.object({
  id: z.number().int(),
  /** The name as first seen; the page heading. */
  name: z.string(),
  /** Every spelling seen ("H.C. Østerby", "H. C. Østerby"), the name itself included. */
  nameVariants: z.array(z.string()),
  created: z.string(),
  modified: z.string(),
});
export type Person = z.infer<typeof Person>;
