/**
 * @module People and attendance as a version projects them: people found by any spelling of
 * their name (person_names) or created, participations rewritten, and the organisation's
 * derived memberships (one per person, role and electoral period) brought up to date.
 */
import { inArray, sql } from 'drizzle-orm';
import { membershipRoleOf, termOf, type MeetingDocument, type MembershipRole } from '../model/index.js';
import type { ProjectionTarget, Tx } from './content.js';
import { personKey, personSlug } from './names.js';
import { findOrInsertId, idArray, queryRows } from './rows.js';
import { remembered } from './tx-cache.js';
import { participations, people, personNames } from './schema.js';

interface NameRef {
  name: string;
  /** Where the document places the person, when it says: namesakes of different municipalities are two people. */
  municipality?: string | null;
}

/** A municipality as a name's scope: "Skive Kommune" and "skive" are one. */
export function nameScope(municipality: string | null | undefined): string {
  return (municipality ?? '').toLowerCase().replace(/\s+kommune$/, '').replace(/\s+/g, ' ').trim();
}

/** The people names refer to: `get(name, municipality)` gives the id (0 for a blank name). */
export interface PeopleIds {
  get(name: string, municipality?: string | null): number;
}

/**
 * Ids of people by name key within a municipality; unknown names become new people, each spelling a
 * person_names row (key, scope). A name without a municipality (a substitute, an appointment) is the
 * one person of that name, the first when the archive knows namesakes; a name in a municipality is
 * the person of that name there, else the person of that name the documents placed nowhere yet —
 * never a namesake known in another municipality.
 */
export async function ensurePeople(tx: Tx, refs: NameRef[]): Promise<PeopleIds> {
  const wanted = new Map<string, { key: string; scope: string; name: string }>();
  for (const ref of refs) {
    const key = personKey(ref.name);
    const scope = nameScope(ref.municipality);
    if (key && !wanted.has(`${key}|${scope}`)) wanted.set(`${key}|${scope}`, { key, scope, name: ref.name });
  }
  const ids = new Map<string, number>();
  const get = (name: string, municipality?: string | null) => ids.get(`${personKey(name)}|${nameScope(municipality)}`) ?? 0;
  if (wanted.size === 0) return { get };
  const keys = [...new Set([...wanted.values()].map((w) => w.key))];
  const known = await tx
    .select({ key: personNames.key, scope: personNames.scope, personId: personNames.personId })
    .from(personNames)
    .where(inArray(personNames.key, keys))
    .orderBy(personNames.personId);
  const byKey = new Map<string, Array<{ scope: string; personId: number }>>();
  for (const k of known) byKey.set(k.key, [...(byKey.get(k.key) ?? []), k]);
  const rowsOf = (key: string) => byKey.get(key) ?? [];
  const spellings: Array<{ key: string; scope: string; personId: number; name: string }> = [];
  const remember = (w: { key: string; scope: string; name: string }, personId: number) => {
    ids.set(`${w.key}|${w.scope}`, personId);
    byKey.set(w.key, [...rowsOf(w.key), { scope: w.scope, personId }]);
    spellings.push({ ...w, personId });
  };
  // New people get a stand-in id (negative) while the names are matched, and their real ids from one insert after.
  const added: string[] = [];
  const create = (w: { key: string; scope: string; name: string }) => {
    added.push(w.name);
    const id = -added.length;
    // The first sight of a name is also its unplaced spelling, found by documents that give no municipality.
    if (w.scope !== '' && !rowsOf(w.key).some((r) => r.scope === '')) remember({ ...w, scope: '' }, id);
    remember(w, id);
  };
  // Placed names first, so an unplaced one in the same document finds them.
  const ordered = [...wanted.values()].sort((a, b) => (a.scope === '' ? 1 : 0) - (b.scope === '' ? 1 : 0));
  for (const w of ordered) {
    const rows = rowsOf(w.key);
    const exact = rows.find((r) => r.scope === w.scope);
    if (exact) ids.set(`${w.key}|${w.scope}`, exact.personId);
    else if (w.scope === '') {
      if (rows.length > 0) ids.set(`${w.key}|`, rows[0]!.personId);
      else create(w);
    } else {
      // The unplaced person of that name, unless the documents already place them in another municipality.
      const placed = new Set(rows.filter((r) => r.scope !== '').map((r) => r.personId));
      const open = rows.find((r) => r.scope === '' && !placed.has(r.personId));
      if (open) remember(w, open.personId);
      else create(w);
    }
  }
  if (added.length > 0) {
    // Rows come back in the order of the values (as content.ts relies on for items).
    const rows = await tx.insert(people).values(added.map((name) => ({ name, slug: personSlug(name) }))).returning({ id: people.id });
    const real = (id: number) => (id < 0 ? rows[-id - 1]!.id : id);
    for (const [k, id] of ids) ids.set(k, real(id));
    for (const s of spellings) s.personId = real(s.personId);
  }
  if (spellings.length > 0) {
    await tx
      .insert(personNames)
      .values(spellings.map((s) => ({ key: s.key, scope: s.scope, personId: s.personId, name: s.name })))
      .onConflictDoNothing({ target: [personNames.key, personNames.scope] });
  }
  return { get };
}

/** Who a meeting lists now, and who it listed before or lists now (whose seats may change). */
export interface Listed {
  listed: number[];
  touched: number[];
}

/**
 * Members present, afbud (with their substitutes) and other attendees as participation rows.
 * `newMeeting`: the caller's transaction created the meeting, which has none yet.
 */
export async function writeParticipations(tx: Tx, doc: MeetingDocument, target: ProjectionTarget, newMeeting = false): Promise<Listed> {
  const before = newMeeting
    ? []
    : await tx
        .delete(participations)
        .where(sql`${participations.meetingId} = ${target.meetingId}`)
        .returning({ personId: participations.personId });
  const refs: NameRef[] = [
    ...doc.participants,
    ...doc.absent,
    ...doc.absent.flatMap((a) => (a.substitute ? [{ name: a.substitute }] : [])),
    ...doc.others,
  ];
  const personIds = await ensurePeople(tx, refs);
  const id = (name: string, municipality?: string | null) => personIds.get(name, municipality);
  type Row = typeof participations.$inferInsert;
  const rows: Row[] = [];
  const seen = new Set<number>();
  const add = (row: Omit<Row, 'meetingId' | 'versionId'>) => {
    // A name listed twice (as member and as guest) is one participation: the first listing wins.
    // Id 0 is a blank name, which names nobody.
    if (row.personId === 0 || seen.has(row.personId)) return;
    seen.add(row.personId);
    rows.push({ ...row, meetingId: target.meetingId, versionId: target.versionId });
  };
  for (const p of doc.participants) add({ personId: id(p.name, p.municipality), status: 'present', role: p.role, party: p.party, municipality: p.municipality });
  for (const a of doc.absent) {
    const substitutePersonId = a.substitute ? id(a.substitute) || null : null;
    add({ personId: id(a.name, a.municipality), status: 'afbud', role: a.role, party: a.party, municipality: a.municipality, substitutePersonId });
  }
  for (const a of doc.absent) if (a.substitute) add({ personId: id(a.substitute), status: 'substitute', role: null });
  for (const o of doc.others) {
    add({ personId: id(o.name), status: 'guest', role: o.title, organisation: o.organisation, groupName: o.group, minuteTaker: o.minuteTaker });
  }
  if (rows.length > 0) await tx.insert(participations).values(rows);
  return { listed: [...seen], touched: [...new Set([...before.map((r) => r.personId), ...seen])] };
}

interface SeatRow {
  person_id: number;
  status: string;
  role: string | null;
  party: string | null;
  municipality: string | null;
  date: string;
}

/** The id of the electoral period a date falls in, created on first need. */
export async function ensureTerm(tx: Tx, date: string): Promise<number> {
  const term = termOf(date);
  return remembered(tx, `term:${term.startDate}`, () => findOrInsertId(
    tx,
    sql`select id from legislative_terms where start_date = ${term.startDate}`,
    sql`insert into legislative_terms (name, start_date, end_date) values (${term.name}, ${term.startDate}, ${term.endDate})
        on conflict (start_date) do nothing returning id`,
  ));
}

/**
 * The organisation's derived memberships from its public meetings' participant lists: members
 * present or absent sit in it (as the role they are listed with), substitutes as stedfortræder,
 * for the span of meetings they are listed at within each electoral period. Given `personIds`,
 * only those people's seats are worked out (a projection changes only its meeting's people's).
 */
export async function refreshMemberships(tx: Tx, organizationId: number | null, personIds?: readonly number[]): Promise<void> {
  if (organizationId === null || personIds?.length === 0) return;
  const only = personIds ? sql`and pa.person_id = any(${idArray(personIds)})` : sql``;
  const rows = await queryRows<SeatRow>(
    tx,
    sql`select pa.person_id, pa.status, pa.role, pa.party, pa.municipality, m.date::text as date
        from participations pa join meetings m on m.id = pa.meeting_id
        where m.organization_id = ${organizationId} and m.deleted_at is null and m.access = 'public'
          and m.date is not null and pa.status <> 'guest' ${only}
        order by m.date, m.id`,
  );
  type Seat = { personId: number; role: MembershipRole; termId: number; start: string; end: string; party: string | null; onBehalfOf: string | null };
  const seats = new Map<string, Seat>();
  const terms = new Map<string, number>();
  for (const r of rows) {
    const termStart = termOf(r.date).startDate;
    if (!terms.has(termStart)) terms.set(termStart, await ensureTerm(tx, r.date));
    const role: MembershipRole = r.status === 'substitute' ? 'substitute' : membershipRoleOf(r.role);
    const key = `${r.person_id}/${role}/${termStart}`;
    const seat = seats.get(key) ?? { personId: r.person_id, role, termId: terms.get(termStart)!, start: r.date, end: r.date, party: null, onBehalfOf: null };
    seat.end = r.date;
    seat.party = r.party ?? seat.party;
    seat.onBehalfOf = r.municipality ?? seat.onBehalfOf;
    seats.set(key, seat);
  }
  if (seats.size > 0) {
    const rows = [...seats.values()].map(
      (s) => sql`(${s.personId}, ${organizationId}, ${s.role}, ${s.termId}, ${s.start}::date, ${s.end}::date, ${s.party}, ${s.onBehalfOf}, true)`,
    );
    // One statement for all seats; modified only when the seat reads differently.
    await tx.execute(sql`
      insert into memberships (person_id, organization_id, role, term_id, start_date, end_date, party, on_behalf_of, derived)
      values ${sql.join(rows, sql`, `)}
      on conflict (person_id, organization_id, role, term_id) where derived and source = 'attendance' do update set
        start_date = excluded.start_date, end_date = excluded.end_date, party = excluded.party,
        on_behalf_of = excluded.on_behalf_of, deleted_at = null,
        modified_at = case when (memberships.start_date, memberships.end_date, memberships.party, memberships.on_behalf_of, memberships.deleted_at)
          is distinct from (excluded.start_date, excluded.end_date, excluded.party, excluded.on_behalf_of, null::timestamptz)
          then now() else memberships.modified_at end`);
  }
  // Seats the documents no longer show are kept as deleted, not forgotten.
  const live = [...seats.values()].map((s) => sql`(${s.personId}, ${s.role}, ${s.termId})`);
  await tx.execute(sql`
    update memberships set deleted_at = now(), modified_at = now()
    where organization_id = ${organizationId} and derived and source = 'attendance' and deleted_at is null
      ${personIds ? sql`and person_id = any(${idArray(personIds)})` : sql``}
      ${live.length > 0 ? sql`and (person_id, role, term_id) not in (${sql.join(live, sql`, `)})` : sql``}`);
}
