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

/** Field and record separators of the packed calendar rows (control characters no field holds; see below). */
const FIELD = '\u001f';
const RECORD = '\u001e';

/**
 * The viewer's dated meetings (of one organisation, or all), oldest first. A calendar holds
 * thousands of meetings, and what they cost is getting them out of the database (PGlite decodes
 * every column of every row one by one; formatting times and joining names row by row is slow in
 * WASM too). So the meetings come back as one text value of numbers, dates and codes only —
 * [id, date, start, end, location id, online, status, organisation id, modified as epoch
 * seconds], in calendar order — and the few organisations and places they name as two small JSON
 * values of the same query; names are joined here.
 */
export async function calendarEntries(db: Db, viewer: Viewer, bodySlug: string | null): Promise<CalendarEntry[]> {
  const scope = sql`m.date is not null and ${visibleMeetings(viewer, 'm')}
    ${bodySlug === null ? sql`` : sql`and m.organization_id = (select o.id from organizations o where o.slug = ${bodySlug})`}`;
  // Times are free text in the schema: separators are taken out of them so no field can split a row.
  const time = (column: string) => sql.raw(`translate(coalesce(m.${column}, ''), chr(30) || chr(31), '  ')`);
  const [row] = await queryRows<{ meetings: string | null; places: Array<[number, string]> | string | null; bodies: Array<[number, string, string]> | string | null }>(
    db,
    sql`select
          (select string_agg(concat_ws(chr(31), m.id, m.date, ${time('start_time')}, ${time('end_time')}, coalesce(m.location_id::text, ''),
                    m.online, ${meetingStatus('m')}, coalesce(m.organization_id::text, ''), floor(extract(epoch from m.modified_at))::bigint),
                  chr(30) order by m.date, m.start_time nulls first, m.id)
           from (select * from meetings m where ${scope} order by m.date, m.start_time nulls first, m.id limit ${MAX_EVENTS}) m) as meetings,
          (select json_agg(json_build_array(l.id, l.description)) from locations l
           where l.id in (select m.location_id from meetings m where ${scope})) as places,
          (select json_agg(json_build_array(o.id, o.slug, o.name)) from organizations o) as bodies`,
  );
  if (!row?.meetings) return [];
  // json arrives parsed from both drivers; the string case guards a driver setting.
  const parsed = <T>(value: T | string | null): T | [] => (typeof value === 'string' ? (JSON.parse(value) as T) : (value ?? []));
  const places = new Map(parsed(row.places));
  const bodies = new Map(parsed(row.bodies).map(([id, slug, name]) => [id, { slug, name }]));
  const entries: CalendarEntry[] = [];
  for (const record of row.meetings.split(RECORD)) {
    const [id, date, startTime, endTime, locationId, online, status, organizationId, modified] = record.split(FIELD) as string[];
    const location = locationId ? (places.get(Number(locationId)) ?? null) : null;
    entries.push({
      meetingId: Number(id),
      date: date!,
      startTime: startTime || null,
      endTime: endTime || null,
      location: location ?? (online === 'true' || online === 't' ? 'Online' : null),
      status: status as MeetingStatus,
      body: organizationId ? (bodies.get(Number(organizationId)) ?? null) : null,
      modified: new Date(Number(modified) * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
    });
  }
  return entries;
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
      // The search itself, filters and query language included: the meetings of its newest 100 items.
      const query = { ...scope.filters, q: scope.q };
      const found = await searchItems(db, viewer, { ...query, sort: 'newest', page: 1, limit: 100 });
      const ids = [...new Set(found.results.map((r) => r.meetingId))];
      if (ids.length === 0) return sql`false`;
      // Items found in agendas (or minutes) only: those documents' versions.
      const kind = query.kind === undefined ? sql`` : sql` and d.kind = ${query.kind}`;
      return sql`m.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})${kind}`;
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
