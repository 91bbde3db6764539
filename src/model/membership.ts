/**
 * @module Memberships (OParl Membership; Danish: medlemskab): a person in an organisation with a
 * role, on behalf of a municipality or party, for a period. Derived from participant lists (and,
 * later, appointments) or entered by a secretary; derived ones are marked so.
 */
import { z } from 'zod';

/** chair: formand · vice_chair: næstformand · member: medlem · substitute: stedfortræder/suppleant. */
export const MembershipRole = z.enum(['chair', 'vice_chair', 'member', 'substitute']);
export type MembershipRole = z.infer<typeof MembershipRole>;

export const ROLE_LABELS: Record<MembershipRole, string> = {
  chair: 'Formand',
  vice_chair: 'Næstformand',
  member: 'Medlem',
  substitute: 'Stedfortræder',
};

export const Membership = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  organizationId: z.number().int(),
  role: MembershipRole,
  /** The municipality (or other body) the person sits for, as written. */
  onBehalfOf: z.string().nullable(),
  party: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** Worked out from the documents (attendance, appointments), not entered by hand. */
  derived: z.boolean(),
  created: z.string(),
  modified: z.string(),
});
export type Membership = z.infer<typeof Membership>;

/** The role a participant list or appointment names ("formand", "Næstformand", "suppleant"). */
export function membershipRoleOf(text: string | null): MembershipRole {
  const t = (text ?? '').trim().toLowerCase();
  if (/^næstformand|^vice ?formand/.test(t)) return 'vice_chair';
  if (/^formand/.test(t)) return 'chair';
  if (/stedfortræder|suppleant/.test(t)) return 'substitute';
  return 'member';
}
