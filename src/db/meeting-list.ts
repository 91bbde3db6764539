/**
 * @module The meetings list and the month calendar: meetings filtered by body and year, paged,
 * and one month's meetings (the meetings page, the JSON API) with the nearest months that have any. Only meetings with a stored
 * document are listed, since only they have a page.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { MeetingFilter, MeetingMonth, MeetingPage } from '../archive/types.js';
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { countMeetings, meetingSummaries, meetingYears } from './summaries.js';
import { visibleMeetings } from './visibility.js';

const DEFAULT_LIMIT = 25;
/** Bounds a month: no archive holds more meetings in one month than this. */
const MAX_MONTH = 500;

/** The listable meetings (alias `m`, organisations `o`) of a viewer within a body. */
function listable(viewer: Viewer, body: string | undefined): SQL {
  // By the organisation's id, so one body's list reads its own index (meetings_organization_newest_idx) in order.
  return sql`${visibleMeetings(viewer, 'm')} and m.current_version_id is not null ${body ? sql`and m.organization_id = (select id from organizations where slug = ${body})` : sql``}`;
}

const FROM = sql`from meetings m left join organizations o on o.id = m.organization_id`;

export async function listMeetings(db: Db, viewer: Viewer, filter: MeetingFilter): Promise<MeetingPage> {
  const page = filter.page ?? 1;
  const limit = filter.limit ?? DEFAULT_LIMIT;
  const conditions = [listable(viewer, filter.body)];
  if (filter.year !== undefined) conditions.push(sql`m.date >= make_date(${filter.year}::int, 1, 1) and m.date < make_date(${filter.year + 1}::int, 1, 1)`);
  if (filter.from !== undefined) conditions.push(sql`m.date >= ${filter.from}::date`);
  if (filter.to !== undefined) conditions.push(sql`m.date <= ${filter.to}::date`);
  if (filter.upcoming) conditions.push(sql`m.date > current_date`);
  const where = sql.join(conditions, sql` and `);
  const order = filter.upcoming ? sql`m.date asc, m.id` : sql`m.date desc nulls last, m.id desc`;
  // Counted from meeting_counts where the filter allows (body, year); a date range is counted by the date index.
  const total =
    filter.from === undefined && filter.to === undefined && !filter.upcoming
      ? await countMeetings(db, viewer, { listed: true, organizationSlug: filter.body, year: filter.year })
      : ((await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${FROM} where ${where}`))[0]?.total ?? 0);
  const years = await meetingYears(db, viewer, { listed: true, organizationSlug: filter.body });
  // The page's ids in the list's order, then their summaries in the same order.
  const ids = sql`select m.id ${FROM} where ${where} order by ${order} limit ${limit} offset ${(page - 1) * limit}`;
  const meetings = await meetingSummaries(db, viewer, sql`m.id in (${ids})`, order, limit);
  return { total, page, limit, meetings, years };
}

export async function meetingMonth(db: Db, viewer: Viewer, month: string, body?: string): Promise<MeetingMonth> {
  const start = sql`${`${month}-01`}::date`;
  const end = sql`(${start} + interval '1 month')::date`;
  const meetings = await meetingSummaries(
    db,
    viewer,
    sql`${listable(viewer, body)} and m.date >= ${start} and m.date < ${end}`,
    sql`m.date, m.start_time nulls first, m.id`,
    MAX_MONTH,
  );
  const [near] = await queryRows<{ previous: string | null; next: string | null }>(
    db,
    sql`select (select to_char(max(m.date), 'YYYY-MM') ${FROM} where ${listable(viewer, body)} and m.date < ${start}) as previous,
               (select to_char(min(m.date), 'YYYY-MM') ${FROM} where ${listable(viewer, body)} and m.date >= ${end}) as next`,
  );
  return { month, meetings, previousWithMeetings: near?.previous ?? null, nextWithMeetings: near?.next ?? null };
}
