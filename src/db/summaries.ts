/**
 * @module Meeting summaries (date, organisation, state, kinds, visible item count): the one query every archive view shares;
 * and meeting counts per organisation, year and access level from `meeting_counts` (migration 0017), so no page counts every meeting.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { BodySummary, MeetingSummary } from '../archive/types.js';
import type { DocumentKind, MeetingStatus, Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { visibleItems, visibleMeetings, visibleTo } from './visibility.js';

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

/** meeting_counts rows (alias `s`) the viewer may see: summed, they count the visible live meetings. */
function visibleCounts(viewer: Viewer): SQL {
  return visibleTo(viewer, 's.access', 's.organization_id');
}

/** Listed (with a current version) or all, of one organisation or all, in one year or all. */
export interface CountFilter {
  listed?: boolean;
  organizationSlug?: string;
  year?: number;
}

function countConditions(viewer: Viewer, filter: CountFilter): SQL {
  const conditions = [visibleCounts(viewer)];
  if (filter.listed) conditions.push(sql`s.listed`);
  if (filter.organizationSlug !== undefined) conditions.push(sql`s.organization_id = (select id from organizations where slug = ${filter.organizationSlug})`);
  if (filter.year !== undefined) conditions.push(sql`s.year = ${filter.year}`);
  return sql.join(conditions, sql` and `);
}

/** How many visible live meetings match: a sum over the summary's few rows, not a count of meetings. */
export async function countMeetings(db: Db, viewer: Viewer, filter: CountFilter): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`select coalesce(sum(s.n), 0)::int as n from meeting_counts s where ${countConditions(viewer, filter)}`);
  return row?.n ?? 0;
}

/** The years (newest first) with at least one visible meeting that matches; undated meetings have none. */
export async function meetingYears(db: Db, viewer: Viewer, filter: CountFilter): Promise<number[]> {
  const rows = await queryRows<{ year: number }>(
    db,
    sql`select s.year from meeting_counts s where ${countConditions(viewer, filter)} and s.year <> 0 group by s.year having sum(s.n) > 0 order by s.year desc`,
  );
  return rows.map((r) => r.year);
}

/**
 * Organisations with their visible meeting count (all live meetings, planned ones too): those with
 * at least one (the bodies that meet) by name, or the one `slug` names whatever its count.
 */
export function bodySummaries(db: Db, viewer: Viewer, slug?: string): Promise<BodySummary[]> {
  const counted = sql`(select coalesce(sum(s.n), 0)::int from meeting_counts s where s.organization_id = o.id and ${visibleCounts(viewer)})`;
  return queryRows<BodySummary>(
    db,
    slug !== undefined
      ? sql`select o.slug, o.name, a.name as authority, ${counted} as "meetingCount"
            from organizations o left join authorities a on a.id = o.authority_id where o.slug = ${slug}`
      : sql`select o.slug, o.name, a.name as authority, c.n as "meetingCount"
            from (select s.organization_id, sum(s.n)::int as n from meeting_counts s where ${visibleCounts(viewer)} group by s.organization_id) c
            join organizations o on o.id = c.organization_id left join authorities a on a.id = o.authority_id
            where c.n > 0 order by o.name, o.slug`,
  );
}

/**
 * Folds meeting_counts' deltas into one row per key (zero rows dropped). One statement: rows a
 * concurrent writer inserts meanwhile are not in its snapshot and stay as they are.
 */
export async function compactMeetingCounts(db: Db): Promise<void> {
  await db.execute(sql`
    with gone as (delete from meeting_counts returning organization_id, access, year, listed, n)
    insert into meeting_counts (organization_id, access, year, listed, n)
    select organization_id, access, year, listed, sum(n)::int from gone group by 1, 2, 3, 4 having sum(n) <> 0`);
}
