/**
 * @module Viewers: who is reading. Every read of the archive takes one; src/archive/policy.ts
 * decides what each may see. Anonymous, or a signed-in account (src/auth; db/users.ts viewerOf).
 */
import { z } from 'zod';

/** member: reads the organisation's closed items · secretary: writes its meetings · admin: users and organisations. */
export const ViewerRole = z.enum(['member', 'secretary', 'admin']);
export type ViewerRole = z.infer<typeof ViewerRole>;

export const Viewer = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('anonymous') }),
  z.object({
    kind: z.literal('account'),
    accountId: z.number().int(),
    /** Roles per organisation id; admin may be held without an organisation (null). */
    roles: z.array(z.object({ role: ViewerRole, organizationId: z.number().int().nullable() })),
  }),
]);
export type Viewer = z.infer<typeof Viewer>;

/** The public: what a visitor without an account sees. */
export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/** A signed-in viewer with one role in one organisation (admin may have none). */
export function accountViewer(accountId: number, role: ViewerRole, organizationId: number | null): Viewer {
  return { kind: 'account', accountId, roles: [{ role, organizationId }] };
}
