/**
 * @module Authorities and organisations as stable records: found by slug, created on first
 * sight. A generic organisation name ("Byrådet") is qualified by its authority, so two councils'
 * Byrådet are two organisations; a self-explaining name ("KKR Midtjylland") is not.
 */
import { eq, isNull, sql } from 'drizzle-orm';
import { authorityKindOf, isGenericName, organizationKindOf } from '../model/index.js';
import type { Tx } from './content.js';
import { slugify } from './names.js';
import { authorities, organizations } from './schema.js';

/** The URL name of an organisation: its name, and its authority's when the name is generic. */
export function organizationSlug(name: string, authority: string | null): string {
  const base = slugify(name) || 'ukendt';
  return authority && isGenericName(name) ? `${base}-${slugify(authority)}` : base;
}

/** The id of the authority with this name, created on first sight. */
export async function ensureAuthority(tx: Tx, name: string): Promise<number> {
  const slug = slugify(name) || 'ukendt';
  await tx.insert(authorities).values({ slug, name, kind: authorityKindOf(name) }).onConflictDoNothing({ target: authorities.slug });
  const [row] = await tx.select({ id: authorities.id }).from(authorities).where(eq(authorities.slug, slug));
  return row!.id;
}

/** The id of the organisation a document names, created on first sight; its authority recorded once known. */
export async function ensureOrganization(tx: Tx, name: string, authority: string | null): Promise<number> {
  const authorityId = authority ? await ensureAuthority(tx, authority) : null;
  const slug = organizationSlug(name, authority);
  await tx
    .insert(organizations)
    .values({ slug, name, authorityId, kind: organizationKindOf(name) })
    .onConflictDoNothing({ target: organizations.slug });
  const [row] = await tx.select({ id: organizations.id, authorityId: organizations.authorityId }).from(organizations).where(eq(organizations.slug, slug));
  // An organisation from an earlier release (or a document that did not say) learns its authority.
  if (authorityId !== null && row!.authorityId === null) {
    await tx
      .update(organizations)
      .set({ authorityId, modifiedAt: sql`now()` })
      .where(sql`${organizations.id} = ${row!.id} and ${isNull(organizations.authorityId)}`);
  }
  return row!.id;
}
