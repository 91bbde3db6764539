/**
 * @module What sitemap.xml lists: the meetings, items, organisations, people and cases a viewer
 * may read, each only where its page exists (a meeting with a stored document, a person listed
 * at a visible meeting or with a visible seat, a case with a visible item).
 */
import { sql } from 'drizzle-orm';
import type { PersonRef, SitemapEntries } from '../archive/types.js';
import type { Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { visibleItems, visibleMeetings, visibleMemberships } from './visibility.js';

export async function sitemapEntries(db: Db, viewer: Viewer): Promise<SitemapEntries> {
  const live = sql`${visibleMeetings(viewer, 'm')} and m.current_version_id is not null`;
  const [meetings, items, bodies, people, cases] = [
    await queryRows<{ id: number; modified: string }>(
      db,
      sql`select m.id, to_char(m.modified_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as modified from meetings m where ${live} order by m.id`,
    ),
    await queryRows<{ meeting_id: number; number: string }>(
      db,
      sql`select i.meeting_id, i.number from agenda_items i join meetings m on m.id = i.meeting_id
          where ${visibleItems(viewer, 'i')} and ${live} order by i.meeting_id, i.position`,
    ),
    await queryRows<{ slug: string }>(
      db,
      sql`select o.slug from organizations o where exists (select 1 from meetings m where m.organization_id = o.id and ${live}) order by o.slug`,
    ),
    await queryRows<PersonRef>(
      db,
      sql`select p.id, p.name, p.slug from people p
          where exists (select 1 from participations pa join meetings m on m.id = pa.meeting_id where pa.person_id = p.id and ${visibleMeetings(viewer, 'm')})
            or exists (select 1 from memberships ms where ms.person_id = p.id and ms.deleted_at is null and ${visibleMemberships(viewer, 'ms')})
          order by p.id`,
    ),
    await queryRows<{ reference: string }>(
      db,
      sql`select p.reference from papers p where exists (select 1 from agenda_items i join meetings m on m.id = i.meeting_id
          where i.paper_id = p.id and ${visibleItems(viewer, 'i')} and ${live}) order by p.reference`,
    ),
  ];
  return {
    meetings,
    items: items.map((i) => ({ meetingId: i.meeting_id, number: i.number })),
    bodies: bodies.map((b) => b.slug),
    people,
    cases: cases.map((c) => c.reference),
  };
}
