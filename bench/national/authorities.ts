/**
 * @module Who meets in the national corpus: the 98 municipalities (from the lexicon) with their
 * council and standing committees, the 5 regions with theirs, and KL's bodies (the five KKR, the
 * five KD-Net, KL's board) — with how often each meets a year, as councils and committees do.
 */
import municipalities from '../../src/import/lexicon/municipalities.json' with { type: 'json' };
import { organizationSlug } from '../../src/db/organizations.js';
import { slugify } from '../../src/db/names.js';
import { authorityKindOf, organizationKindOf } from '../../src/model/index.js';

export interface NationalAuthority {
  id: number;
  slug: string;
  name: string;
  kind: ReturnType<typeof authorityKindOf>;
}

export interface NationalOrganization {
  id: number;
  authorityId: number;
  /** The authority's name: a generic name ("Byrådet") gets it in its slug. */
  authority: string;
  slug: string;
  name: string;
  kind: ReturnType<typeof organizationKindOf>;
  /** Meetings a year. */
  perYear: number;
}

const COMMITTEES = ['Økonomiudvalget', 'Teknik- og Miljøudvalget', 'Børne- og Skoleudvalget', 'Social- og Sundhedsudvalget', 'Kultur- og Fritidsudvalget', 'Beskæftigelsesudvalget'];
const REGION_BODIES = ['Regionsrådet', 'Forretningsudvalget', 'Udvalg for regional udvikling', 'Sundhedsudvalget'];
const REGIONS = ['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Syddanmark'];

export function nationalBodies(): { authorities: NationalAuthority[]; organizations: NationalOrganization[] } {
  const authorities: NationalAuthority[] = [];
  const organizations: NationalOrganization[] = [];
  const authority = (name: string) => {
    const a = { id: authorities.length + 1, slug: slugify(name), name, kind: authorityKindOf(name) };
    authorities.push(a);
    return a;
  };
  const slugs = new Set<string>();
  const organization = (a: NationalAuthority, name: string, perYear: number) => {
    // A committee name the lexicon does not call generic is still every municipality's: qualify it.
    let slug = organizationSlug(name, a.name);
    if (slugs.has(slug)) slug = `${slugify(name)}-${a.slug}`;
    slugs.add(slug);
    organizations.push({ id: organizations.length + 1, authorityId: a.id, authority: a.name, slug, name, kind: organizationKindOf(name), perYear });
  };
  for (const entry of municipalities.entries) {
    const a = authority(entry.name === 'Bornholm' ? 'Bornholms Regionskommune' : `${entry.name} Kommune`);
    organization(a, entry.name === 'Aarhus' || entry.name === 'Odense' ? 'Byrådet' : 'Kommunalbestyrelsen', 11);
    for (const [i, committee] of COMMITTEES.entries()) organization(a, committee, i === 0 ? 11 : 9);
  }
  for (const region of REGIONS) {
    const a = authority(`Region ${region}`);
    for (const [i, body] of REGION_BODIES.entries()) organization(a, body, i < 2 ? 11 : 8);
  }
  const kl = authority('KL');
  organization(kl, "KL's bestyrelse", 10);
  for (const region of REGIONS) organization(kl, `KKR ${region}`, 5);
  for (const region of REGIONS) organization(kl, `KD-Net ${region}`, 6);
  return { authorities, organizations };
}
