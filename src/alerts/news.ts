/**
 * @module What is new for one subscription between two watermarks: the meetings whose agenda or
 * minutes got a new current version in the window and match what it follows, with the matching
 * items. Read as the anonymous public, always: a mail never carries anything closed.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/rows.js';
import { searchItems } from '../db/search.js';
import type { AlertKind } from '../db/subscriptions.js';
import { visibleItems, visibleMeetings } from '../db/visibility.js';
import { ANONYMOUS, type DocumentKind } from '../model/index.js';

/** A meeting in an alert: its changed documents and what in it matches. */
export interface NewsMeeting {
  meetingId: number;
  date: string | null;
  body: string | null;
  documents: Array<{ kind: DocumentKind; first: boolean }>;
  items: Array<{ number: string; title: string }>;
}

/** Items listed per meeting; the mail says how many more there are. */
export const ITEMS_PER_MEETING = 15;
/** Search pages read per year of changed meetings (100 hits each). */
const SEARCH_PAGES = 3;

interface ChangedRow {
  meeting_id: number;
  date: string | null;
  body: string | null;
  kind: DocumentKind;
  version: number;
}

interface ItemRow {
  meeting_id: number;
  number: string;
  title: string;
}

/** The subscription's news in the window (from, to] of document version ids; see the module comment. */
export async function newsFor(db: Db, sub: { kind: AlertKind; target: string }, from: number, to: number): Promise<NewsMeeting[]> {
  const changed = await queryRows<ChangedRow>(
    db,
    sql`select m.id as meeting_id, m.date::text as date, o.name as body, d.kind, v.version
        from meeting_documents d join document_versions v on v.id = d.current_version_id
        join meetings m on m.id = d.meeting_id left join organizations o on o.id = m.organization_id
        where d.current_version_id > ${from} and d.current_version_id <= ${to}
          and ${visibleMeetings(ANONYMOUS, 'm')} and ${scopeOf(sub)}
        order by m.date desc nulls last, m.id desc, d.kind`,
  );
  if (changed.length === 0) return [];
  const meetingIds = [...new Set(changed.map((r) => r.meeting_id))];
  const items = sub.kind === 'search' ? await searchHits(db, sub.target, changed) : await matchingItems(db, sub, meetingIds);
  const byMeeting = new Map<number, NewsMeeting>();
  for (const r of changed) {
    const meeting = byMeeting.get(r.meeting_id) ?? { meetingId: r.meeting_id, date: r.date, body: r.body, documents: [], items: items.get(r.meeting_id) ?? [] };
    meeting.documents.push({ kind: r.kind, first: r.version === 1 });
    byMeeting.set(r.meeting_id, meeting);
  }
  // A search follows items: a meeting none of whose items match is no news for it.
  return [...byMeeting.values()].filter((m) => sub.kind !== 'search' || m.items.length > 0);
}

/** The meetings (alias `m`) a subscription follows; a search is narrowed by its hits afterwards. */
function scopeOf(sub: { kind: AlertKind; target: string }): SQL {
  switch (sub.kind) {
    case 'body':
      return sql`m.organization_id = (select id from organizations where slug = ${sub.target})`;
    case 'case':
      return sql`exists (select 1 from agenda_items i join papers p on p.id = i.paper_id
                  where i.meeting_id = m.id and lower(p.reference) = lower(${sub.target}) and ${visibleItems(ANONYMOUS, 'i')})`;
    case 'person':
      return /^\d{1,10}$/.test(sub.target)
        ? sql`exists (select 1 from participations pa where pa.meeting_id = m.id and pa.person_id = ${Number(sub.target)})`
        : sql`false`;
    case 'search':
      return sql`true`;
  }
}

/** Public items of the meetings: those with the case number for a case, all of them otherwise. */
async function matchingItems(db: Db, sub: { kind: AlertKind; target: string }, meetingIds: number[]): Promise<Map<number, NewsMeeting['items']>> {
  const rows = await queryRows<ItemRow>(
    db,
    sql`select i.meeting_id, i.number, i.title from agenda_items i
        ${sub.kind === 'case' ? sql`join papers p on p.id = i.paper_id and lower(p.reference) = lower(${sub.target})` : sql``}
        where i.meeting_id in (${sql.join(meetingIds.map((id) => sql`${id}`), sql`, `)}) and ${visibleItems(ANONYMOUS, 'i')}
        order by i.meeting_id, i.position`,
  );
  return groupItems(rows);
}

/** The search's hits among the changed meetings, read year by year with the site's own search. */
async function searchHits(db: Db, q: string, changed: ChangedRow[]): Promise<Map<number, NewsMeeting['items']>> {
  const wanted = new Set(changed.map((r) => r.meeting_id));
  const years = [...new Set(changed.map((r) => (r.date ? Number(r.date.slice(0, 4)) : undefined)))];
  const rows: ItemRow[] = [];
  for (const year of years) {
    for (let page = 1; page <= SEARCH_PAGES; page++) {
      const found = await searchItems(db, ANONYMOUS, { q, sort: 'newest', limit: 100, page, ...(year === undefined ? {} : { year }) });
      rows.push(...found.results.filter((h) => wanted.has(h.meetingId)).map((h) => ({ meeting_id: h.meetingId, number: h.itemNumber, title: h.title })));
      if (found.results.length < 100) break;
    }
  }
  return groupItems(rows);
}

function groupItems(rows: ItemRow[]): Map<number, NewsMeeting['items']> {
  const map = new Map<number, NewsMeeting['items']>();
  for (const r of rows) {
    const list = map.get(r.meeting_id) ?? [];
    if (!list.some((i) => i.number === r.number)) list.push({ number: r.number, title: r.title });
    map.set(r.meeting_id, list);
  }
  return map;
}
