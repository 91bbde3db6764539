/**
 * @module People as one identity across documents (issue 12): after a meeting's projection, its
 * people are compared with others of the same first or last name (src/model/identity.ts judges
 * the evidence). Confident pairs are merged at once ('automatic'); the rest become suggestions a
 * secretary accepts or rejects. A merge points every spelling of the other person (person_names)
 * at the kept one, so later imports find the kept person by any name: a decision survives
 * re-imports. A rejected pair is never suggested again. Every merge is in `person_merges`.
 */
import { sql, type SQL } from 'drizzle-orm';
import { identityCandidates, nameBuckets, nameRelation, type PersonEvidence } from '../model/index.js';
import { refreshMemberships } from './attendance.js';
import type { Tx } from './content.js';
import { idArray, queryRows } from './rows.js';

interface Named {
  id: number;
  name: string;
}

const ids = (list: readonly number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);
/** A name's first and last word, lower case: the expressions migration 0018 indexes (people_first_name_idx, people_last_name_idx). */
const FIRST = sql.raw(`split_part(lower(name), ' ', 1)`);
const LAST = sql.raw(`regexp_replace(lower(name), '^.* ', '')`);

/**
 * Live people (with a name of their own) sharing a first or last name with any of the given people
 * (`namesakes`), and the given people's own names (`mine`).
 */
async function namesakes(tx: Tx, personIds: number[]): Promise<{ namesakes: Named[]; mine: Named[] }> {
  // The first and last names as the expression indexes of migration 0018 hold them: index lookups, not a scan of all people.
  // Every person found shares a name with one of `mine` by how it was found, so only one of `mine` itself needs
  // another of `mine` (no name worked out again per namesake, no join of each with each); the 500 lowest ids, and the
  // sort comes before the person_names lookups so that they stop at 500 (a common surname has thousands).
  const rows = await queryRows<Named & { listed: boolean }>(
    tx,
    sql`with mine as (select id, name, ${FIRST} as f, ${LAST} as l from people where id = any(${idArray(personIds)})),
        near as materialized (select id, name from people
                 where ${FIRST} = any(array(select f from mine)) or ${LAST} = any(array(select l from mine))),
        found as (select c.id, c.name from (select near.id, near.name from near
                    where not near.id = any(array(select id from mine))
                       or exists (select 1 from mine a join mine b on b.id <> a.id and (b.f = a.f or b.l = a.l) where a.id = near.id)
                    order by near.id) c
                  where exists (select 1 from person_names pn where pn.person_id = c.id)
                  limit 500)
        select id, name, false as listed from found union all select id, name, true from mine`,
  );
  return { namesakes: rows.filter((r) => !r.listed), mine: rows.filter((r) => r.listed) };
}

/** What the archive knows of each person: where they were listed, for whom and at which meetings. */
async function evidence(tx: Tx, personIds: number[]): Promise<PersonEvidence[]> {
  if (personIds.length === 0) return [];
  const rows = await queryRows<{ id: number; name: string; municipalities: string[] | null; parties: string[] | null; organizations: number[] | null; meetings: number[] | null }>(
    tx,
    sql`select p.id, p.name,
          array_agg(distinct pa.municipality) filter (where pa.municipality is not null) as municipalities,
          array_agg(distinct pa.party) filter (where pa.party is not null) as parties,
          array_agg(distinct m.organization_id) filter (where m.organization_id is not null) as organizations,
          array_agg(distinct pa.meeting_id) filter (where pa.meeting_id is not null) as meetings
        from people p left join participations pa on pa.person_id = p.id and pa.status <> 'guest'
        left join meetings m on m.id = pa.meeting_id and m.deleted_at is null
        where p.id in (${ids(personIds)}) group by p.id, p.name`,
  );
  return rows
    .filter((r) => (r.meetings ?? []).length > 0)
    .map((r) => ({ id: r.id, name: r.name, municipalities: r.municipalities ?? [], parties: r.parties ?? [], organizations: r.organizations ?? [], meetings: r.meetings ?? [] }));
}

/** Merges `other` into `keep` (inside the caller's transaction) and records the decision. */
export async function mergePeople(tx: Tx, keep: number, other: number, decision: 'automatic' | 'accepted', by: string, relation: string, reasons: string[]): Promise<void> {
  await tx.execute(sql`update person_names set person_id = ${keep} where person_id = ${other}`);
  await tx.execute(sql`update participations set person_id = ${keep} where person_id = ${other}`);
  await tx.execute(sql`update participations set substitute_person_id = ${keep} where substitute_person_id = ${other}`);
  await tx.execute(sql`update memberships set person_id = ${keep} where person_id = ${other} and source = 'appointment'`);
  // Seats from attendance are worked out again for the kept person, in every organisation either sat in.
  const organizations = await queryRows<{ organization_id: number }>(
    tx,
    sql`select distinct organization_id from memberships where person_id in (${keep}, ${other}) and source = 'attendance'`,
  );
  await tx.execute(sql`delete from memberships where person_id = ${other} and source = 'attendance'`);
  await tx.execute(sql`
    insert into person_merges (person_id, other_person_id, relation, reasons, decision, decided_by, decided_at)
    values (${keep}, ${other}, ${relation}, ${JSON.stringify(reasons)}::jsonb, ${decision}, ${by}, now())
    on conflict (person_id, other_person_id) do update set decision = excluded.decision, decided_by = excluded.decided_by, decided_at = now()`);
  for (const { organization_id } of organizations) await refreshMemberships(tx, organization_id, [keep, other]);
}

/** Compares the given people with their namesakes: merges confident pairs, suggests the rest (each pair once). */
export async function reconcileIdentities(tx: Tx, personIds: number[]): Promise<void> {
  if (personIds.length === 0) return;
  const found = await namesakes(tx, personIds);
  if (found.namesakes.length === 0) return;
  // A namesake whose name is unlike every given person's in its buckets pairs with none of them (judgeIdentity: apart): its evidence is not read.
  const byBucket = new Map<string, Named[]>();
  for (const m of found.mine) for (const key of nameBuckets(m.name)) byBucket.set(key, [...(byBucket.get(key) ?? []), m]);
  const alike = found.namesakes.filter((n) =>
    nameBuckets(n.name).some((key) => (byBucket.get(key) ?? []).some((m) => m.id !== n.id && nameRelation(m.name, n.name) !== 'different')),
  );
  const people = await evidence(tx, [...new Set([...personIds, ...alike.map((n) => n.id)])]);
  const mine = new Set(personIds);
  const pairs = identityCandidates(people).filter((p) => mine.has(p.a.id) || mine.has(p.b.id));
  if (pairs.length === 0) return;
  const known = await queryRows<{ person_id: number; other_person_id: number }>(
    tx,
    sql`select person_id, other_person_id from person_merges where person_id in (${ids(people.map((p) => p.id))}) or other_person_id in (${ids(people.map((p) => p.id))})`,
  );
  const decided = new Set(known.map((k) => `${Math.min(k.person_id, k.other_person_id)}:${Math.max(k.person_id, k.other_person_id)}`));
  const merged = new Set<number>();
  const suggested: SQL[] = [];
  for (const { a, b, verdict } of pairs) {
    if (decided.has(`${a.id}:${b.id}`) || merged.has(a.id) || merged.has(b.id)) continue;
    if (verdict.kind === 'same') {
      await mergePeople(tx, a.id, b.id, 'automatic', 'import', verdict.relation, verdict.reasons);
      merged.add(b.id);
    } else {
      suggested.push(sql`(${a.id}, ${b.id}, ${verdict.relation}, ${JSON.stringify(verdict.reasons)}::jsonb)`);
    }
  }
  if (suggested.length > 0) {
    await tx.execute(sql`insert into person_merges (person_id, other_person_id, relation, reasons) values ${sql.join(suggested, sql`, `)} on conflict do nothing`);
  }
}

/** The person a merged-away person now is (following merges), or the person itself. */
export async function keptPerson(db: Parameters<typeof queryRows>[0], personId: number): Promise<number> {
  let id = personId;
  for (let hops = 0; hops < 10; hops++) {
    const [row] = await queryRows<{ person_id: number }>(
      db,
      sql`select person_id from person_merges where other_person_id = ${id} and decision in ('automatic', 'accepted') order by id desc limit 1`,
    );
    if (!row) return id;
    id = row.person_id;
  }
  return id;
}
