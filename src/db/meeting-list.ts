/** @module A paginated, filtered list of meetings (for the JSON API): a count and one page of summaries. */
import { sql, type SQL } from 'drizzle-orm';
import type { MeetingFilter, MeetingPage } from '../archive/types.js';
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';
import { visibleMeetings } from './visibility.js';

/** The filter as a condition on meetings (alias `m`, organisations `o`). */
function condition(filter: MeetingFilter): SQL {
  const parts: SQL[] = [sql`true`];
  if (filter.body !== undefined) parts.push(sql`o.slug = ${filter.body}`);
  if (filter.year !== undefined) parts.push(sql`m.date >= ${`${filter.year}-01-01`}::date and m.date < ${`${filter.year + 1}-01-01`}::date`);
  if (filter.from !== undefined) parts.push(sql`m.date >= ${filter.from}::date`);
  if (filter.to !== undefined) parts.push(sql`m.date <= ${filter.to}::date`);
  return sql.join(parts, sql` and `);
}

/** The viewer's meetings matching the filter, newest first (undated last), one page. */
export async function findMeetings(db: Db, viewer: Viewer, filter: MeetingFilter): Promise<MeetingPage> {
  const from = sql`meetings m left join organizations o on o.id = m.organization_id where ${visibleMeetings(viewer, 'm')} and ${condition(filter)}`;
  const [count] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${from}`);
  const ids = await queryRows<{ id: number }>(
    db,
    sql`select m.id from ${from} order by m.date desc nulls last, m.id desc limit ${filter.limit} offset ${(filter.page - 1) * filter.limit}`,
  );
  const summaries = await meetingSummariesById(db, viewer, ids.map((r) => r.id));
  return { total: count?.total ?? 0, meetings: ids.map((r) => summaries.get(r.id)).filter((m) => m !== undefined) };
}
