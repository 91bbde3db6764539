/**
 * @module People across meetings: the index of people named in participant lists, a person's
 * attendance history, and the person each name on a meeting page refers to. Attendance comes
 * from the projection, which holds each meeting's current version only (minutes over agenda),
 * and only meetings the viewer may see count.
 */
import { sql } from 'drizzle-orm';
import type { AttendanceStatus, MeetingView, PeopleFilter, PeopleGroup, PersonListing, PersonRef, PersonView } from '../archive/types.js';
import type { MeetingDocument, Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { danishCompare, personKey, slugify } from './names.js';
import { queryRows } from './rows.js';
import { keptPerson } from './identities.js';
import { personMemberships } from './memberships.js';
import { meetingSummariesById } from './summaries.js';
import { visibleItems, visibleMeetings } from './visibility.js';

/** Bounds a page: far above the people of any body the archive holds. */
const MAX_ROWS = 2000;

interface ListingRow {
  id: number;
  slug: string;
  name: string;
  body_slug: string | null;
  body_name: string | null;
  meeting_count: number;
  last_date: string | null;
  party: string | null;
  municipality: string | null;
}

/** People from the current documents' participant lists, one group per body, names in Danish order. */
export async function listPeople(db: Db, viewer: Viewer, filter: PeopleFilter): Promise<PeopleGroup[]> {
  // Compared without spaces and dashes on the key and on the slug, so "hc østerby",
  // "H. C. Østerby" and "oesterby" all find H.C. Østerby; strpos gives no character a special meaning.
  const key = personKey(filter.q ?? '').replace(/ /g, '');
  const slug = slugify(filter.q ?? '').replace(/-/g, '');
  const byName = key
    ? sql`(exists (select 1 from person_names pn where pn.person_id = p.id and strpos(replace(pn.key, ' ', ''), ${key}) > 0)
          or (${slug} <> '' and strpos(replace(p.slug, '-', ''), ${slug}) > 0))`
    : sql`true`;
  const byBody = filter.body ? sql`b.slug = ${filter.body}` : sql`true`;
  const rows = await queryRows<ListingRow>(
    db,
    sql`with att as (
          select pa.person_id, pa.meeting_id, pa.party, pa.municipality, m.date, m.organization_id
          from participations pa
          join meetings m on m.id = pa.meeting_id
          where ${visibleMeetings(viewer, 'm')}),
        -- Latest by meeting date, not by import order.
        latest_party as (
          select distinct on (person_id) person_id, party from att where party is not null
          order by person_id, date desc nulls last, meeting_id desc),
        latest_municipality as (
          select distinct on (person_id) person_id, municipality from att where municipality is not null
          order by person_id, date desc nulls last, meeting_id desc)
        select p.id, p.slug, p.name, b.slug as body_slug, b.name as body_name,
          count(distinct att.meeting_id)::int as meeting_count, max(att.date)::text as last_date,
          min(lp.party) as party, min(lm.municipality) as municipality
        from att join people p on p.id = att.person_id left join organizations b on b.id = att.organization_id
          left join latest_party lp on lp.person_id = p.id
          left join latest_municipality lm on lm.person_id = p.id
        where ${byName} and ${byBody}
        group by p.id, b.id
        limit ${MAX_ROWS}`,
  );
  const groups = new Map<string, PeopleGroup>();
  for (const r of rows) {
    const groupKey = r.body_slug ?? '';
    if (!groups.has(groupKey)) {
      const body = r.body_slug !== null && r.body_name !== null ? { slug: r.body_slug, name: r.body_name } : null;
      groups.set(groupKey, { body, people: [] });
    }
    const listing: PersonListing = {
      id: r.id,
      slug: r.slug,
      name: r.name,
      party: r.party,
      municipality: r.municipality,
      meetingCount: r.meeting_count,
      lastDate: r.last_date,
    };
    groups.get(groupKey)!.people.push(listing);
  }
  for (const g of groups.values()) g.people.sort((a, b) => danishCompare(a.name, b.name) || a.id - b.id);
  // Bodies by name, people of no known body last.
  return [...groups.values()].sort((a, b) =>
    a.body === null ? 1 : b.body === null ? -1 : danishCompare(a.body.name, b.body.name),
  );
}

type PersonRow = PersonRef;

/** The person a reference names: "12", "12-h-c-oesterby" (the slug wins over a stale id) or "h-c-oesterby". */
async function resolvePerson(db: Db, ref: string): Promise<PersonRow | null> {
  const columns = sql`select id, slug, name from people`;
  const bySlug = async (slug: string) =>
    (await queryRows<PersonRow>(db, sql`${columns} where slug = ${slug} order by id limit 1`))[0] ?? null;
  const numbered = /^(\d{1,10})(?:-([a-z0-9]+(?:-[a-z0-9]+)*))?$/.exec(ref);
  if (numbered) {
    const id = Number(numbered[1]);
    const slug = numbered[2];
    const byId = id <= 2_147_483_647 ? ((await queryRows<PersonRow>(db, sql`${columns} where id = ${id}`))[0] ?? null) : null;
    // Ids change when an archive is rebuilt; the slug in a shared link still names the person.
    if (slug && byId?.slug !== slug) return (await bySlug(slug)) ?? byId;
    return byId;
  }
  return /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(ref) ? bySlug(ref) : null;
}

interface AttendanceRow {
  meeting_id: number;
  status: AttendanceStatus;
  party: string | null;
  municipality: string | null;
  role: string | null;
  organisation: string | null;
  minute_taker: boolean;
  cp_id: number | null;
  cp_slug: string | null;
  cp_name: string | null;
}

/**
 * A person with every meeting they are listed at, newest first, and their seats; null when unknown,
 * or when the viewer may see neither a meeting that lists them nor a seat (an appointment) of theirs.
 */
export async function getPerson(db: Db, viewer: Viewer, ref: string): Promise<PersonView | null> {
  const named = await resolvePerson(db, ref);
  if (!named) return null;
  // A person merged into another (db/identities.ts) is that person now.
  const keptId = await keptPerson(db, named.id);
  const person = keptId === named.id ? named : ((await queryRows<PersonRow>(db, sql`select id, slug, name from people where id = ${keptId}`))[0] ?? named);
  // The counterpart: for afbud who came instead; for a substitute whose afbud they covered.
  const rows = await queryRows<AttendanceRow>(
    db,
    sql`select pa.meeting_id, pa.status, pa.party, pa.municipality, pa.role, pa.organisation, pa.minute_taker,
          cp.id as cp_id, cp.slug as cp_slug, cp.name as cp_name
        from participations pa
        join meetings m on m.id = pa.meeting_id
        left join people cp on cp.id = case
          when pa.status = 'afbud' then pa.substitute_person_id
          when pa.status = 'substitute' then (
            select a.person_id from participations a
            where a.version_id = pa.version_id and a.status = 'afbud' and a.substitute_person_id = pa.person_id
            order by a.id limit 1)
          end
        where pa.person_id = ${person.id} and ${visibleMeetings(viewer, 'm')}
        order by m.date desc nulls last, m.id desc
        limit ${MAX_ROWS}`,
  );
  const memberships = await personMemberships(db, viewer, person.id);
  // Someone only appointed (never listed at a meeting) has a page for the seats.
  if (rows.length === 0 && memberships.length === 0) return null;
  const meetings = await meetingSummariesById(db, viewer, rows.map((r) => r.meeting_id));
  const attendance = rows.map((r) => ({
    meeting: meetings.get(r.meeting_id)!,
    status: r.status,
    party: r.party,
    municipality: r.municipality,
    role: r.role,
    organisation: r.organisation,
    minuteTaker: r.minute_taker,
    counterpart: r.cp_id !== null ? { id: r.cp_id, slug: r.cp_slug ?? '', name: r.cp_name ?? '' } : null,
  }));
  // Latest first: the newest meeting that states a party (municipality) gives it; else the newest seat stating one.
  const party = attendance.find((a) => a.party)?.party ?? latestParty(memberships);
  const municipality = attendance.find((a) => a.municipality)?.municipality ?? null;
  const variants = await queryRows<{ name: string }>(db, sql`select distinct name from person_names where person_id = ${person.id} order by name`);
  const spellings = variants.map((v) => v.name);
  // Items presented "v. <name>", by any spelling the documents used for the person.
  const presentedRows = await queryRows<{ meeting_id: number; number: string; title: string; presenters: string[] }>(
    db,
    sql`select i.meeting_id, i.number, i.title, i.presenters from agenda_items i
        where i.presenters && ${sql`array[${sql.join(spellings.map((n) => sql`${n}`), sql`, `)}]::text[]`} and ${visibleItems(viewer, 'i')}
        order by i.meeting_date desc nulls last, i.meeting_id desc, i.position limit ${MAX_ROWS}`,
  );
  const presentedMeetings = await meetingSummariesById(db, viewer, presentedRows.map((r) => r.meeting_id));
  const presented = presentedRows.filter((r) => presentedMeetings.has(r.meeting_id)).map((r) => ({ meeting: presentedMeetings.get(r.meeting_id)!, number: r.number, title: r.title }));
  const shown = await spellingsInVisibleLists(db, viewer, person.id, rows.map((r) => r.meeting_id));
  for (const r of presentedRows) if (presentedMeetings.has(r.meeting_id)) for (const p of r.presenters) shown.add(p);
  const nameVariants = spellings.filter((n) => n === person.name || shown.has(n));
  return {
    person: { id: person.id, slug: person.slug, name: person.name, party, municipality, nameVariants },
    memberships,
    attendance,
    presented,
    namedIn: await itemsNaming(db, viewer, spellings, presentedRows),
  };
}

/**
 * The spellings of the person's name that stand in the participant lists (members, afbud and
 * their substitutes, others present) of the listed meetings — those the viewer may see — so a
 * spelling seen only in a closed meeting's list stays off the public page.
 */
async function spellingsInVisibleLists(db: Db, viewer: Viewer, personId: number, meetingIds: number[]): Promise<Set<string>> {
  if (meetingIds.length === 0) return new Set();
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select distinct pn.name from person_names pn
        where pn.person_id = ${personId} and exists (
          select 1 from participations pa
          join meetings m on m.id = pa.meeting_id
          join document_versions v on v.id = pa.version_id
          cross join lateral (select jsonb_build_array(jsonb_build_object('name', pn.name)) as named,
                                     jsonb_build_array(jsonb_build_object('substitute', pn.name)) as instead) q
          where pa.person_id = ${personId} and pa.meeting_id = any(${`{${meetingIds.join(',')}}`}::int[]) and ${visibleMeetings(viewer, 'm')}
            and (v.model->'participants' @> q.named or v.model->'absent' @> q.named
                 or v.model->'absent' @> q.instead or v.model->'others' @> q.named))`,
  );
  return new Set(rows.map((r) => r.name));
}

/** The party of the latest-starting seat that states one. */
function latestParty(memberships: PersonView['memberships']): string | null {
  const dated = [...memberships].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  return dated.find((m) => m.party)?.party ?? null;
}

/** Items named in, at most: a person named in hundreds of items is named in many more than anyone reads. */
const MAX_NAMED = 50;

/** Text around the first mention of any of the names, on one line. */
function excerptAround(text: string, names: readonly string[]): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const lower = flat.toLowerCase();
  const at = names.map((n) => lower.indexOf(n.toLowerCase().replace(/\s+/g, ' '))).filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (at === undefined) return null;
  const start = Math.max(0, flat.lastIndexOf(' ', Math.max(0, at - 90)) + 1);
  const end = flat.indexOf(' ', Math.min(flat.length, at + 140));
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end < 0 ? flat.length : end)}${end < 0 ? '' : ' …'}`;
}

/**
 * Items whose text (decision, sections) names the person by a spelling of at least two words, newest
 * first, those they presented left out: found by the search index as a phrase, then checked in the text
 * itself (the index stems, the name must stand as written).
 */
async function itemsNaming(db: Db, viewer: Viewer, names: string[], presented: Array<{ meeting_id: number; number: string }>): Promise<PersonView['namedIn']> {
  const full = names.filter((n) => n.trim().split(/\s+/).length >= 2);
  if (full.length === 0) return [];
  const query = sql.join(full.map((n) => sql`phraseto_tsquery('danish', ${n})`), sql` || `);
  const rows = await queryRows<{ meeting_id: number; number: string; title: string; text: string }>(
    db,
    sql`select i.meeting_id, i.number, i.title, concat_ws(' ', i.decision, i.summary_text, i.body_text) as text from agenda_items i
        where i.tsv @@ (${query}) and ${visibleItems(viewer, 'i')}
        order by i.meeting_date desc nulls last, i.meeting_id desc, i.position limit ${MAX_NAMED * 2}`,
  );
  const skip = new Set(presented.map((p) => `${p.meeting_id}/${p.number}`));
  const found = rows.flatMap((r) => {
    const excerpt = skip.has(`${r.meeting_id}/${r.number}`) ? null : excerptAround(r.text, full);
    return excerpt ? [{ ...r, excerpt }] : [];
  }).slice(0, MAX_NAMED);
  const meetings = await meetingSummariesById(db, viewer, found.map((r) => r.meeting_id));
  return found.filter((r) => meetings.has(r.meeting_id)).map((r) => ({ meeting: meetings.get(r.meeting_id)!, number: r.number, title: r.title, excerpt: r.excerpt }));
}

/** The people a stored document's participant names refer to, by the names as the document writes them. */
export async function meetingPeople(db: Db, versionId: number, doc: MeetingDocument): Promise<MeetingView['people']> {
  const rows = await queryRows<PersonRef & { key: string }>(
    db,
    sql`select p.id, p.slug, p.name, pn.key from participations pa join people p on p.id = pa.person_id
        join person_names pn on pn.person_id = p.id
        where pa.version_id = ${versionId}`,
  );
  const byKey = new Map(rows.map(({ key, ...ref }) => [key, ref]));
  const names = [
    ...doc.participants.map((p) => p.name),
    ...doc.absent.flatMap((a) => (a.substitute ? [a.name, a.substitute] : [a.name])),
    ...doc.others.map((o) => o.name),
  ];
  const result: MeetingView['people'] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const person = byKey.get(personKey(name));
    if (!person || seen.has(name)) continue;
    seen.add(name);
    result.push({ name, person });
  }
  return result;
}
