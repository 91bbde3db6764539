/** @module Meeting summaries (date, organisation, state, kinds, visible item count): the one query every archive view shares. */
import { sql, type SQL } from 'drizzle-orm';
import type { MeetingSummary } from '../archive/types.js';
import type { DocumentKind, MeetingStatus, Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { visibleItems, visibleMeetings } from './visibility.js';

interface SummaryRow {
  id: number;
  status: MeetingStatus;
  date: string | null;
  start_time: string | null;
  location: string | null;
  slug: string | null;
  name: string | null;
  kinds: DocumentKind[] | string;
  item_count: number;
}

function toSummary(row: SummaryRow): MeetingSummary {
  return {
    id: row.id,
    status: row.status,
    body: row.slug !== null && row.name !== null ? { slug: row.slug, name: row.name } : null,
    date: row.date,
    startTime: row.start_time,
    location: row.location,
    // json columns arrive parsed from both drivers; the string case guards a driver setting.
    kinds: typeof row.kinds === 'string' ? (JSON.parse(row.kinds) as DocumentKind[]) : row.kinds,
    itemCount: row.item_count,
  };
}

/** A meeting's status as of today (alias given): an agenda's meeting is held once its day has passed, whenever it was stored. */
export function meetingStatus(alias: string): SQL {
  const m = sql.raw(alias);
  return sql`(case when ${m}.status = 'agenda_published' and ${m}.date < current_date then 'held' else ${m}.status end)`;
}

/** Summaries of the meetings (alias `m`) the viewer may see that match a condition, in the given order. */
export async function meetingSummaries(db: Db, viewer: Viewer, where: SQL, order: SQL, limit = 1000): Promise<MeetingSummary[]> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`
    select m.id,
      ${meetingStatus('m')} as status,
      m.date::text as date, m.start_time, l.description as location, o.slug, o.name,
      coalesce((select json_agg(d.kind order by d.kind) from meeting_documents d where d.meeting_id = m.id and d.current_version_id is not null), '[]'::json) as kinds,
      (select count(*)::int from agenda_items i where i.meeting_id = m.id and ${visibleItems(viewer, 'i')}) as item_count
    from meetings m left join organizations o on o.id = m.organization_id left join locations l on l.id = m.location_id
    where ${visibleMeetings(viewer, 'm')} and (${where})
    order by ${order}
    limit ${limit}`,
  );
  return rows.map(toSummary);
}

/** Summaries of the given meetings by id (for lists that name many meetings); invisible ones are absent. */
export async function meetingSummariesById(db: Db, viewer: Viewer, ids: number[]): Promise<Map<number, MeetingSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const list = sql.join(unique.map((id) => sql`${id}`), sql`, `);
  const meetings = await meetingSummaries(db, viewer, sql`m.id in (${list})`, sql`m.id`, unique.length);
  return new Map(meetings.map((m) => [m.id, m]));
}
