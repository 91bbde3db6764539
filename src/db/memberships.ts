/**
 * @module Memberships (seats) as the pages show them: an organisation's seats and a person's, each
 * only as the viewer may read it (an appointment made in a closed item is the item's members' and
 * secretaries' to see, db/visibility.ts).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CorrectionState, MembershipView, SeatView } from '../archive/types.js';
import type { MembershipRole, Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { visibleMemberships } from './visibility.js';

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
  source: 'attendance' | 'appointment';
  item_meeting_id: number | null;
  item_number: string | null;
  item_date: string | null;
  c_action: CorrectionState['action'] | null;
  c_by: string | null;
  c_at: string | null;
}

/** The correction columns of a derived record (alias dc), as a state. */
const stateOf = (r: { c_action: CorrectionState['action'] | null; c_by: string | null; c_at: string | null }): CorrectionState | null =>
  r.c_action === null ? null : { action: r.c_action, decidedBy: r.c_by ?? '', decidedAt: r.c_at ?? '' };

/** Live memberships the viewer may read matching a condition (aliases: ms, p, o), newest period first, then by role and name. */
async function memberships(db: Db, viewer: Viewer, where: SQL): Promise<MembershipView[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ms.id, p.id as person_id, p.slug as person_slug, p.name as person_name, o.slug as org_slug, o.name as org_name,
          ms.role, ms.on_behalf_of, ms.party, t.name as term, ms.start_date::text as start_date, ms.end_date::text as end_date, ms.derived,
          ms.source, si.meeting_id as item_meeting_id, si.number as item_number, si.meeting_date::text as item_date,
          dc.action as c_action, dc.decided_by as c_by, dc.decided_at::text as c_at
        from memberships ms join people p on p.id = ms.person_id join organizations o on o.id = ms.organization_id
        left join legislative_terms t on t.id = ms.term_id left join agenda_items si on si.id = ms.source_item_id
        left join derived_corrections dc on dc.kind = 'appointment' and dc.source_item_id = ms.source_item_id and dc.key = ms.derivation_key
        where ms.deleted_at is null and ${visibleMemberships(viewer, 'ms')} and ${where}
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
    source: r.source,
    sourceItem: r.item_meeting_id !== null && r.item_number !== null ? { meetingId: r.item_meeting_id, number: r.item_number, date: r.item_date } : null,
    correction: stateOf(r),
  }));
}

/** Seats in an organisation (`in`) and seats it fills elsewhere (`fills`), from live public items' tables. */
export async function organizationSeats(db: Db, slug: string): Promise<{ in: SeatView[]; fills: SeatView[] }> {
  const rows = await queryRows<{
    o_slug: string; o_name: string; a_slug: string | null; a_name: string | null; period: string; seats: number; note: string;
    meeting_id: number; number: string; date: string | null; side: 'in' | 'fills';
    c_action: CorrectionState['action'] | null; c_by: string | null; c_at: string | null;
  }>(
    db,
    sql`select o.slug as o_slug, o.name as o_name, a.slug as a_slug, a.name as a_name, s.period, s.seats, s.note,
          i.meeting_id, i.number, i.meeting_date::text as date, case when o.slug = ${slug} then 'in' else 'fills' end as side,
          dc.action as c_action, dc.decided_by as c_by, dc.decided_at::text as c_at
        from organization_seats s join organizations o on o.id = s.organization_id left join organizations a on a.id = s.appointed_by_id
        join agenda_items i on i.id = s.source_item_id
        left join derived_corrections dc on dc.kind = 'seat' and dc.source_item_id = s.source_item_id and dc.key = s.derivation_key
        where s.deleted_at is null and i.deleted_at is null and i.access = 'public' and (o.slug = ${slug} or a.slug = ${slug})
        order by s.period desc, o.name, s.id
        limit 1000`,
  );
  const view = (r: (typeof rows)[number]): SeatView => ({
    organization: { slug: r.o_slug, name: r.o_name },
    appointedBy: r.a_slug !== null && r.a_name !== null ? { slug: r.a_slug, name: r.a_name } : null,
    period: r.period,
    seats: r.seats,
    note: r.note,
    sourceItem: { meetingId: r.meeting_id, number: r.number, date: r.date },
    correction: stateOf(r),
  });
  return { in: rows.filter((r) => r.side === 'in').map(view), fills: rows.filter((r) => r.side === 'fills').map(view) };
}

/** The seats of an organisation the viewer may read, by its slug. */
export function organizationMemberships(db: Db, viewer: Viewer, slug: string): Promise<MembershipView[]> {
  return memberships(db, viewer, sql`o.slug = ${slug}`);
}

/** A person's seats in every organisation, those the viewer may read. */
export function personMemberships(db: Db, viewer: Viewer, personId: number): Promise<MembershipView[]> {
  return memberships(db, viewer, sql`p.id = ${personId}`);
}
