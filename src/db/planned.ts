/**
 * @module Planned meetings from calendars in documents (issue 12): the dates a meeting's public
 * items announce ("Mødekalender for KKR Midtjylland 2021: 1. februar …") become meetings of the
 * named organisation with status planned and the announcing item, unless the organisation already
 * has a meeting that day. Rewritten with every projection: a planned meeting whose announcement is
 * gone (or rejected by a secretary, db/derived.ts), and which has no documents of its own, is marked deleted.
 */
import { sql } from 'drizzle-orm';
import { announcedMeetings } from '../import/structure/calendar.js';
import { effectiveAccess, type MeetingDocument } from '../model/index.js';
import type { Db } from './client.js';
import type { ProjectionTarget, Tx, WrittenItems } from './content.js';
import { correctionsOf, derivationKeys } from './derived.js';
import { queryRows } from './rows.js';

/**
 * The organisation a calendar's lead-in names: the one of that name, else the only one whose name
 * begins with it ("KKR" → "KKR Midtjylland") — preferring the announcing meeting's own authority when
 * several do; null when none or still ambiguous (a national archive has many a "KKR …").
 */
export async function namedOrganization(tx: Tx | Db, name: string, announcer: number | null): Promise<number | null> {
  const rows = await queryRows<{ id: number; exact: boolean; same_authority: boolean }>(
    tx,
    sql`select o.id, lower(o.name) = lower(${name}) as exact,
          coalesce(o.authority_id is not distinct from (select authority_id from organizations where id = ${announcer}), false) as same_authority
        from organizations o where lower(o.name) = lower(${name}) or lower(o.name) like lower(${name}) || ' %' limit 20`,
  );
  const exact = rows.filter((r) => r.exact);
  if (exact.length === 1) return exact[0]!.id;
  if (rows.length === 1) return rows[0]!.id;
  const near = rows.filter((r) => r.same_authority);
  return near.length === 1 ? near[0]!.id : null;
}

/** Writes the planned meetings the meeting's public items announce; see the module comment. */
export async function writeAnnouncedMeetings(tx: Tx, doc: MeetingDocument, target: ProjectionTarget, written: WrittenItems): Promise<void> {
  const levels = effectiveAccess(doc.items);
  const announced = doc.access === 'public' ? announcedMeetings(doc).filter((a) => levels.get(a.announcedIn) === 'public') : [];
  const items = written.byNumber;
  // Corrections and earlier announcements hang on items that stood before: a new item has none.
  const corrections = await correctionsOf(tx, 'planned', written.earlier);
  const kept: number[] = [];
  for (const stated of announced) {
    const organizationId = await namedOrganization(tx, stated.body, target.organizationId);
    const itemId = items.get(stated.announcedIn);
    if (organizationId === null || itemId === undefined) continue;
    // A secretary's correction (db/derived.ts): a rejected date is no meeting, a changed one is at its new day.
    const correction = corrections.get(`${itemId}|${derivationKeys.planned(stated)}`);
    if (correction?.action === 'reject') continue;
    const a = { ...stated, date: (correction?.action === 'change' ? correction.values.date : null) ?? stated.date };
    const [row] = await queryRows<{ id: number }>(
      tx,
      sql`insert into meetings (organization_id, date, status, announced_by_item_id, projection)
          values (${organizationId}, ${a.date}, 'planned', ${itemId}, 0)
          on conflict (organization_id, date) where date is not null do update set
            announced_by_item_id = coalesce(meetings.announced_by_item_id, excluded.announced_by_item_id),
            deleted_at = case when meetings.current_version_id is null then null else meetings.deleted_at end
          returning id`,
    );
    kept.push(row!.id);
  }
  const ids = written.earlier;
  if (ids.length === 0) return;
  await tx.execute(sql`
    update meetings set deleted_at = now(), modified_at = now()
    where announced_by_item_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)}) and current_version_id is null and deleted_at is null
      ${kept.length > 0 ? sql`and id not in (${sql.join(kept.map((id) => sql`${id}`), sql`, `)})` : sql``}`);
}
