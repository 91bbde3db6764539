/** @module What the builder reads besides drafts: an organisation by slug, its meetings with their drafts. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/rows.js';
import type { MeetingStatus } from '../../model/index.js';

export interface Organization {
  id: number;
  slug: string;
  name: string;
}

export async function organizationBySlug(db: Db, slug: string): Promise<Organization | null> {
  const [row] = await queryRows<Organization>(db, sql`select id, slug, name from organizations where slug = ${slug}`);
  return row ?? null;
}

export async function organizationById(db: Db, id: number): Promise<Organization | null> {
  const [row] = await queryRows<Organization>(db, sql`select id, slug, name from organizations where id = ${id}`);
  return row ?? null;
}

/** The organisation's meetings, newest first, with whether an agenda is published and their live drafts. */
export async function organizationMeetings(db: Db, organizationId: number) {
  return queryRows<{ id: number; date: string | null; status: MeetingStatus; hasAgenda: boolean; agendaDraftId: number | null; minutesDraftId: number | null }>(
    db,
    sql`select m.id, to_char(m.date, 'YYYY-MM-DD') as date, m.status,
          exists (select 1 from meeting_documents d where d.meeting_id = m.id and d.kind = 'agenda' and d.current_version_id is not null) as "hasAgenda",
          (select id from drafts r where r.meeting_id = m.id and r.kind = 'agenda' and r.deleted_at is null) as "agendaDraftId",
          (select id from drafts r where r.meeting_id = m.id and r.kind = 'minutes' and r.deleted_at is null) as "minutesDraftId"
        from meetings m where m.organization_id = ${organizationId} and m.deleted_at is null
        order by m.date desc nulls last, m.id desc limit 200`,
  );
}

/** Whether the organisation already has a meeting on the date (a new agenda would become its next version). */
export async function meetingOn(db: Db, organizationId: number, date: string): Promise<number | null> {
  const [row] = await queryRows<{ id: number }>(db, sql`select id from meetings where organization_id = ${organizationId} and date = ${date}::date and deleted_at is null`);
  return row?.id ?? null;
}

/** The version number a draft was last published as. */
export async function publishedVersion(db: Db, versionId: number): Promise<{ meetingId: number; version: number } | null> {
  const [row] = await queryRows<{ meetingId: number; version: number }>(
    db,
    sql`select d.meeting_id as "meetingId", v.version from document_versions v join meeting_documents d on d.id = v.document_id where v.id = ${versionId}`,
  );
  return row ?? null;
}
