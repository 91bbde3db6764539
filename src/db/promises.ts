/**
 * @module Promises across meetings (issue 12): the items a meeting's "Punkter til næste møde"
 * promised, the meeting they were promised for (the date the text names, else the organisation's
 * next meeting), and the item of that meeting's agenda that took each up — or none yet ("lovet,
 * endnu ikke på en dagsorden"). Derived at read time from the current documents as the viewer may
 * see them, so a closed item neither promises nor fulfils anything in public.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PromiseView } from '../archive/types.js';
import { viewDocument } from '../archive/view.js';
import { matchPromises, promisedItems, PROMISE_GROUP_PATTERNS, type PromisedItem } from '../import/structure/promises.js';
import { currentDocumentKind, type DocumentKind, type MeetingDocument, type Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { correctionsOf, derivationKeys } from './derived.js';
import { namedOrganization } from './planned.js';
import { parseStoredModel } from './projection.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';
import { visibleItems, visibleMeetings } from './visibility.js';

export type { PromiseView };

/** A bound on the meetings one listing reads (the promise lists of an organisation over many years). */
const MAX_MEETINGS = 400;

/** A lexicon pattern for PostgreSQL's ~*, where a word boundary is \\y (\\b is a backspace there). */
const pgPattern = (pattern: string) => pattern.replace(/\\b/g, '\\y');

/** Meetings with a visible "Punkter til næste møde" item, matching `where` (alias m), newest first. */
async function promisingMeetings(db: Db, viewer: Viewer, where: SQL, limit = MAX_MEETINGS): Promise<number[]> {
  const titles = sql.join(PROMISE_GROUP_PATTERNS.map((p) => sql`i.title ~* ${pgPattern(p)}`), sql` or `);
  const rows = await queryRows<{ id: number }>(
    db,
    sql`select m.id from meetings m
        where ${visibleMeetings(viewer, 'm')} and (${where})
          and exists (select 1 from agenda_items i where i.meeting_id = m.id and ${visibleItems(viewer, 'i')} and (${titles}))
        order by m.date desc nulls last, m.id desc limit ${limit}`,
  );
  return rows.map((r) => r.id);
}

/** The current document of each meeting (minutes before agenda) as the viewer may see it. */
async function visibleDocuments(db: Db, viewer: Viewer, ids: number[]): Promise<Map<number, { doc: MeetingDocument; organizationId: number | null; date: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<{ id: number; organization_id: number | null; date: string | null; kind: DocumentKind; model: unknown }>(
    db,
    sql`select m.id, m.organization_id, m.date::text as date, d.kind, v.model from meetings m
        join meeting_documents d on d.meeting_id = m.id join document_versions v on v.id = d.current_version_id
        where m.id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and ${visibleMeetings(viewer, 'm')}`,
  );
  const byMeeting = new Map<number, typeof rows>();
  for (const r of rows) byMeeting.set(r.id, [...(byMeeting.get(r.id) ?? []), r]);
  const result = new Map<number, { doc: MeetingDocument; organizationId: number | null; date: string | null }>();
  for (const [id, docs] of byMeeting) {
    const kind = currentDocumentKind(docs.map((d) => d.kind));
    const row = docs.find((d) => d.kind === kind)!;
    const doc = viewDocument(parseStoredModel(row.model), viewer, row.organization_id);
    if (doc) result.set(id, { doc, organizationId: row.organization_id, date: row.date });
  }
  return result;
}

/** The meeting a promise made at (organisation, date) is for: on the date it names, else the next one. */
async function targetMeeting(db: Db, viewer: Viewer, organizationId: number, after: string, forDate: string | null): Promise<number | null> {
  const on = forDate !== null && forDate > after ? sql`m.date = ${forDate}` : sql`m.date > ${after}`;
  const [row] = await queryRows<{ id: number }>(
    db,
    sql`select m.id from meetings m where m.organization_id = ${organizationId} and ${on} and ${visibleMeetings(viewer, 'm')}
        order by m.date, m.id limit 1`,
  );
  return row?.id ?? null;
}

/** The organisation a heading names ("KKR", "KKR Midtjyllands"), as planned.ts finds a calendar's; null when none or unsure. */
async function promisedFor(db: Db, name: string | null, own: number): Promise<number | null> {
  if (name === null) return null;
  const genitive = /[^s]s$/.test(name) && name.length > 3 ? name.slice(0, -1) : null;
  return (await namedOrganization(db, name, own)) ?? (genitive ? await namedOrganization(db, genitive, own) : null);
}

/** The stable ids of the meetings' promising items, by `${meetingId}/${number}`. */
async function promisingItemIds(db: Db, made: Array<{ fromId: number; promises: PromisedItem[] }>): Promise<Map<string, number>> {
  const pairs = made.flatMap((m) => [...new Set(m.promises.map((p) => p.promisedIn))].map((n) => sql`(${m.fromId}, ${n})`));
  if (pairs.length === 0) return new Map();
  const rows = await queryRows<{ id: number; meeting_id: number; number: string }>(
    db,
    sql`select id, meeting_id, number from agenda_items where deleted_at is null and (meeting_id, number) in (${sql.join(pairs, sql`, `)})`,
  );
  return new Map(rows.map((r) => [`${r.meeting_id}/${r.number}`, r.id]));
}

/**
 * Every promise made at the given meetings, each with its target meeting and the item that took it up.
 * A secretary's correction (db/derived.ts) applies: a rejected promise is left out, a changed date moves it.
 */
async function resolve(db: Db, viewer: Viewer, fromIds: number[]): Promise<PromiseView[]> {
  const sources = await visibleDocuments(db, viewer, fromIds);
  const read = fromIds.flatMap((id) => {
    const source = sources.get(id);
    if (!source || source.organizationId === null || source.date === null) return [];
    const promises = promisedItems(source.doc);
    return promises.length === 0 ? [] : [{ fromId: id, organizationId: source.organizationId, date: source.date, promises }];
  });
  const itemIds = await promisingItemIds(db, read);
  const corrections = await correctionsOf(db, 'promise', [...itemIds.values()]);
  const made: Array<{ fromId: number; toId: number | null; promises: Array<PromisedItem & { source: PromiseView['source'] }> }> = [];
  for (const { fromId, organizationId: own, date, promises } of read) {
    const corrected = promises.flatMap((p) => {
      const itemId = itemIds.get(`${fromId}/${p.promisedIn}`);
      const key = derivationKeys.promise(p);
      const correction = itemId === undefined ? undefined : corrections.get(`${itemId}|${key}`);
      if (correction?.action === 'reject') return [];
      const forDate = correction?.action === 'change' && correction.values.forDate !== undefined ? correction.values.forDate : p.forDate;
      const state = correction ? { action: correction.action, decidedBy: correction.decidedBy, decidedAt: correction.decidedAt } : null;
      return [{ ...p, forDate, source: itemId === undefined ? undefined : { itemId, key, correction: state } }];
    });
    // Promises of one date go together; a heading naming another body's meeting ("til KKR-mødet",
    // in KD-Net's minutes) promises for that body.
    for (const forDate of [...new Set(corrected.map((p) => p.forDate))]) {
      const group = corrected.filter((p) => p.forDate === forDate);
      const organizationId = (await promisedFor(db, group[0]!.forBody, own)) ?? own;
      made.push({ fromId, toId: await targetMeeting(db, viewer, organizationId, date, forDate), promises: group });
    }
  }
  const targets = await visibleDocuments(db, viewer, made.flatMap((m) => (m.toId === null ? [] : [m.toId])));
  const summaries = await meetingSummariesById(db, viewer, made.flatMap((m) => [m.fromId, ...(m.toId === null ? [] : [m.toId])]));
  return made.flatMap(({ fromId, toId, promises }) => {
    const items = (toId !== null ? targets.get(toId)?.doc.items : undefined) ?? [];
    return matchPromises(promises, items).map(({ promise, item }) => {
      const { source, ...plain } = promise as PromisedItem & { source: PromiseView['source'] };
      return {
        promise: plain,
        from: summaries.get(fromId)!,
        to: toId !== null ? (summaries.get(toId) ?? null) : null,
        item: item ? { number: item.number, title: item.title } : null,
        ...(source ? { source } : {}),
      };
    });
  });
}

/** What a meeting promised for later, and what earlier meetings promised for it. */
export async function meetingPromises(db: Db, viewer: Viewer, meetingId: number): Promise<{ made: PromiseView[]; due: PromiseView[] }> {
  const [meeting] = await queryRows<{ organization_id: number | null; date: string | null; authority_id: number | null }>(
    db,
    sql`select m.organization_id, m.date::text as date, o.authority_id from meetings m left join organizations o on o.id = m.organization_id
        where m.id = ${meetingId} and ${visibleMeetings(viewer, 'm')}`,
  );
  if (!meeting || meeting.organization_id === null || meeting.date === null) return { made: [], due: [] };
  const made = await resolve(db, viewer, await promisingMeetings(db, viewer, sql`m.id = ${meetingId}`));
  // Promises for this meeting come from the organisation's meeting before it (or one naming its date).
  // Only the last few meetings before it are read, so the page costs the same however long the archive.
  const previous = await queryRows<{ id: number }>(
    db,
    sql`select m.id from meetings m where m.organization_id = ${meeting.organization_id} and m.date < ${meeting.date} and ${visibleMeetings(viewer, 'm')}
        order by m.date desc, m.id desc limit 3`,
  );
  const earlier = previous.length === 0 ? [] : await promisingMeetings(db, viewer, sql`m.id in (${sql.join(previous.map((r) => sql`${r.id}`), sql`, `)})`);
  // Another body's meeting may promise for this one by name ("Foreløbig punkter til KKR-mødet" in KD-Net's minutes):
  // its recent meetings whose promise heading names this organisation's first word. Bodies of the same
  // authority (KD-Net and KKR are both KL's), when it is known: a national archive holds ≈ 2,800 meetings
  // of all bodies in 120 days, which made every meeting page read them all (≈ 110 ms at 1 M items).
  const sameAuthority =
    meeting.authority_id === null ? sql`true` : sql`m.organization_id in (select o2.id from organizations o2 where o2.authority_id = ${meeting.authority_id})`;
  const named = await promisingMeetings(
    db,
    viewer,
    sql`m.organization_id <> ${meeting.organization_id} and ${sameAuthority} and m.date < ${meeting.date} and m.date >= ${meeting.date}::date - 120
        and exists (select 1 from agenda_items n join organizations o on o.id = ${meeting.organization_id}
                    where n.meeting_id = m.id and strpos(lower(n.title), lower(split_part(o.name, ' ', 1))) > 0)`,
    20,
  );
  const due = (await resolve(db, viewer, [...earlier, ...named])).filter((p) => p.to?.id === meetingId);
  return { made, due };
}

/** Promises no agenda has taken up yet, newest first: all organisations', or one's. */
export async function openPromises(db: Db, viewer: Viewer, organizationId: number | null): Promise<PromiseView[]> {
  const where = organizationId === null ? sql`m.organization_id is not null` : sql`m.organization_id = ${organizationId}`;
  return (await resolve(db, viewer, await promisingMeetings(db, viewer, where))).filter((p) => p.item === null);
}

/** Promises made at the organisations' latest meetings with a promise list (the workspace's corrections), newest first. */
export async function promisesMadeBy(db: Db, viewer: Viewer, organizationIds: readonly number[], meetings = 20): Promise<PromiseView[]> {
  if (organizationIds.length === 0) return [];
  const where = sql`m.organization_id in (${sql.join(organizationIds.map((id) => sql`${id}`), sql`, `)})`;
  return resolve(db, viewer, await promisingMeetings(db, viewer, where, meetings));
}
