/**
 * @module Organisations that meet (OParl Organization; Danish: organ, udvalg): KKR Midtjylland,
 * KD-Net, Teknisk Udvalg, Byrådet. An organisation belongs to its authority, so two councils'
 * "Byrådet" are two organisations.
 */
import { z } from 'zod';
import bodyNouns from './lexicon/body-nouns.json' with { type: 'json' };

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
 * Names every authority's organisations share say nothing of whose they are, so the authority is
 * part of their identity (and their URL name): a name ending in a body noun (lexicon/body-nouns.json)
 * or "Udvalget for …", with no acronym in it. Two municipalities' "Teknik- og Miljøudvalget" are
 * two organisations, and so two meetings on one date are two meetings.
 */
const BODY_NOUNS: readonly string[] = bodyNouns.entries.map((e) => e.ending);
const ACRONYM = /(?:^|[\s(/-])\p{Lu}{2,}(?=$|[\s)/,'’-])/u;

/** True when an organisation's name does not tell whose it is ("Byrådet", "Teknisk Udvalg"). */
export function isGenericName(name: string): boolean {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || ACRONYM.test(name)) return false;
  const first = words[0]!.toLowerCase();
  if (words.length > 1 && /^udvalg(et)?$/.test(first) && words[1]!.toLowerCase() === 'for') return true;
  const last = words[words.length - 1]!.toLowerCase().replace(/[.,:;]+$/, '');
  return BODY_NOUNS.some((noun) => last.endsWith(noun));
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
