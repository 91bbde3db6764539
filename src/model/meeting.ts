/**
 * @module Meetings (OParl Meeting; Danish: møde): an organisation's meeting on a date, with its
 * documents (agenda, supplementary agenda, minutes). One rule here decides which document is a
 * meeting's current one and what state the meeting is in; everything else asks these functions.
 */
import { z } from 'zod';
import { AccessLevel } from './access.js';
import type { DocumentKind } from './document.js';

/** planned · agenda_published (dagsorden offentliggjort) · held (afholdt) · minutes_published (referat offentliggjort) · cancelled (aflyst). */
export const MeetingStatus = z.enum(['planned', 'agenda_published', 'held', 'minutes_published', 'cancelled']);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

export const STATUS_LABELS: Record<MeetingStatus, string> = {
  planned: 'Planlagt',
  agenda_published: 'Dagsorden offentliggjort',
  held: 'Afholdt',
  minutes_published: 'Referat offentliggjort',
  cancelled: 'Aflyst',
};

export const Meeting = z.object({
  id: z.number().int(),
  organizationId: z.number().int().nullable(),
  date: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  locationId: z.number().int().nullable(),
  status: MeetingStatus,
  /** A whole meeting may be closed (an Acadre agenda's own access field). */
  access: AccessLevel,
  created: z.string(),
  modified: z.string(),
});
export type Meeting = z.infer<typeof Meeting>;

/** Minutes over agenda over supplementary agenda: the document a meeting page shows. */
const PREFERENCE: readonly DocumentKind[] = ['minutes', 'agenda', 'supplementary_agenda'];

/** The meeting's current document kind among those it has, or null when it has none. */
export function currentDocumentKind(kinds: readonly DocumentKind[]): DocumentKind | null {
  return PREFERENCE.find((k) => kinds.includes(k)) ?? null;
}

/** A meeting's status from its documents and date ("today" as YYYY-MM-DD), unless cancelled. */
export function meetingStatusOf(kinds: readonly DocumentKind[], date: string | null, today: string, cancelled = false): MeetingStatus {
  if (cancelled) return 'cancelled';
  if (kinds.includes('minutes')) return 'minutes_published';
  if (kinds.length === 0) return 'planned';
  return date !== null && date < today ? 'held' : 'agenda_published';
}
