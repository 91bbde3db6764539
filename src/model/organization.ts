/**
 * @module Organisations that meet (OParl Organization; Danish: organ, udvalg): KKR Midtjylland,
 * KD-Net, Teknisk Udvalg, Byrådet. An organisation belongs to its authority, so two councils'
 * "Byrådet" are two organisations.
 */
import { z } from 'zod';

export const OrganizationKind = z.enum(['council', 'committee', 'board', 'network', 'other']);
export type OrganizationKind = z.infer<typeof OrganizationKind>;

export const Organization = z.object({
  id: z.number().int(),
  authorityId: z.number().int().nullable(),
  /** URL name, unique across the archive: "kkr-midtjylland", "byraadet-aarhus-kommune". */
  slug: z.string(),
  name: z.string(),
  kind: OrganizationKind,
  created: z.string(),
  modified: z.string(),
});
export type Organization = z.infer<typeof Organization>;

/**
 * Names every authority's organisations share: they say nothing of whose they are, so the
 * authority is part of their identity (and their URL name).
 */
const GENERIC_NAME =
  /^(byrådet|kommunalbestyrelsen|regionsrådet|borgerrepræsentationen|økonomiudvalget|magistraten|(?:[\p{L}-]+\s+(?:og\s+[\p{L}-]+\s+)?)?(?:udvalg(?:et)?|udvalget for .+)|[\p{L}-]*udvalget)$/iu;

/** True when an organisation's name does not tell whose it is ("Byrådet", "Teknisk Udvalg"). */
export function isGenericName(name: string): boolean {
  return GENERIC_NAME.test(name.trim());
}

/** The kind of an organisation told from its name. */
export function organizationKindOf(name: string): OrganizationKind {
  const n = name.trim().toLowerCase();
  if (/^(byrådet|kommunalbestyrelsen|regionsrådet|borgerrepræsentationen)$/.test(n)) return 'council';
  if (/udvalg/.test(n)) return 'committee';
  if (/netværk|-net\b|kreds/.test(n)) return 'network';
  if (/^kkr\b|bestyrelse|råd(et)?$/.test(n)) return 'board';
  return 'other';
}
