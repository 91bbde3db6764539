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
