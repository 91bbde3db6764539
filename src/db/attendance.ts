/**
 * @module People and attendance as a version projects them: people found by any spelling of
 * their name (person_names) or created, participations rewritten, and the organisation's
 * derived memberships (one per person, role and electoral period) brought up to date.
 */
import { inArray, sql } from 'drizzle-orm';
import { membershipRoleOf, termOf, type MeetingDocument, type MembershipRole } from '../model/index.js';
import type { ProjectionTarget, Tx } from './content.js';
import { personKey, personSlug } from './names.js';
import { queryRows } from './rows.js';
import { legislativeTerms, participations, people, personNames } from './schema.js';

interface NameRef {
  name: string;
}

/** Ids of people by name key; unknown names become new people, each spelling a person_names row. */
export async function ensurePeople(tx: Tx, refs: NameRef[]): Promise<Map<string, number>> {
  const byKey = new Map<string, string>();
  for (const ref of refs) {
    const key = personKey(ref.name);
    if (key && !byKey.has(key)) byKey.set(key, ref.name);
  }
  if (byKey.size === 0) return new Map();
  const keys = [...byKey.keys()];
  const known = await tx.select({ key: personNames.key, personId: personNames.personId }).from(personNames).where(inArray(personNames.key, keys));
  const ids = new Map(known.map((r) => [r.key, r.personId]));
  const missing = keys.filter((k) => !ids.has(k));
  if (missing.length > 0) {
    const created = await tx
      .insert(people)
      .values(missing.map((k) => ({ name: byKey.get(k)!, slug: personSlug(byKey.get(k)!) })))
      .returning({ id: people.id });
    missing.forEach((k, i) => ids.set(k, created[i]!.id));
    await tx
      .insert(personNames)
      .values(missing.map((k) => ({ key: k, personId: ids.get(k)!, name: byKey.get(k)! })))
      .onConflictDoNothing({ target: personNames.key });
  }
  return ids;
}

/** Members present, afbud (with their substitutes) and other attendees as participation rows. */
export async function writeParticipations(tx: Tx, doc: MeetingDocument, target: ProjectionTarget): Promise<void> {
  await tx.delete(participations).where(sql`${participations.meetingId} = ${target.meetingId}`);
  const refs: NameRef[] = [
    ...doc.participants,
    ...doc.absent,
    ...doc.absent.flatMap((a) => (a.substitute ? [{ name: a.substitute }] : [])),
    ...doc.others,
  ];
  const personIds = await ensurePeople(tx, refs);
  const id = (name: string) => personIds.get(personKey(name)) ?? 0;
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
  for (const p of doc.participants) add({ personId: id(p.name), status: 'present', role: p.role, party: p.party, municipality: p.municipality });
  for (const a of doc.absent) {
    const substitutePersonId = a.substitute ? id(a.substitute) || null : null;
    add({ personId: id(a.name), status: 'afbud', role: a.role, party: a.party, municipality: a.municipality, substitutePersonId });
  }
  for (const a of doc.absent) if (a.substitute) add({ personId: id(a.substitute), status: 'substitute', role: null });
  for (const o of doc.others) {
    add({ personId: id(o.name), status: 'guest', role: o.title, organisation: o.organisation, groupName: o.group, minuteTaker: o.minuteTaker });
  }
  if (rows.length > 0) await tx.insert(participations).values(rows);
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
  await tx.insert(legislativeTerms).values(term).onConflictDoNothing({ target: legislativeTerms.startDate });
  const [row] = await queryRows<{ id: number }>(tx, sql`select id from legislative_terms where start_date = ${term.startDate}`);
  return row!.id;
}

/**
 * The organisation's derived memberships from its public meetings' participant lists: members
 * present or absent sit in it (as the role they are listed with), substitutes as stedfortræder,
 * for the span of meetings they are listed at within each electoral period.
 */
export async function refreshMemberships(tx: Tx, organizationId: number | null): Promise<void> {
  if (organizationId === null) return;
  const rows = await queryRows<SeatRow>(
    tx,
    sql`select pa.person_id, pa.status, pa.role, pa.party, pa.municipality, m.date::text as date
        from participations pa join meetings m on m.id = pa.meeting_id
        where m.organization_id = ${organizationId} and m.deleted_at is null and m.access = 'public'
          and m.date is not null and pa.status <> 'guest'
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
      ${live.length > 0 ? sql`and (person_id, role, term_id) not in (${sql.join(live, sql`, `)})` : sql``}`);
}
