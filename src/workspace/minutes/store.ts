/**
 * @module What the minutes editor reads from storage beside its draft: a meeting with its current
 * agenda and minutes (whole models, restricted items included: only secretaries reach this), and
 * the organisation's latest minutes before a date (for the roster).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { parseStoredModel } from '../../db/projection.js';
import { queryRows } from '../../db/rows.js';
import type { MeetingDocument } from '../../model/index.js';

export interface MeetingForMinutes {
  id: number;
  organizationId: number | null;
  organizationName: string | null;
  date: string | null;
  /** The current versions, or null when the meeting has no such document. */
  agenda: MeetingDocument | null;
  minutes: MeetingDocument | null;
}

/** The current model of each of the meeting's documents, by kind. */
async function currentModels(db: Db, meetingId: number): Promise<Map<string, unknown>> {
  const rows = await queryRows<{ kind: string; model: unknown }>(
    db,
    sql`select d.kind, v.model from meeting_documents d join document_versions v on v.id = d.current_version_id where d.meeting_id = ${meetingId}`,
  );
  return new Map(rows.map((r) => [r.kind, r.model]));
}

export async function meetingForMinutes(db: Db, meetingId: number): Promise<MeetingForMinutes | null> {
  const [row] = await queryRows<{ id: number; organization_id: number | null; name: string | null; date: string | null }>(
    db,
    sql`select m.id, m.organization_id, o.name, m.date::text as date from meetings m left join organizations o on o.id = m.organization_id
        where m.id = ${meetingId} and m.deleted_at is null`,
  );
  if (!row) return null;
  const models = await currentModels(db, meetingId);
  const model = (kind: string) => (models.has(kind) ? parseStoredModel(models.get(kind)) : null);
  return { id: row.id, organizationId: row.organization_id, organizationName: row.name, date: row.date, agenda: model('agenda'), minutes: model('minutes') };
}

/** The organisation's latest minutes of a meeting before `date` (any earlier one when undated). */
export async function latestMinutesBefore(db: Db, organizationId: number, date: string | null): Promise<MeetingDocument | null> {
  const [row] = await queryRows<{ model: unknown }>(
    db,
    sql`select v.model from meetings m
        join meeting_documents d on d.meeting_id = m.id and d.kind = 'minutes'
        join document_versions v on v.id = d.current_version_id
        where m.organization_id = ${organizationId} and m.deleted_at is null and m.date is not null
          and (${date}::date is null or m.date < ${date}::date)
        order by m.date desc limit 1`,
  );
  return row ? parseStoredModel(row.model) : null;
}

/** An organisation's slug and name. */
export async function organizationOf(db: Db, id: number): Promise<{ slug: string; name: string } | null> {
  const [row] = await queryRows<{ slug: string; name: string }>(db, sql`select slug, name from organizations where id = ${id}`);
  return row ?? null;
}
