/** @module Meeting summaries (date, body, kinds, public item count): the one query every archive view shares. */
import { sql, type SQL } from 'drizzle-orm';
import type { MeetingSummary } from '../archive/types.js';
import type { DocumentKind } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';

interface SummaryRow {
  id: number;
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
    body: row.slug !== null && row.name !== null ? { slug: row.slug, name: row.name } : null,
    date: row.date,
    startTime: row.start_time,
    location: row.location,
    // json columns arrive parsed from both drivers; the string case guards a driver setting.
    kinds: typeof row.kinds === 'string' ? (JSON.parse(row.kinds) as DocumentKind[]) : row.kinds,
    itemCount: row.item_count,
  };
}

/** Meeting summaries (alias `m`) matching a condition, in the given order. */
export async function meetingSummaries(db: Db, where: SQL, order: SQL, limit = 1000): Promise<MeetingSummary[]> {
  const rows = await queryRows<SummaryRow>(
    db,
    sql`
    select m.id, m.date::text as date, m.start_time, m.location, b.slug, b.name,
      coalesce((select json_agg(d.kind order by d.kind) from documents d where d.meeting_id = m.id), '[]'::json) as kinds,
      (select count(*)::int from agenda_items i where i.meeting_id = m.id and i.current and not i.closed) as item_count
    from meetings m left join bodies b on b.id = m.body_id
    where ${where}
    order by ${order}
    limit ${limit}`,
  );
  return rows.map(toSummary);
}

/** Summaries of the given meetings by id (for lists that name many meetings). */
export async function meetingSummariesById(db: Db, ids: number[]): Promise<Map<number, MeetingSummary>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const list = sql.join(unique.map((id) => sql`${id}`), sql`, `);
  const meetings = await meetingSummaries(db, sql`m.id in (${list})`, sql`m.id`, unique.length);
  return new Map(meetings.map((m) => [m.id, m]));
}

/**
 * True for a document (alias given) that is its meeting's current one: the minutes, or the agenda
 * when there are no minutes — the document the meeting page shows.
 */
export function isCurrentDocument(alias: string): SQL {
  const d = sql.raw(alias);
  return sql`(${d}.kind = 'minutes' or not exists (select 1 from documents cur where cur.meeting_id = ${d}.meeting_id and cur.kind = 'minutes'))`;
}
