/**
 * @module Authorities and organisations as stable records: found by slug, created on first
 * sight. A generic organisation name ("Byrådet") is qualified by its authority, so two councils'
 * Byrådet are two organisations; a self-explaining name ("KKR Midtjylland") is not.
 */
import { isNull, sql } from 'drizzle-orm';
import { authorityKindOf, isGenericName, organizationKindOf } from '../model/index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { slugify } from './names.js';
import { findOrInsertId, queryRows } from './rows.js';
import { remembered } from './tx-cache.js';
import { organizations } from './schema.js';

/** The URL name of an organisation: its name, and its authority's when the name is generic. */
export function organizationSlug(name: string, authority: string | null): string {
  const base = slugify(name) || 'ukendt';
  return authority && isGenericName(name) ? `${base}-${slugify(authority)}` : base;
}

/** The id of the authority with this name, created on first sight. */
export async function ensureAuthority(tx: Tx, name: string): Promise<number> {
  const slug = slugify(name) || 'ukendt';
  return findOrInsertId(
    tx,
    sql`select id from authorities where slug = ${slug}`,
    sql`insert into authorities (slug, name, kind) values (${slug}, ${name}, ${authorityKindOf(name)}) on conflict (slug) do nothing returning id`,
  );
}

/** The id of the organisation a document names, created on first sight; its authority recorded once known. */
export async function ensureOrganization(tx: Tx, name: string, authority: string | null): Promise<number> {
  // Once found (and its authority recorded), the same name and authority find the same row for the rest of the transaction.
  return remembered(tx, `organization:${JSON.stringify([name, authority])}`, () => findOrCreateOrganization(tx, name, authority));
}

async function findOrCreateOrganization(tx: Tx, name: string, authority: string | null): Promise<number> {
  // A known organisation of a known authority (nearly every document's) costs one lookup: both in one statement.
  const found = await findOrganizationAndAuthority(tx, name, authority);
  const authorityId = authority ? (found.authorityId ?? (await ensureAuthority(tx, authority))) : null;
  let row = found.organization;
  if (!row) {
    await tx.execute(sql`insert into organizations (slug, name, authority_id, kind) values (${organizationSlug(name, authority)}, ${name}, ${authorityId}, ${organizationKindOf(name)})
                         on conflict (slug) do nothing`);
    row = await findOrganization(tx, name, authority);
  }
  // An organisation from an earlier release (or a document that did not say) learns its authority.
  if (authorityId !== null && row!.authorityId === null) {
    await tx
      .update(organizations)
      .set({ authorityId, modifiedAt: sql`now()` })
      .where(sql`${organizations.id} = ${row!.id} and ${isNull(organizations.authorityId)}`);
  }
  return row!.id;
}

/** The query findOrganization runs (its row or none). */
function organizationQuery(name: string, authority: string | null) {
  const slug = organizationSlug(name, authority);
  const bare = organizationSlug(name, null);
  return sql`select o.id, o.name, o.authority_id from organizations o left join authorities a on a.id = o.authority_id
        where o.slug = ${slug}
           ${slug === bare ? sql`` : sql`or (o.slug = ${bare} and (o.authority_id is null or a.slug = ${slugify(authority ?? '')}))`}
        order by (o.slug = ${slug}) desc limit 1`;
}

/** findOrganization's row and the authority's id (null: not in the archive, or no authority named), in one round trip. */
async function findOrganizationAndAuthority(
  tx: Tx,
  name: string,
  authority: string | null,
): Promise<{ organization: { id: number; name: string; authorityId: number | null } | null; authorityId: number | null }> {
  const authorityId = authority ? sql`(select id from authorities where slug = ${slugify(authority) || 'ukendt'})` : sql`null::int`;
  const [row] = await queryRows<{ id: number | null; name: string | null; authority_id: number | null; known_authority_id: number | null }>(
    tx,
    sql`select o.id, o.name, o.authority_id, ${authorityId} as known_authority_id from (select 1) one left join (${organizationQuery(name, authority)}) o on true`,
  );
  return {
    organization: row?.id != null ? { id: row.id, name: row.name!, authorityId: row.authority_id } : null,
    authorityId: row?.known_authority_id ?? null,
  };
}

/**
 * The organisation a body's name and authority mean, when the archive has it. Archives made
 * before names such as "Teknik- og Miljøudvalget" were qualified by their authority hold them
 * under the bare name: that row is still the body's when its authority is this one (or was never
 * known), so its history and URL stay; another authority's body of that name is a new one.
 */
export async function findOrganization(tx: Tx | Db, name: string, authority: string | null): Promise<{ id: number; name: string; authorityId: number | null } | null> {
  const [row] = await queryRows<{ id: number; name: string; authority_id: number | null }>(tx, organizationQuery(name, authority));
  return row ? { id: row.id, name: row.name, authorityId: row.authority_id } : null;
}
