/**
 * @module Participants of a meeting: members present, afbud (absences), and others present.
 */
import { z } from 'zod';

export const Participant = z.object({
  name: z.string(),
  /** Party letter as written: "A", "V", "Ø" … */
  party: z.string().nullable(),
  municipality: z.string().nullable(),
  /** Role in the body when stated ("formand", "suppleant"), else null. */
  role: z.string().nullable(),
});
export type Participant = z.infer<typeof Participant>;

/** An afbud (absence); `substitute` is who attended instead, when stated. */
export const Absence = Participant.extend({ substitute: z.string().nullable() });
export type Absence = z.infer<typeof Absence>;

/** Someone present who is not a member: secretariat, guests, minute-takers. */
export const Attendee = z.object({
  name: z.string(),
  /** Job title as written ("Chefkonsulent", "Leder af KKR"). */
  title: z.string().nullable(),
  organisation: z.string().nullable(),
  /** The list heading it stood under ("Fra KL-sekretariatet", "Fra KD-net"). */
  group: z.string().nullable(),
  minuteTaker: z.boolean(),
});
export type Attendee = z.infer<typeof Attendee>;

/** How someone took part in a meeting: member present, afbud, absent, substitute, or other attendee (guest). */
export const AttendanceStatus = z.enum(['present', 'afbud', 'absent', 'substitute', 'guest']);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
