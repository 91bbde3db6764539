/**
 * @module The derived records a secretary may correct (db/derived.ts), as rows for the workspace:
 * appointments, seats tables, planned meetings and promises derived from the items of the
 * organisations the user writes for, each with its item, its key and its correction; and the
 * records rejected so far (to undo).
 */
import { sql } from 'drizzle-orm';
import type { CorrectionState } from '../../archive/types.js';
import { announcedMeetings } from '../../import/structure/calendar.js';
import { ROLE_LABELS, type MembershipRole, type Viewer } from '../../model/index.js';
import type { Db } from '../../db/client.js';
import { correctionsOf, derivationKeys, type CorrectionAction, type DerivedKind } from '../../db/derived.js';
import { parseStoredModel } from '../../db/projection.js';
import { promisesMadeBy } from '../../db/promises.js';
import { queryRows } from '../../db/rows.js';
import { visibleItems, visibleTo } from '../../db/visibility.js';

/** One derived record as the workspace lists it. */
export interface DerivedRecord {
  kind: DerivedKind;
  itemId: number;
  key: string;
  /** The organisation whose meeting's item it came from (whose secretary may correct it). */
  organizationId: number;
  meeting: { id: number; date: string | null; body: string };
  number: string;
  /** What was derived, in words. */
  description: string;
  /** The values the change form starts from. */
  fields: Record<string, string>;
  correction: CorrectionState | null;
}

/** At most this many records of each kind: the newest first. */
const LIMIT = 200;

const ids = (list: readonly number[]) => sql.join(list.map((id) => sql`${id}`), sql`, `);

interface ItemRow {
  item_id: number;
  organization_id: number;
  meeting_id: number;
  date: string | null;
  body: string;
  number: string;
}

const itemColumns = sql`i.id as item_id, i.organization_id, i.meeting_id, i.meeting_date::text as date, ob.name as body, i.number`;

const state = (r: { c_action: CorrectionAction | null; c_by: string | null; c_at: string | null }): CorrectionState | null =>
  r.c_action === null ? null : { action: r.c_action, decidedBy: r.c_by ?? '', decidedAt: r.c_at ?? '' };

const base = (kind: DerivedKind, r: ItemRow, key: string) => ({
  kind,
  itemId: r.item_id,
  key,
  organizationId: r.organization_id,
  meeting: { id: r.meeting_id, date: r.date, body: r.body },
  number: r.number,
});

/** Appointments of items the viewer may read (a closed item's are written too, db/appointments.ts: an admin who is not its secretary reads as the public). */
async function appointments(db: Db, viewer: Viewer, organizations: number[]): Promise<DerivedRecord[]> {
  const rows = await queryRows<ItemRow & { key: string; person: string; organization: string; role: MembershipRole; start_date: string | null; end_date: string | null; c_action: CorrectionAction | null; c_by: string | null; c_at: string | null }>(
    db,
    sql`select ${itemColumns}, ms.derivation_key as key, p.name as person, o.name as organization, ms.role,
          ms.start_date::text as start_date, ms.end_date::text as end_date, dc.action as c_action, dc.decided_by as c_by, dc.decided_at::text as c_at
        from memberships ms join agenda_items i on i.id = ms.source_item_id join organizations ob on ob.id = i.organization_id
        join people p on p.id = ms.person_id join organizations o on o.id = ms.organization_id
        left join derived_corrections dc on dc.kind = 'appointment' and dc.source_item_id = ms.source_item_id and dc.key = ms.derivation_key
        where ms.source = 'appointment' and ms.deleted_at is null and ms.derivation_key is not null and ${visibleItems(viewer, 'i')}
          and i.organization_id in (${ids(organizations)})
        order by i.meeting_date desc nulls last, i.position, ms.id limit ${LIMIT}`,
  );
  return rows.map((r) => ({
    ...base('appointment', r, r.key),
    description: `${r.person}: ${ROLE_LABELS[r.role].toLowerCase()} i ${r.organization}`,
    fields: { name: r.person, role: r.role, startDate: r.start_date ?? '', endDate: r.end_date ?? '' },
    correction: state(r),
  }));
}

async function seats(db: Db, organizations: number[]): Promise<DerivedRecord[]> {
  const rows = await queryRows<ItemRow & { key: string; organization: string; period: string; seats: number; c_action: CorrectionAction | null; c_by: string | null; c_at: string | null }>(
    db,
    sql`select ${itemColumns}, s.derivation_key as key, o.name as organization, s.period, s.seats,
          dc.action as c_action, dc.decided_by as c_by, dc.decided_at::text as c_at
        from organization_seats s join agenda_items i on i.id = s.source_item_id join organizations ob on ob.id = i.organization_id
        join organizations o on o.id = s.organization_id
        left join derived_corrections dc on dc.kind = 'seat' and dc.source_item_id = s.source_item_id and dc.key = s.derivation_key
        where s.deleted_at is null and s.derivation_key is not null and i.deleted_at is null and i.organization_id in (${ids(organizations)})
        order by i.meeting_date desc nulls last, i.position, s.id limit ${LIMIT}`,
  );
  return rows.map((r) => ({
    ...base('seat', r, r.key),
    description: `${r.organization}, ${r.period}: ${r.seats} ${r.seats === 1 ? 'plads' : 'pladser'}`,
    fields: { seats: String(r.seats), period: r.period },
    correction: state(r),
  }));
}

/** Planned meetings by the calendars of the announcing items, read again from their documents (the key is what the item says). */
async function planned(db: Db, organizations: number[]): Promise<DerivedRecord[]> {
  const rows = await queryRows<ItemRow & { model: unknown }>(
    db,
    sql`select distinct on (i.id) ${itemColumns}, v.model from meetings pm join agenda_items i on i.id = pm.announced_by_item_id
        join organizations ob on ob.id = i.organization_id join document_versions v on v.id = i.version_id
        where i.deleted_at is null and i.organization_id in (${ids(organizations)})
        order by i.id desc limit 50`,
  );
  const corrections = await correctionsOf(db, 'planned', rows.map((r) => r.item_id));
  return rows.flatMap((r) =>
    announcedMeetings(parseStoredModel(r.model))
      .filter((a) => a.announcedIn === r.number)
      .flatMap((a) => {
        const key = derivationKeys.planned(a);
        const correction = corrections.get(`${r.item_id}|${key}`);
        if (correction?.action === 'reject') return [];
        const date = (correction?.action === 'change' ? correction.values.date : null) ?? a.date;
        return [{ ...base('planned', r, key), description: `${a.body}: møde ${date}`, fields: { date }, correction: correction ?? null }];
      }),
  );
}

async function promises(db: Db, viewer: Viewer, organizations: number[]): Promise<DerivedRecord[]> {
  const made = await promisesMadeBy(db, viewer, organizations);
  return made.flatMap((p) =>
    p.source && p.from.body
      ? [{
          kind: 'promise' as const,
          itemId: p.source.itemId,
          key: p.source.key,
          organizationId: 0,
          meeting: { id: p.from.id, date: p.from.date, body: p.from.body.name },
          number: p.promise.promisedIn,
          description: `${p.promise.title}${p.to ? ` (til mødet ${p.to.date})` : ''}`,
          fields: { forDate: p.promise.forDate ?? '' },
          correction: p.source.correction,
        }]
      : [],
  );
}

/** The rejected records of the organisations, newest decision first, to undo. */
async function rejected(db: Db, viewer: Viewer, organizations: number[]): Promise<DerivedRecord[]> {
  const rows = await queryRows<ItemRow & { kind: DerivedKind; key: string; c_action: CorrectionAction; c_by: string; c_at: string }>(
    db,
    sql`select ${itemColumns}, dc.kind, dc.key, dc.action as c_action, dc.decided_by as c_by, dc.decided_at::text as c_at
        from derived_corrections dc join agenda_items i on i.id = dc.source_item_id join organizations ob on ob.id = i.organization_id
        where dc.action = 'reject' and ${visibleTo(viewer, 'i.access', 'i.organization_id')} and i.organization_id in (${ids(organizations)}) order by dc.decided_at desc, dc.id desc limit ${LIMIT}`,
  );
  return rows.map((r) => ({ ...base(r.kind, r, r.key), description: r.key.split('|').filter(Boolean).join(', '), fields: {}, correction: state(r) }));
}

/** Everything derived from the organisations' items, by kind, and what has been rejected. */
export async function derivedRecords(db: Db, viewer: Viewer, organizations: number[]): Promise<Record<DerivedKind | 'rejected', DerivedRecord[]>> {
  if (organizations.length === 0) return { appointment: [], seat: [], planned: [], promise: [], rejected: [] };
  return {
    appointment: await appointments(db, viewer, organizations),
    seat: await seats(db, organizations),
    planned: await planned(db, organizations),
    promise: await promises(db, viewer, organizations),
    rejected: await rejected(db, viewer, organizations),
  };
}

/** The item a correction is for: its meeting and organisation; null when unknown or deleted. */
export async function correctedItem(db: Db, itemId: number): Promise<{ meetingId: number; organizationId: number | null; number: string } | null> {
  const [row] = await queryRows<{ meeting_id: number; organization_id: number | null; number: string }>(
    db,
    sql`select meeting_id, organization_id, number from agenda_items where id = ${itemId} and deleted_at is null`,
  );
  return row ? { meetingId: row.meeting_id, organizationId: row.organization_id, number: row.number } : null;
}
