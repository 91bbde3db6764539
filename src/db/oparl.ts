/**
 * @module The rows the OParl API serves: public content only (the anonymous viewer's policy, via
 * visibility.ts), with created/modified times and deleted flags, listed page by page under a
 * body. A body is an authority; organisations whose authority is unknown form one more body.
 */
import { sql, type SQL } from 'drizzle-orm';
import { ANONYMOUS } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows, queryRowsAsJson } from './rows.js';
import { meetingStatus } from './summaries.js';
import { visibleMemberships, visibleTo } from './visibility.js';

/**
 * Paging and the OParl time filters of a list request. Lists are in id order; `after` (what
 * `links.next` carries) reads the rows after an id through the primary key, so a deep page costs
 * what the first does. `page` (1-based, by offset) is kept for clients that ask for page numbers.
 */
export interface ListQuery {
  limit: number;
  after?: number;
  page?: number;
  createdSince?: string;
  createdUntil?: string;
  modifiedSince?: string;
  modifiedUntil?: string;
}

/** A page of rows, and the cursor of the next page when rows follow (nothing is counted). */
export interface Page<T> {
  rows: T[];
  next: number | null;
}

/** The body slug of organisations whose authority no document names. */
export const UNKNOWN_BODY_SLUG = 'ukendt-myndighed';

const publicMeeting = (alias: string) => visibleTo(ANONYMOUS, `${alias}.access`, `${alias}.organization_id`);
const publicItem = (alias: string) => visibleTo(ANONYMOUS, `${alias}.access`, `${alias}.organization_id`);

/** Memberships (alias given) from participant lists, or appointed by a public item, live or deleted since (shown as deleted). */
const publicMembership = (alias: string) =>
  sql`(${sql.raw(alias)}.source_item_id is null or exists (select 1 from agenda_items si where si.id = ${sql.raw(alias)}.source_item_id and ${publicItem('si')}))`;

/** Times as text: both drivers hand them over alike. */
const iso = (column: string) => sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/** Organisations (alias `o`) of a body by slug. */
function inBody(slug: string): SQL {
  return slug === UNKNOWN_BODY_SLUG
    ? sql`o.authority_id is null`
    : sql`o.authority_id = (select a.id from authorities a where a.slug = ${slug})`;
}

/** The time filters on a row's created_at/modified_at (alias given). */
function timeFilters(q: ListQuery, alias: string): SQL {
  const c = sql.raw(`${alias}.created_at`);
  const m = sql.raw(`${alias}.modified_at`);
  const parts: SQL[] = [sql`true`];
  if (q.createdSince) parts.push(sql`${c} >= ${q.createdSince}::timestamptz`);
  if (q.createdUntil) parts.push(sql`${c} <= ${q.createdUntil}::timestamptz`);
  if (q.modifiedSince) parts.push(sql`${m} >= ${q.modifiedSince}::timestamptz`);
  if (q.modifiedUntil) parts.push(sql`${m} <= ${q.modifiedUntil}::timestamptz`);
  return sql.join(parts, sql` and `);
}

/**
 * `= any(<ids>)`: ids as one array literal, not a parameter each (binding a hundred parameters
 * costs PGlite more than the query). The ids are the database's own integers, checked here.
 */
function anyOf(ids: number[]): SQL {
  if (!ids.every((id) => Number.isSafeInteger(id))) throw new Error('ids must be whole numbers');
  return sql.raw(`= any('{${[...new Set(ids)].join(',')}}'::int[])`);
}

/** Rows grouped by their meeting, for a page of meetings read with one query per kind. */
function byMeeting<T extends { meeting_id: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.meeting_id);
    if (list) list.push(r);
    else out.set(r.meeting_id, [r]);
  }
  return out;
}

/**
 * One page of a query's rows in id order, in one query (a round trip is most of a page's cost on
 * a busy server): the page's ids are picked first — one more than the limit tells whether a next
 * page exists, so the list is never counted — and only those rows' columns are formatted.
 */
async function paged<T extends { id: number }>(db: Db, select: SQL, from: SQL, q: ListQuery, alias: string, distinct?: { prefer: SQL }): Promise<Page<T>> {
  const a = sql.raw(alias);
  const after = q.after === undefined ? sql`` : sql` and ${a}.id > ${q.after}`;
  const offset = q.after === undefined && q.page !== undefined ? (q.page - 1) * q.limit : 0;
  // Only a join to many rows (a file in several versions) needs the ids made distinct; `prefer` orders an id's rows.
  const pick = distinct ? sql`select distinct` : sql`select`;
  const ids = sql`${pick} ${a}.id ${from} and ${timeFilters(q, alias)}${after} order by ${a}.id limit ${q.limit + 1} offset ${offset}`;
  const rows = await queryRowsAsJson<T>(db, sql`${select} ${from} and ${a}.id in (${ids})`, distinct ? sql`t.id, ${distinct.prefer}` : sql`t.id`);
  const unique = distinct ? rows.filter((r, i) => i === 0 || rows[i - 1]!.id !== r.id) : rows;
  return { rows: unique.slice(0, q.limit), next: unique.length > q.limit ? unique[q.limit - 1]!.id : null };
}

/** A page of a short list held in memory (bodies, electoral periods): the cursor is a position. */
export function slicePage<T>(all: T[], q: ListQuery): Page<T> {
  const start = q.after ?? (q.page !== undefined ? (q.page - 1) * q.limit : 0);
  const end = start + q.limit;
  return { rows: all.slice(start, end), next: end < all.length ? end : null };
}

export interface BodyRow {
  slug: string;
  name: string;
  created: string;
  modified: string;
}

/** Every body: the authorities, and the unknown one when organisations lack an authority. */
export async function listBodies(db: Db): Promise<BodyRow[]> {
  const rows = await queryRows<BodyRow>(db, sql`select slug, name, ${iso('created_at')} as created, ${iso('modified_at')} as modified from authorities order by id`);
  const [unknown] = await queryRows<{ created: string | null; modified: string | null }>(
    db,
    sql`select ${iso('min(created_at)')} as created, ${iso('max(modified_at)')} as modified from organizations where authority_id is null`,
  );
  if (unknown?.created) rows.push({ slug: UNKNOWN_BODY_SLUG, name: 'Ukendt myndighed', created: unknown.created, modified: unknown.modified! });
  return rows;
}

/** Whether a body of that slug exists (as listBodies would list it). */
export async function bodyExists(db: Db, slug: string): Promise<boolean> {
  const [row] = await queryRows<{ found: boolean }>(
    db,
    slug === UNKNOWN_BODY_SLUG
      ? sql`select exists (select 1 from organizations where authority_id is null) as found`
      : sql`select exists (select 1 from authorities where slug = ${slug}) as found`,
  );
  return row?.found === true;
}

export interface OrganizationRow {
  id: number;
  name: string;
  kind: string;
  body: string;
  created: string;
  modified: string;
}

const organizationColumns = sql`select o.id, o.name, o.kind, coalesce(a.slug, ${UNKNOWN_BODY_SLUG}) as body, ${iso('o.created_at')} as created, ${iso('o.modified_at')} as modified`;

/** A body's organisations. */
export function listOrganizations(db: Db, body: string, q: ListQuery): Promise<Page<OrganizationRow>> {
  return paged(db, organizationColumns, sql`from organizations o left join authorities a on a.id = o.authority_id where ${inBody(body)}`, q, 'o');
}

/** One organisation. */
export async function getOrganization(db: Db, id: number): Promise<OrganizationRow | null> {
  return (await organizationsById(db, [id])).get(id) ?? null;
}

/** Organisations by id, for a page of meetings at once. */
export async function organizationsById(db: Db, ids: number[]): Promise<Map<number, OrganizationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<OrganizationRow>(db, sql`${organizationColumns} from organizations o left join authorities a on a.id = o.authority_id where o.id ${anyOf(ids)}`);
  return new Map(rows.map((r) => [r.id, r]));
}

export interface MeetingRow {
  id: number;
  organization_id: number | null;
  body: string;
  date: string | null;
  start_time: string | null;
  end_time: string | null;
  status: string;
  location_id: number | null;
  location: string | null;
  online: boolean;
  created: string;
  modified: string;
  deleted: boolean;
}

const meetingColumns = sql`select m.id, m.organization_id, coalesce(a.slug, ${UNKNOWN_BODY_SLUG}) as body, m.date::text as date, m.start_time, m.end_time,
  ${meetingStatus('m')} as status,
  m.location_id, l.description as location, m.online, ${iso('m.created_at')} as created, ${iso('m.modified_at')} as modified, m.deleted_at is not null as deleted`;
const meetingFrom = sql`from meetings m left join organizations o on o.id = m.organization_id left join authorities a on a.id = o.authority_id
  left join locations l on l.id = m.location_id`;

/** A body's (or an organisation's) public meetings, deleted ones included as such. */
export function listMeetings(db: Db, scope: { body: string } | { organizationId: number }, q: ListQuery): Promise<Page<MeetingRow>> {
  const where = 'body' in scope ? inBody(scope.body) : sql`m.organization_id = ${scope.organizationId}`;
  return paged(db, meetingColumns, sql`${meetingFrom} where ${where} and ${publicMeeting('m')}`, q, 'm');
}

/** One public meeting. */
export async function getMeeting(db: Db, id: number): Promise<MeetingRow | null> {
  const [row] = await queryRows<MeetingRow>(db, sql`${meetingColumns} ${meetingFrom} where m.id = ${id} and ${publicMeeting('m')}`);
  return row ?? null;
}

export interface ItemRow {
  id: number;
  meeting_id: number;
  number: string;
  position: number;
  title: string;
  decision: string | null;
  paper_id: number | null;
  created: string;
  modified: string;
  deleted: boolean;
}

const itemColumns = sql`select i.id, i.meeting_id, i.number, i.position, i.title, i.decision, i.paper_id,
  ${iso('i.created_at')} as created, ${iso('i.modified_at')} as modified, i.deleted_at is not null as deleted`;
// Items of public meetings that are public themselves; a removed item stays listed as deleted.
const itemFrom = sql`from agenda_items i join meetings m on m.id = i.meeting_id left join organizations o on o.id = m.organization_id`;
const itemVisible = sql`${publicMeeting('m')} and m.deleted_at is null and ${publicItem('i')}`;

/** A body's public agenda items. */
export function listAgendaItems(db: Db, body: string, q: ListQuery): Promise<Page<ItemRow>> {
  return paged(db, itemColumns, sql`${itemFrom} where ${inBody(body)} and ${itemVisible}`, q, 'i');
}

/**
 * The public items of meetings, each meeting's in agenda order, deleted ones last. The ids bound
 * both sides of the join (here and in meetingFiles): told only the items', the planner scanned
 * every meeting.
 */
export async function meetingItems(db: Db, meetingIds: number[]): Promise<Map<number, ItemRow[]>> {
  if (meetingIds.length === 0) return new Map();
  return byMeeting(
    await queryRowsAsJson<ItemRow>(db, sql`${itemColumns} ${itemFrom} where i.meeting_id ${anyOf(meetingIds)} and m.id ${anyOf(meetingIds)} and ${itemVisible} order by i.meeting_id, i.deleted_at is not null, i.position, i.id`, sql`t.meeting_id, t.deleted, t.position, t.id`),
  );
}

/** One public agenda item. */
export async function getAgendaItem(db: Db, id: number): Promise<ItemRow | null> {
  const [row] = await queryRows<ItemRow>(db, sql`${itemColumns} ${itemFrom} where i.id = ${id} and ${itemVisible}`);
  return row ?? null;
}

/** The public items of a paper (its consultations), newest meeting first. */
export function paperItems(db: Db, paperId: number): Promise<Array<ItemRow & { organization_id: number | null }>> {
  return queryRows(db, sql`${itemColumns}, m.organization_id ${itemFrom} where i.paper_id = ${paperId} and i.deleted_at is null and ${itemVisible}
    order by i.meeting_date desc nulls last, i.id`);
}

export interface PaperRow {
  id: number;
  reference: string;
  title: string | null;
  body: string;
  created: string;
  modified: string;
}

// A paper exists for the public only through a public item; its body is its first item's.
const paperColumns = sql`select p.id, p.reference, p.title, ${iso('p.created_at')} as created, ${iso('p.modified_at')} as modified,
  (select coalesce(a.slug, ${UNKNOWN_BODY_SLUG}) ${itemFrom} left join authorities a on a.id = o.authority_id
   where i.paper_id = p.id and i.deleted_at is null and ${itemVisible} order by i.id limit 1) as body`;
const paperPublic = (body: string | null) => sql`exists (select 1 ${itemFrom} where i.paper_id = p.id and i.deleted_at is null and ${itemVisible}
  ${body === null ? sql`` : sql`and ${inBody(body)}`})`;

/** A body's papers (cases) with a public item. */
export function listPapers(db: Db, body: string, q: ListQuery): Promise<Page<PaperRow>> {
  return paged(db, paperColumns, sql`from papers p where ${paperPublic(body)}`, q, 'p');
}

/** One paper with a public item. */
export async function getPaper(db: Db, id: number): Promise<PaperRow | null> {
  const [row] = await queryRows<PaperRow>(db, sql`${paperColumns} from papers p where p.id = ${id} and ${paperPublic(null)}`);
  return row ?? null;
}

export interface PersonRow {
  id: number;
  name: string;
  created: string;
  modified: string;
}

const personColumns = sql`select p.id, p.name, ${iso('p.created_at')} as created, ${iso('p.modified_at')} as modified`;
// Listed at a public meeting, or appointed by a live public item (closed items' appointments are their readers': db/appointments.ts).
const listedIn = (body: string | null) => sql`(exists (select 1 from participations pa join meetings m on m.id = pa.meeting_id
  left join organizations o on o.id = m.organization_id where pa.person_id = p.id and m.deleted_at is null and ${publicMeeting('m')}
  ${body === null ? sql`` : sql`and ${inBody(body)}`})
  or exists (select 1 from memberships ms join organizations o on o.id = ms.organization_id
  where ms.person_id = p.id and ms.source = 'appointment' and ms.deleted_at is null and ${visibleMemberships(ANONYMOUS, 'ms')}
  ${body === null ? sql`` : sql`and ${inBody(body)}`}))`;

/** The people the public meetings of a body list. */
export function listPeople(db: Db, body: string, q: ListQuery): Promise<Page<PersonRow>> {
  return paged(db, personColumns, sql`from people p where ${listedIn(body)}`, q, 'p');
}

/** One person named at a public meeting. */
export async function getPerson(db: Db, id: number): Promise<PersonRow | null> {
  const [row] = await queryRows<PersonRow>(db, sql`${personColumns} from people p where p.id = ${id} and ${listedIn(null)}`);
  return row ?? null;
}

export interface MembershipRow {
  id: number;
  person_id: number;
  organization_id: number;
  role: string;
  start_date: string | null;
  end_date: string | null;
  created: string;
  modified: string;
  deleted: boolean;
}

const membershipColumns = sql`select ms.id, ms.person_id, ms.organization_id, ms.role, ms.start_date::text as start_date, ms.end_date::text as end_date,
  ${iso('ms.created_at')} as created, ${iso('ms.modified_at')} as modified, ms.deleted_at is not null as deleted`;

/** A body's memberships, deleted ones included as such. */
export function listMemberships(db: Db, body: string, q: ListQuery): Promise<Page<MembershipRow>> {
  return paged(db, membershipColumns, sql`from memberships ms join organizations o on o.id = ms.organization_id where ${inBody(body)} and ${publicMembership('ms')}`, q, 'ms');
}

/** A person's public memberships. */
export function personMemberships(db: Db, personId: number): Promise<MembershipRow[]> {
  return queryRows(db, sql`${membershipColumns} from memberships ms where ms.person_id = ${personId} and ${publicMembership('ms')} order by ms.id`);
}

/** The live public memberships of an organisation (their ids). */
export function organizationMemberships(db: Db, organizationId: number): Promise<Array<{ id: number }>> {
  return queryRows(db, sql`select ms.id from memberships ms where ms.organization_id = ${organizationId} and ms.deleted_at is null and ${publicMembership('ms')} order by ms.id`);
}

/** One public membership. */
export async function getMembership(db: Db, id: number): Promise<MembershipRow | null> {
  const [row] = await queryRows<MembershipRow>(db, sql`${membershipColumns} from memberships ms where ms.id = ${id} and ${publicMembership('ms')}`);
  return row ?? null;
}

export interface FileRow {
  id: number;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  meeting_id: number;
  /** The document kind of an original, or 'bilag'. */
  kind: string;
  current: boolean;
  /** The agenda item of a bilag (null for an original). */
  item_id: number | null;
  created: string;
}

// A file is a version's original or a public bilag of a live public item (never a closed one's).
const fileColumns = sql`select f.id, f.name, f.media_type, f.size, f.sha256, x.meeting_id, x.kind, x.current, x.item_id, ${iso('f.created_at')} as created`;
const fileUses = sql`(select v.file_id, d.meeting_id, d.kind, (d.current_version_id = v.id) as current, null::int as item_id
    from document_versions v join meeting_documents d on d.id = v.document_id where v.file_id is not null
  union all
  select a.file_id, i.meeting_id, 'bilag', true, i.id from attachments a join agenda_items i on i.id = a.item_id
    where a.file_id is not null and i.deleted_at is null and ${publicItem('i')} and ${visibleTo(ANONYMOUS, 'a.access', 'i.organization_id')})`;
const fileFrom = sql`from files f join ${fileUses} x on x.file_id = f.id
  join meetings m on m.id = x.meeting_id left join organizations o on o.id = m.organization_id`;
// Only files whose own access is public, of public meetings.
const filePublic = sql`f.access = 'public' and m.deleted_at is null and ${publicMeeting('m')}`;

/** A body's public files (originals of every version, bilag of current items). */
export function listFiles(db: Db, body: string, q: ListQuery): Promise<Page<FileRow>> {
  const timeOnly = { ...q, modifiedSince: undefined, modifiedUntil: undefined };
  return paged(db, fileColumns, sql`${fileFrom} where ${inBody(body)} and ${filePublic}`, timeOnly, 'f', { prefer: sql`t.current desc, t.item_id nulls first` });
}

/** The current public originals of meetings' documents and their items' public bilag, by meeting. */
export async function meetingFiles(db: Db, meetingIds: number[]): Promise<Map<number, FileRow[]>> {
  if (meetingIds.length === 0) return new Map();
  return byMeeting(
    await queryRowsAsJson<FileRow>(db, sql`${fileColumns} ${fileFrom} where x.meeting_id ${anyOf(meetingIds)} and m.id ${anyOf(meetingIds)} and x.current and ${filePublic}`, sql`t.meeting_id, t.kind, t.id, t.item_id`),
  );
}

/** The public bilag files of agenda items, by item. */
export async function itemFiles(db: Db, itemIds: number[]): Promise<Map<number, FileRow[]>> {
  const out = new Map<number, FileRow[]>();
  if (itemIds.length === 0) return out;
  const rows = await queryRowsAsJson<FileRow>(db, sql`${fileColumns} ${fileFrom} where x.item_id ${anyOf(itemIds)} and ${filePublic}`, sql`t.item_id, t.id`);
  for (const r of rows) out.set(r.item_id!, [...(out.get(r.item_id!) ?? []), r]);
  return out;
}

/** One public file. */
export async function getFile(db: Db, id: number): Promise<FileRow | null> {
  const [row] = await queryRows<FileRow>(db, sql`${fileColumns} ${fileFrom} where f.id = ${id} and ${filePublic} order by x.current desc, x.item_id nulls first limit 1`);
  return row ?? null;
}

export interface LocationRow {
  id: number;
  description: string;
  created: string;
}

/** The places a body's public meetings are held at. */
export function listLocations(db: Db, body: string, q: ListQuery): Promise<Page<LocationRow>> {
  const timeOnly = { ...q, modifiedSince: undefined, modifiedUntil: undefined };
  return paged(
    db,
    sql`select l.id, l.description, ${iso('l.created_at')} as created`,
    sql`from locations l where exists (select 1 from meetings m left join organizations o on o.id = m.organization_id
      where m.location_id = l.id and ${inBody(body)} and ${publicMeeting('m')})`,
    timeOnly,
    'l',
  );
}

/** One place of a public meeting. */
export async function getLocation(db: Db, id: number): Promise<LocationRow | null> {
  return (await locationsById(db, [id])).get(id) ?? null;
}

/** Places of public meetings by id, for a page of meetings at once. */
export async function locationsById(db: Db, ids: number[]): Promise<Map<number, LocationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await queryRows<LocationRow>(
    db,
    sql`select l.id, l.description, ${iso('l.created_at')} as created from locations l
        where l.id ${anyOf(ids)} and exists (select 1 from meetings m where m.location_id = l.id and ${publicMeeting('m')})`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export interface TermRow {
  id: number;
  name: string;
  start_date: string;
  end_date: string;
}

/** The electoral periods (shared by every Danish authority). */
export function listTerms(db: Db): Promise<TermRow[]> {
  return queryRows(db, sql`select id, name, start_date::text as start_date, end_date::text as end_date from legislative_terms order by start_date`);
}

/** The people listed as taking part (present or substitute) in meetings, by meeting. */
export async function meetingParticipants(db: Db, meetingIds: number[]): Promise<Map<number, Array<{ meeting_id: number; person_id: number }>>> {
  if (meetingIds.length === 0) return new Map();
  return byMeeting(
    await queryRows<{ meeting_id: number; person_id: number }>(
      db,
      sql`select distinct meeting_id, person_id from participations where meeting_id ${anyOf(meetingIds)} and status in ('present', 'substitute') order by meeting_id, person_id`,
    ),
  );
}
