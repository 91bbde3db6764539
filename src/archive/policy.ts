/**
 * @module The access policy: the one place that decides what a viewer may read. Every output
 * (pages, snippets, search, front matter, case and people pages, downloads, APIs) asks it,
 * through `grantsOf` (for SQL filters, src/db/visibility.ts) or `canRead` (for models in memory).
 *
 * - public: everyone.
 * - closed (lukket punkt): members and secretaries of the organisation that meets.
 * - confidential (personsag/fortroligt): the organisation's secretaries only.
 * - admin: administers users and organisations; reads as the public unless also member/secretary.
 */
import type { AccessLevel, Viewer } from '../model/index.js';

/** What a viewer may read beyond public content: organisation ids per restricted level. */
export interface Grants {
  closed: number[];
  confidential: number[];
}

/** The organisations whose closed and confidential content the viewer may read. */
export function grantsOf(viewer: Viewer): Grants {
  if (viewer.kind === 'anonymous') return { closed: [], confidential: [] };
  const orgs = (roles: string[]) =>
    [...new Set(viewer.roles.filter((r) => roles.includes(r.role) && r.organizationId !== null).map((r) => r.organizationId!))].sort((a, b) => a - b);
  return { closed: orgs(['member', 'secretary']), confidential: orgs(['secretary']) };
}

/** True when the viewer sees only what the public sees (the fast, indexed path). */
export function readsAsPublic(viewer: Viewer): boolean {
  const g = grantsOf(viewer);
  return g.closed.length === 0 && g.confidential.length === 0;
}

/** Whether the viewer may read content of this level belonging to this organisation. */
export function canRead(viewer: Viewer, access: AccessLevel, organizationId: number | null): boolean {
  if (access === 'public') return true;
  if (organizationId === null) return false;
  return grantsOf(viewer)[access].includes(organizationId);
}
