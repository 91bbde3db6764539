/** @module Where a meeting is held (OParl Location; Danish: mødested), or that it is online. */
import { z } from 'zod';

export const Location = z.object({
  id: z.number().int(),
  /** As the documents write it: "Scandic, Rytoften 3, 8210 Aarhus", "via Skype". */
  description: z.string(),
  online: z.boolean(),
});
export type Location = z.infer<typeof Location>;
