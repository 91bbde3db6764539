/**
 * @module Links between meetings through the approval of minutes: agenda_items.minutes_of, written
 * by the projection from the recogniser (src/model/approval.ts), and read for a meeting's page —
 * the meeting its approval item approves, and the later meetings that approve (or have on their
 * agenda) its own minutes. Reads filter through visibility.ts like every other read.
 */
import { sql } from 'drizzle-orm';
import type { MeetingApprovals } from '../archive/types.js';
import { findApprovals, type Viewer } from '../model/index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';
import { visibleItems, visibleMeetings } from './visibility.js';

export interface MeetingRow {
  organization_id: number | null;
  date: string | null;
}

/** A live item as writeApprovals reads it: its stored title and text (summary_text, a line break, body_text). */
export interface ApprovalItem {
  id: number;
  number: string;
  title: string;
  text: string;
  minutes_of: string | null;
}

/**
 * Sets minutes_of on the meeting's live items, and on those of the organisation's next meeting:
 * an approval naming no date approves the previous meeting, which a newly stored meeting may be.
 * `known`: the meeting's organisation and date, when the caller has read them; `items`: its live
 * items in order, when the caller has just written them (they are then not read back).
 */
export async function refreshApprovals(tx: Tx, meetingId: number, known?: MeetingRow, items?: ApprovalItem[]): Promise<void> {
  const meeting = await writeApprovals(tx, meetingId, known, items);
  if (!meeting?.organization_id || !meeting.date) return;
  const [next] = await queryRows<{ id: number }>(
    tx,
    sql`select id from meetings where organization_id = ${meeting.organization_id} and date > ${meeting.date}::date and deleted_at is null
        order by date, id limit 1`,
  );
  if (next) await writeApprovals(tx, next.id);
}

/** Recognises the meeting's approval items from their stored title and text and writes minutes_of. */
async function writeApprovals(tx: Tx, meetingId: number, known?: MeetingRow, written?: ApprovalItem[]): Promise<MeetingRow | null> {
  const [meeting] = known ? [known] : await queryRows<MeetingRow>(tx, sql`select organization_id, date::text as date from meetings where id = ${meetingId}`);
  if (!meeting) return null;
  const items =
    written ??
    (await queryRows<ApprovalItem>(
      tx,
      sql`select id, number, title, summary_text || E'\n' || body_text as text, minutes_of::text as minutes_of
          from agenda_items where meeting_id = ${meetingId} and deleted_at is null order by position`,
    ));
  const approvals = findApprovals(items, meeting.date);
  const previous = approvals.some((a) => a.date === null) ? await previousMeetingDate(tx, meetingId, meeting) : null;
  const dates = new Map(approvals.map((a) => [a.number, a.date ?? previous]));
  for (const item of items) {
    const date = dates.get(item.number) ?? null;
    if (date !== item.minutes_of) await tx.execute(sql`update agenda_items set minutes_of = ${date}::date where id = ${item.id}`);
  }
  return meeting;
}

/** The date of the organisation's meeting before this one (not cancelled; with a document, not only planned), or null. */
async function previousMeetingDate(tx: Tx, meetingId: number, meeting: MeetingRow): Promise<string | null> {
  if (meeting.organization_id === null || meeting.date === null) return null;
  const [row] = await queryRows<{ date: string | null }>(
    tx,
    sql`select max(date)::text as date from meetings
        where organization_id = ${meeting.organization_id} and date < ${meeting.date}::date and id <> ${meetingId}
          and deleted_at is null and status <> 'cancelled' and current_version_id is not null`,
  );
  return row?.date ?? null;
}

/**
 * A meeting's links through approvals, as the viewer may see them: the meetings its visible
 * approval items approve (when in the archive), and the later meetings of its organisation with a
 * visible item approving its minutes — approved once that meeting's minutes give the item a decision.
 */
export async function meetingApprovals(db: Db, viewer: Viewer, meetingId: number): Promise<MeetingApprovals> {
  const approving = await queryRows<{ number: string; meeting_id: number | null }>(
    db,
    sql`select i.number,
          (select m2.id from meetings m2 where m2.organization_id = i.organization_id and m2.date = i.minutes_of and m2.id <> i.meeting_id
             and m2.current_version_id is not null and ${visibleMeetings(viewer, 'm2')} order by m2.id limit 1) as meeting_id
        from agenda_items i where i.meeting_id = ${meetingId} and i.minutes_of is not null and ${visibleItems(viewer, 'i')}
        order by i.position`,
  );
  // Through the organisation's later meetings, so the items are read by meeting (indexed), never scanned.
  const approvedBy = await queryRows<{ meeting_id: number; number: string; title: string; kind: string; decision: string | null }>(
    db,
    sql`select i.meeting_id, i.number, i.title, i.kind, i.decision
        from meetings m join meetings later on later.organization_id = m.organization_id and later.date > m.date
        join agenda_items i on i.meeting_id = later.id and i.minutes_of = m.date
        where m.id = ${meetingId} and ${visibleItems(viewer, 'i')} and ${visibleMeetings(viewer, 'later')}
        order by i.meeting_date, i.meeting_id, i.position`,
  );
  const ids = [...approving.map((r) => r.meeting_id).filter((id): id is number => id !== null), ...approvedBy.map((r) => r.meeting_id)];
  const summaries = await meetingSummariesById(db, viewer, ids);
  return {
    approves: approving.flatMap((r) => {
      const meeting = r.meeting_id !== null ? summaries.get(r.meeting_id) : undefined;
      return meeting ? [{ number: r.number, meeting }] : [];
    }),
    approvedAt: approvedBy.flatMap((r) => {
      const meeting = summaries.get(r.meeting_id);
      return meeting ? [{ meeting, number: r.number, title: r.title, approved: r.kind === 'minutes' && r.decision !== null }] : [];
    }),
  };
}
