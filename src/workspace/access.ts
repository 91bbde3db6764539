/**
 * @module Who may write what in the workspace: a secretary writes the meetings of the
 * organisations they are secretary of; an admin writes every organisation's. Pure.
 */
import type { User } from '../db/users.js';

/** Whether the user writes for the organisation. */
export function canWrite(user: User, organizationId: number): boolean {
  return user.admin || user.roles.some((r) => r.role === 'secretary' && r.organizationId === organizationId);
}

/** Whether the user writes for any organisation (and so may enter the workspace at all). */
export function writesAnywhere(user: User): boolean {
  return user.admin || user.roles.some((r) => r.role === 'secretary');
}

/** The organisations the user is secretary of, by id and name (an admin's list comes from the database). */
export function secretaryOrganizations(user: User): Array<{ id: number; slug: string; name: string }> {
  const seen = new Map<number, { id: number; slug: string; name: string }>();
  for (const r of user.roles) {
    if (r.role === 'secretary') seen.set(r.organizationId, { id: r.organizationId, slug: r.organizationSlug, name: r.organizationName });
  }
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}
