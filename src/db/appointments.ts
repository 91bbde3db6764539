/**
 * @module Appointments and seats as a meeting's projection writes them (issue 12): the people its
 * public items appoint (src/import/structure/appointments.ts) become memberships with source
 * 'appointment' and the appointing item; its tables of seats per electoral period become
 * organization_seats rows. Rewritten with every projection of the meeting; rows its current
 * version no longer states are marked deleted, not forgotten; a secretary's correction (db/derived.ts) is
 * applied each time, a rejected record not written. Appointments of closed and confidential
 * items are written too: a membership is as readable as the item that made it (db/visibility.ts
 * visibleMemberships), so the public never sees them and the item's readers do. Such an item only
 * appoints to an organisation the archive knows already (or the meeting's own): creating one would
 * give the public a page named by the closed item. Seats tables are taken from public items only.
 */
import { sql } from 'drizzle-orm';
import { appointmentsOf, seatCountsOf } from '../import/structure/appointments.js';
import type { MeetingDocument } from '../model/index.js';
import { itemLevels } from '../archive/view.js';
import { ensurePeople, ensureTerm } from './attendance.js';
import type { ProjectionTarget, Tx, WrittenItems } from './content.js';
import { correctionsOf, derivationKeys } from './derived.js';
import { ensureOrganization, findOrganization } from './organizations.js';
import { queryRows } from './rows.js';

/** Writes the meeting's appointments as memberships, each with a secretary's correction applied (db/derived.ts). */
export async function writeAppointments(tx: Tx, doc: MeetingDocument, target: ProjectionTarget, date: string | null, written: WrittenItems): Promise<void> {
  // The item's level as its row holds it (the document's level included).
  const levels = itemLevels(doc);
  const isPublic = (number: string) => levels.get(number) === 'public';
  const items = written.byNumber;
  const found = date === null ? [] : appointmentsOf(doc).filter((a) => a.decided && items.has(a.item));
  // Corrections and earlier records hang on items that stood before: a new item has none.
  const corrections = await correctionsOf(tx, 'appointment', written.earlier);
  // Each as stated, its key, and as corrected; a rejected one is not written (the sweep below marks it deleted).
  const appointments = found.flatMap((a) => {
    const key = derivationKeys.appointment(a);
    const correction = corrections.get(`${items.get(a.item)}|${key}`);
    if (correction?.action === 'reject') return [];
    const values = correction?.action === 'change' ? correction.values : {};
    return [{ ...a, key, name: values.name ?? a.name, role: (values.role as typeof a.role | undefined) ?? a.role, startDate: values.startDate, endDate: values.endDate }];
  });
  const kept: number[] = [];
  if (appointments.length > 0 && date !== null) {
    const placed: Array<(typeof appointments)[number] & { organizationId: number }> = [];
    for (const a of appointments) {
      const organizationId = !a.organization
        ? target.organizationId
        : isPublic(a.item)
          ? await ensureOrganization(tx, a.organization, null)
          : ((await findOrganization(tx, a.organization, null))?.id ?? null);
      if (organizationId !== null) placed.push({ ...a, organizationId });
    }
    const people = await ensurePeople(tx, placed);
    const term = placed.length > 0 ? await ensureTerm(tx, date) : null;
    for (const a of placed) {
      const organizationId = a.organizationId;
      const start = a.startDate === undefined ? date : a.startDate;
      const end = a.endDate ?? null;
      const [row] = await queryRows<{ id: number }>(
        tx,
        sql`insert into memberships (person_id, organization_id, role, term_id, start_date, end_date, party, on_behalf_of, derived, source, source_item_id, derivation_key)
            values (${people.get(a.name, a.municipality)}, ${organizationId}, ${a.role}, ${term}, ${start}::date, ${end}::date, ${a.party}, ${a.onBehalfOf ?? a.municipality}, true, 'appointment', ${items.get(a.item)!}, ${a.key})
            on conflict (person_id, organization_id, role, source_item_id) where source = 'appointment' do update set
              party = excluded.party, on_behalf_of = excluded.on_behalf_of, term_id = excluded.term_id, start_date = excluded.start_date,
              end_date = excluded.end_date, derivation_key = excluded.derivation_key, deleted_at = null
            returning id`,
      );
      kept.push(row!.id);
    }
  }
  const itemList = written.earlier;
  if (itemList.length > 0) {
    const ids = sql.join(itemList.map((id) => sql`${id}`), sql`, `);
    await tx.execute(sql`
      update memberships set deleted_at = now(), modified_at = now()
      where source = 'appointment' and deleted_at is null and source_item_id in (${ids})
        ${kept.length > 0 ? sql`and id not in (${sql.join(kept.map((id) => sql`${id}`), sql`, `)})` : sql``}`);
  }
  await writeSeats(tx, doc, target, written, isPublic);
}

async function writeSeats(tx: Tx, doc: MeetingDocument, target: ProjectionTarget, written: WrittenItems, isPublic: (n: string) => boolean): Promise<void> {
  const items = written.byNumber;
  const corrections = await correctionsOf(tx, 'seat', written.earlier);
  const seats = seatCountsOf(doc)
    .filter((s) => isPublic(s.item) && items.has(s.item))
    .flatMap((s) => {
      const key = derivationKeys.seat(s);
      const correction = corrections.get(`${items.get(s.item)}|${key}`);
      if (correction?.action === 'reject') return [];
      const values = correction?.action === 'change' ? correction.values : {};
      const seats = values.seats != null ? Number(values.seats) : s.seats;
      return [{ ...s, key, period: values.period ?? s.period, seats, note: values.seats != null ? `${seats} pladser` : s.note }];
    });
  const kept: number[] = [];
  for (const s of seats) {
    const organizationId = await ensureOrganization(tx, s.organization, null);
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into organization_seats (organization_id, appointed_by_id, period, seats, note, source_item_id, derivation_key)
          values (${organizationId}, ${target.organizationId}, ${s.period}, ${s.seats}, ${s.note}, ${items.get(s.item)!}, ${s.key})
          on conflict (organization_id, period, source_item_id) do update set seats = excluded.seats, note = excluded.note,
            appointed_by_id = excluded.appointed_by_id, derivation_key = excluded.derivation_key, deleted_at = null
          returning id`,
    );
    kept.push(row!.id);
  }
  const itemList = written.earlier;
  if (itemList.length === 0) return;
  await tx.execute(sql`
    update organization_seats set deleted_at = now()
    where deleted_at is null and source_item_id in (${sql.join(itemList.map((id) => sql`${id}`), sql`, `)})
      ${kept.length > 0 ? sql`and id not in (${sql.join(kept.map((id) => sql`${id}`), sql`, `)})` : sql``}`);
}
