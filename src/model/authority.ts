/**
 * @module The publishing authority (OParl Body; Danish: myndighed): a municipality, a region, or
 * an association such as KL, whose organisations (KKR Midtjylland, Byrådet …) meet.
 */
import { z } from 'zod';

export const AuthorityKind = z.enum(['municipality', 'region', 'association', 'other']);
export type AuthorityKind = z.infer<typeof AuthorityKind>;

export const Authority = z.object({
  id: z.number().int(),
  /** URL name: "aarhus-kommune", "kl". */
  slug: z.string(),
  name: z.string(),
  kind: AuthorityKind,
  created: z.string(),
  modified: z.string(),
});
export type Authority = z.infer<typeof Authority>;

/** The kind of an authority told from its name: "… Kommune", "Region …", KL. */
export function authorityKindOf(name: string): AuthorityKind {
  if (/\bkommune$/i.test(name.trim())) return 'municipality';
  if (/^region\b/i.test(name.trim())) return 'region';
  if (/^(kl|kommunernes landsforening|danske regioner)$/i.test(name.trim())) return 'association';
  return 'other';
}
