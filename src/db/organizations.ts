/**
 * @module Authorities and organisations as stable records: found by slug, created on first
 * sight. A generic organisation name ("Byrådet") is qualified by its authority, so two councils'
 * Byrådet are two organisations; a self-explaining name ("KKR Midtjylland") is not.
 */
import { isNull, sql } from 'drizzle-orm';
import { authorityKindOf, isGenericName, organizationKindOf } from '../model/index.js';
import type { Tx } from './content.js';
import { slugify } from './names.js';
import { findOrInsertId, queryRows } from './rows.js';
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
  const authorityId = authority ? await ensureAuthority(tx, authority) : null;
  const slug = organizationSlug(name, authority);
  // A known organisation (nearly every document's) costs one lookup.
  const find = sql`select id, authority_id from organizations where slug = ${slug}`;
  let [row] = await queryRows<{ id: number; authority_id: number | null }>(tx, find);
  if (!row) {
    await tx.execute(sql`insert into organizations (slug, name, authority_id, kind) values (${slug}, ${name}, ${authorityId}, ${organizationKindOf(name)})
                         on conflict (slug) do nothing`);
    [row] = await queryRows<{ id: number; authority_id: number | null }>(tx, find);
  }
  // An organisation from an earlier release (or a document that did not say) learns its authority.
  if (authorityId !== null && row!.authority_id === null) {
    await tx
      .update(organizations)
      .set({ authorityId, modifiedAt: sql`now()` })
      .where(sql`${organizations.id} = ${row!.id} and ${isNull(organizations.authorityId)}`);
  }
  return row!.id;
}
