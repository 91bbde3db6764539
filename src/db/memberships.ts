/** @module Memberships (seats) as the pages show them: an organisation's seats and a person's. */
import { sql, type SQL } from 'drizzle-orm';
import type { MembershipView } from '../archive/types.js';
import type { MembershipRole } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';

interface Row {
  id: number;
  person_id: number;
  person_slug: string;
  person_name: string;
  org_slug: string;
  org_name: string;
  role: MembershipRole;
  on_behalf_of: string | null;
  party: string | null;
  term: string | null;
  start_date: string | null;
  end_date: string | null;
  derived: boolean;
}

/** Live memberships matching a condition (aliases: ms, p, o), newest period first, then by role and name. */
async function memberships(db: Db, where: SQL): Promise<MembershipView[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ms.id, p.id as person_id, p.slug as person_slug, p.name as person_name, o.slug as org_slug, o.name as org_name,
          ms.role, ms.on_behalf_of, ms.party, t.name as term, ms.start_date::text as start_date, ms.end_date::text as end_date, ms.derived
        from memberships ms join people p on p.id = ms.person_id join organizations o on o.id = ms.organization_id
        left join legislative_terms t on t.id = ms.term_id
        where ms.deleted_at is null and ${where}
        order by t.start_date desc nulls last,
          array_position(array['chair','vice_chair','member','substitute']::text[], ms.role), p.name, ms.id
        limit 2000`,
  );
  return rows.map((r) => ({
    id: r.id,
    person: { id: r.person_id, slug: r.person_slug, name: r.person_name },
    organization: { slug: r.org_slug, name: r.org_name },
    role: r.role,
    onBehalfOf: r.on_behalf_of,
    party: r.party,
    term: r.term,
    startDate: r.start_date,
    endDate: r.end_date,
    derived: r.derived,
  }));
}

/** The seats of an organisation, by its slug. */
export function organizationMemberships(db: Db, slug: string): Promise<MembershipView[]> {
  return memberships(db, sql`o.slug = ${slug}`);
}

/** A person's seats in every organisation. */
export function personMemberships(db: Db, personId: number): Promise<MembershipView[]> {
  return memberships(db, sql`p.id = ${personId}`);
}
