/**
 * @module The projection: the one function that rebuilds what the pages read of a meeting —
 * its state, place and times, items (stable ids), sections, bilag, search vectors, the minutes each
 * item approves (minutes_of), attendance and derived memberships — from its current document
 * version. Stores call it after every new version; `projectPending` runs it on open for meetings
 * projected by older code.
 */
import { sql } from 'drizzle-orm';
import { copenhagenToday, currentDocumentKind, meetingStatusOf, MeetingDocument, upgradeStoredModel, type DocumentKind } from '../model/index.js';
import { writeAppointments } from './appointments.js';
import { writeAnnouncedMeetings } from './planned.js';
import { reconcileIdentities } from './identities.js';
import { refreshApprovals } from './approvals.js';
import { refreshMemberships, writeParticipations } from './attendance.js';
import type { Db } from './client.js';
import { writeItems, type Tx } from './content.js';
import { refreshRelated, termsBeforeColumns, termsOf } from './related.js';
import { findOrInsertId, queryRows } from './rows.js';
import { remembered } from './tx-cache.js';

/** Bump when the projection's output changes: meetings projected by older code are rebuilt on open. */
export const PROJECTION_VERSION = 5; // 2: approvals; 3: bilag with stored bytes point at their files row; 4: item profiles, derivation keys; 5: closed items' appointments

/** A stored model (jsonb; a string from some drivers) as today's MeetingDocument. */
export function parseStoredModel(raw: unknown): MeetingDocument {
  const value = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return MeetingDocument.parse(upgradeStoredModel(value));
}

/** A version the caller just stored, with its (parsed) model. */
export interface StoredVersion {
  versionId: number;
  model: MeetingDocument;
  /**
   * Set when the caller's transaction created the meeting and this version's document, its only one: no
   * other transaction can see the meeting yet, and it has no items, profiles or participations, so the
   * projection neither reads them back nor clears them (a bulk import's common case, several round trips fewer).
   */
  newMeeting?: { organizationId: number | null; date: string | null; kind: DocumentKind };
}

interface CurrentRow {
  kind: DocumentKind;
  version_id: number;
  model: unknown;
}

/**
 * Rebuilds one meeting's projection from its documents' current versions (inside the caller's
 * transaction), given the version just stored when there is one. Returns its warnings (a bilag
 * without its stored bytes), also logged: none fails it.
 */
export async function projectMeeting(tx: Tx, meetingId: number, stored?: StoredVersion): Promise<string[]> {
  const fresh = stored?.newMeeting;
  // The meeting and what its items counted before (related.ts) in one round trip.
  const [meeting] = fresh
    ? [{ organization_id: fresh.organizationId, date: fresh.date, lexemes: null, items: 0 }]
    : await queryRows<{ organization_id: number | null; date: string | null; lexemes: string | null; items: number }>(
        tx,
        sql`select organization_id, date::text as date, ${termsBeforeColumns(meetingId)} from meetings where id = ${meetingId} for update`,
      );
  if (!meeting) return [];
  const terms = termsOf(meeting);
  // The version just stored is not read back: the caller has its model.
  const docs = fresh
    ? [{ kind: fresh.kind, version_id: stored!.versionId, model: null }]
    : await queryRows<CurrentRow>(
        tx,
        sql`select d.kind, v.id as version_id, case when v.id = ${stored?.versionId ?? null}::int then null else v.model end as model
            from meeting_documents d join document_versions v on v.id = d.current_version_id
            where d.meeting_id = ${meetingId}`,
      );
  const modelOf = (row: CurrentRow) => (row.version_id === stored?.versionId ? stored.model : parseStoredModel(row.model));
  const kind = currentDocumentKind(docs.map((d) => d.kind));
  const current = docs.find((d) => d.kind === kind);
  if (!current) {
    await tx.execute(sql`update agenda_items set deleted_at = coalesce(deleted_at, now()) where meeting_id = ${meetingId}`);
    const listed = await queryRows<{ person_id: number }>(tx, sql`delete from participations where meeting_id = ${meetingId} returning person_id`);
    await tx.execute(sql`update meetings set status = 'planned', current_version_id = null, projection = ${PROJECTION_VERSION} where id = ${meetingId}`);
    await refreshApprovals(tx, meetingId);
    await refreshRelated(tx, meetingId, terms);
    // What the items derived goes with them, and the people it listed keep only the seats other meetings show.
    await removeDerived(tx, meetingId);
    await refreshMemberships(tx, meeting.organization_id, [...new Set(listed.map((r) => r.person_id))]);
    return [];
  }
  const doc = modelOf(current);
  // Fields the current document leaves out are taken from the meeting's other documents.
  const others = docs.filter((d) => d !== current).map(modelOf);
  const first = <T>(pick: (d: MeetingDocument) => T | null): T | null => [doc, ...others].map(pick).find((v) => v !== null && v !== undefined) ?? null;
  const location = first((d) => d.location);
  const locationId = location ? await ensureLocation(tx, location, doc.online) : null;
  const status = meetingStatusOf(docs.map((d) => d.kind), meeting.date, copenhagenToday());
  const target = { meetingId, versionId: current.version_id, organizationId: meeting.organization_id };

  await tx.execute(sql`
    update meetings set
      start_time = ${first((d) => d.startTime)}, end_time = ${first((d) => d.endTime)}, location_id = ${locationId},
      online = ${[doc, ...others].some((d) => d.online)}, attendance_note = ${first((d) => d.attendanceNote)},
      status = ${status}, access = ${doc.access}, current_version_id = ${current.version_id}, projection = ${PROJECTION_VERSION},
      modified_at = case when current_version_id is distinct from ${current.version_id} or status is distinct from ${status}
                         then now() else modified_at end
    where id = ${meetingId}`);
  const items = await writeItems(tx, doc, target, !!fresh);
  await refreshRelated(tx, meetingId, terms, !!fresh);
  // A new meeting's items are all new (minutes_of not yet set): what was just written need not be read back.
  await refreshApprovals(tx, meetingId, meeting, fresh ? items.written : undefined);
  const people = await writeParticipations(tx, doc, target, !!fresh);
  await writeAppointments(tx, doc, target, meeting.date, items);
  await writeAnnouncedMeetings(tx, doc, target, items);
  await reconcileIdentities(tx, people.listed);
  // Only the seats of the people the meeting lists or listed can change (merges refresh their own).
  await refreshMemberships(tx, meeting.organization_id, people.touched);
  for (const w of items.warnings) console.warn(`referat: meeting ${meetingId}: ${w}`);
  return items.warnings;
}

/**
 * Marks deleted what the meeting's items derived — appointments, seats, and planned meetings no
 * document has taken over yet — as a projection of a version without them would (the meeting has no current document).
 */
async function removeDerived(tx: Tx, meetingId: number): Promise<void> {
  const items = sql`(select id from agenda_items where meeting_id = ${meetingId})`;
  await tx.execute(sql`update memberships set deleted_at = now(), modified_at = now()
                       where source = 'appointment' and deleted_at is null and source_item_id in ${items}`);
  await tx.execute(sql`update organization_seats set deleted_at = now() where deleted_at is null and source_item_id in ${items}`);
  await tx.execute(sql`update meetings set deleted_at = now(), modified_at = now()
                       where announced_by_item_id in ${items} and current_version_id is null and deleted_at is null and id <> ${meetingId}`);
}

/** The id of a meeting place, created on first sight. */
function ensureLocation(tx: Tx, description: string, online: boolean): Promise<number> {
  return remembered(tx, `location:${description}`, () => findOrInsertId(
    tx,
    sql`select id from locations where description = ${description}`,
    sql`insert into locations (description, online) values (${description}, ${online}) on conflict (description) do nothing returning id`,
  ));
}

/** Projects every meeting last projected by older code (an upgraded archive), one transaction each. */
export async function projectPending(db: Db): Promise<number> {
  const pending = await queryRows<{ id: number }>(db, sql`select id from meetings where projection < ${PROJECTION_VERSION} order by id`);
  for (const { id } of pending) await db.transaction((tx) => projectMeeting(tx, id));
  return pending.length;
}
