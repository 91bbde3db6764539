/**
 * @module The access policy (src/archive/policy.ts) as SQL conditions: every query that reads
 * restricted-capable rows (items, meetings, files) filters through these, never on its own.
 */
import { sql, type SQL } from 'drizzle-orm';
import { grantsOf } from '../archive/policy.js';
import type { Viewer } from '../model/index.js';

const intList = (ids: number[]) => sql.raw(`'{${ids.join(',')}}'::int[]`);

/** Rows (with an access and an organisation column) the viewer may read. */
export function visibleTo(viewer: Viewer, accessColumn: string, organizationColumn: string): SQL {
  const access = sql.raw(accessColumn);
  const org = sql.raw(organizationColumn);
  const g = grantsOf(viewer);
  // The public condition alone matches the partial indexes exactly.
  if (g.closed.length === 0 && g.confidential.length === 0) return sql`${access} = 'public'`;
  return sql`(${access} = 'public' or (${access} = 'closed' and ${org} = any(${intList(g.closed)})) or (${access} = 'confidential' and ${org} = any(${intList(g.confidential)})))`;
}

/** Live agenda items (alias given) of live meetings the viewer may read. */
export function visibleItems(viewer: Viewer, alias = 'i'): SQL {
  return sql`${sql.raw(alias)}.deleted_at is null and ${visibleTo(viewer, `${alias}.access`, `${alias}.organization_id`)}`;
}

/** Meetings (alias given) the viewer may read: not deleted, and the meeting itself readable. */
export function visibleMeetings(viewer: Viewer, alias = 'm'): SQL {
  return sql`${sql.raw(alias)}.deleted_at is null and ${visibleTo(viewer, `${alias}.access`, `${alias}.organization_id`)}`;
}

/**
 * Memberships (alias given) the viewer may read: seats from participant lists are public (only public
 * meetings' lists make them, db/attendance.ts); an appointment is as readable as the live item that made it.
 */
export function visibleMemberships(viewer: Viewer, alias = 'ms'): SQL {
  const ms = sql.raw(alias);
  return sql`(${ms}.source_item_id is null or exists (select 1 from agenda_items vi where vi.id = ${ms}.source_item_id and ${visibleItems(viewer, 'vi')}))`;
}
