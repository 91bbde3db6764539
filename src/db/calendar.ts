/**
 * @module What calendars and feeds read: a viewer's meetings with times and state (iCalendar),
 * and the versions of meeting documents in a scope, newest first (Atom).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CalendarEntry, FeedEntry, FeedScope } from '../archive/types.js';
import type { DocumentKind, MeetingStatus, Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { meetingStatus } from './summaries.js';
import { searchItems } from './search.js';
import { visibleItems, visibleMeetings } from './visibility.js';

/** Bounds a calendar: far more meetings than any organisation holds in decades. */
const MAX_EVENTS = 20_000;
/** Entries in a feed. */
const FEED_SIZE = 50;

/** One meeting as the calendar query packs it: [id, date, start, end, location, online, status, body slug, body name, modified]. */
type CalendarTuple = [number, string, string | null, string | null, string | null, boolean, MeetingStatus, string | null, string | null, string];

/**
 * The viewer's dated meetings (of one organisation, or all), oldest first. The rows come back as
 * one JSON array: a calendar holds thousands of meetings, and one value crosses from the database
 * far faster than thousands of rows (PGlite decodes each row's columns one by one).
 */
export async function calendarEntries(db: Db, viewer: Viewer, bodySlug: string | null): Promise<CalendarEntry[]> {
  const [row] = await queryRows<{ entries: CalendarTuple[] | string }>(
    db,
    sql`select coalesce(json_agg(json_build_array(c.id, c.date, c.start_time, c.end_time, c.location, c.online, c.status, c.body_slug, c.body_name, c.modified)
                 order by c.date, c.start_time nulls first, c.id), '[]'::json) as entries
        from (select m.id, m.date::text as date, m.start_time, m.end_time, l.description as location, m.online,
                ${meetingStatus('m')} as status,
                o.slug as body_slug, o.name as body_name,
                to_char(m.modified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as modified
              from meetings m left join organizations o on o.id = m.organization_id left join locations l on l.id = m.location_id
              where m.date is not null and ${visibleMeetings(viewer, 'm')} ${bodySlug === null ? sql`` : sql`and o.slug = ${bodySlug}`}
              order by m.date, m.start_time nulls first, m.id limit ${MAX_EVENTS}) c`,
  );
  // json arrives parsed from both drivers; the string case guards a driver setting.
  const tuples = typeof row?.entries === 'string' ? (JSON.parse(row.entries) as CalendarTuple[]) : (row?.entries ?? []);
  return tuples.map(([id, date, startTime, endTime, location, online, status, slug, name, modified]) => ({
    meetingId: id,
    date,
    startTime,
    endTime,
    location: location ?? (online ? 'Online' : null),
    status,
    body: slug !== null && name !== null ? { slug, name } : null,
    modified,
  }));
}

interface VersionRow {
  id: number;
  meeting_id: number;
  kind: DocumentKind;
  version: number;
  created: string;
  date: string | null;
  body_name: string | null;
  items: string[] | string | null;
}

/** The meetings (alias `m`) a feed scope covers; null when the scope names nothing the viewer can see. */
async function scopeCondition(db: Db, viewer: Viewer, scope: FeedScope): Promise<SQL | null> {
  switch (scope.kind) {
    case 'all':
      return sql`true`;
    case 'body':
      return sql`m.organization_id = (select id from organizations where slug = ${scope.slug})`;
    case 'case':
      return sql`exists (select 1 from agenda_items i join papers p on p.id = i.paper_id
                  where i.meeting_id = m.id and p.reference = ${scope.caseNumber} and ${visibleItems(viewer, 'i')})`;
    case 'person':
      return sql`exists (select 1 from participations pa where pa.meeting_id = m.id and pa.person_id = ${scope.personId})`;
    case 'search': {
      const found = await searchItems(db, viewer, { q: scope.q, sort: 'newest', limit: 100 });
      const ids = [...new Set(found.results.map((r) => r.meetingId))];
      return ids.length === 0 ? sql`false` : sql`m.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`;
    }
  }
}

/** New and changed agendas and minutes in a scope: one entry per version, newest first. */
export async function feedEntries(db: Db, viewer: Viewer, scope: FeedScope): Promise<FeedEntry[]> {
  const condition = await scopeCondition(db, viewer, scope);
  if (condition === null) return [];
  const rows = await queryRows<VersionRow>(
    db,
    sql`select v.id, d.meeting_id, d.kind, v.version, to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created,
          m.date::text as date, o.name as body_name,
          (select json_agg(i.number || '. ' || i.title order by i.position) from agenda_items i
           where i.meeting_id = m.id and ${visibleItems(viewer, 'i')}) as items
        from document_versions v join meeting_documents d on d.id = v.document_id join meetings m on m.id = d.meeting_id
        left join organizations o on o.id = m.organization_id
        where ${visibleMeetings(viewer, 'm')} and (${condition})
        order by v.created_at desc, v.id desc limit ${FEED_SIZE}`,
  );
  return rows.map((r) => ({
    versionId: r.id,
    meetingId: r.meeting_id,
    kind: r.kind,
    version: r.version,
    updated: r.created,
    date: r.date,
    body: r.body_name,
    items: (typeof r.items === 'string' ? (JSON.parse(r.items) as string[]) : r.items) ?? [],
  }));
}
