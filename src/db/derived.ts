/**
 * @module Secretaries' corrections of records derived from items (issue 12): appointments, tables of
 * seats, planned meetings from calendars, promised items. A correction is kept under the item (an id
 * stable across versions) and a key of what the item stated, so a re-import or re-projection derives
 * the same record again and applies the correction to it, instead of overwriting it: confirmed, changed
 * (other person, role, period, date, seats) or rejected as wrongly read. Like the merge decisions of
 * db/identities.ts, the decision is data; the projection (appointments.ts, planned.ts) and the promise
 * reader (promises.ts) apply it.
 */
import { sql } from 'drizzle-orm';
import type { CorrectionState } from '../archive/types.js';
import { z } from 'zod';
import { MembershipRole } from '../model/index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { personKey, slugify } from './names.js';
import { queryRows } from './rows.js';
import type { CORRECTION_ACTIONS, DERIVED_KINDS } from './schema.js';

export type DerivedKind = (typeof DERIVED_KINDS)[number];
export type CorrectionAction = (typeof CORRECTION_ACTIONS)[number];
export type { CorrectionState };


export interface DerivedCorrection extends CorrectionState {
  values: Record<string, string | null>;
}

/** The words the pages use for a record's state. */
export const CORRECTION_LABELS: Record<CorrectionAction | 'none', string> = {
  none: 'ikke gennemgået af sekretariatet',
  confirm: 'bekræftet af sekretariatet',
  change: 'rettet af sekretariatet',
  reject: 'afvist af sekretariatet',
};

/** The keys of what an item stated: the same statement read again gives the same key. */
export const derivationKeys = {
  appointment: (a: { name: string; organization: string | null; role: string }) => `${personKey(a.name)}|${slugify(a.organization ?? '')}|${a.role}`,
  seat: (s: { organization: string; period: string }) => `${slugify(s.organization)}|${s.period}`,
  planned: (p: { body: string; date: string }) => `${slugify(p.body)}|${p.date}`,
  promise: (p: { title: string }) => personKey(p.title).slice(0, 200),
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'en dato som ÅÅÅÅ-MM-DD');
const optionalDate = z.union([isoDate, z.literal('').transform(() => null), z.null()]);

/** What a change may set, per kind; every field optional (absent: as derived). */
export const CHANGE_VALUES = {
  appointment: z.object({
    name: z.string().trim().min(2, 'et navn på mindst to tegn').max(120).optional(),
    role: MembershipRole.optional(),
    startDate: optionalDate.optional(),
    endDate: optionalDate.optional(),
  }),
  seat: z.object({
    seats: z.string().regex(/^\d{1,3}$/, 'et antal pladser (0–999)').optional(),
    period: z.string().regex(/^\d{4}-\d{4}$/, 'en valgperiode som 2022-2025').optional(),
  }),
  planned: z.object({ date: isoDate.optional() }),
  promise: z.object({ forDate: optionalDate.optional() }),
} satisfies Record<DerivedKind, z.ZodType>;

/** The corrections of one kind under the given items, by `${itemId}|${key}`. */
export async function correctionsOf(db: Db | Tx, kind: DerivedKind, itemIds: readonly number[]): Promise<Map<string, DerivedCorrection>> {
  if (itemIds.length === 0) return new Map();
  const rows = await queryRows<{ source_item_id: number; key: string; action: CorrectionAction; values: unknown; decided_by: string; decided_at: string }>(
    db,
    sql`select source_item_id, key, action, values, decided_by, decided_at::text as decided_at from derived_corrections
        where kind = ${kind} and source_item_id in (${sql.join(itemIds.map((id) => sql`${id}`), sql`, `)})`,
  );
  return new Map(
    rows.map((r) => [
      `${r.source_item_id}|${r.key}`,
      { action: r.action, values: (typeof r.values === 'string' ? JSON.parse(r.values) : r.values) as Record<string, string | null>, decidedBy: r.decided_by, decidedAt: r.decided_at },
    ]),
  );
}

/** Records (or replaces) a decision on a derived record; 'undo' removes it, so the record reads as derived again. */
export async function recordCorrection(
  tx: Tx,
  input: { kind: DerivedKind; itemId: number; key: string; action: CorrectionAction | 'undo'; values?: Record<string, string | null>; by: string },
): Promise<void> {
  if (input.action === 'undo') {
    await tx.execute(sql`delete from derived_corrections where kind = ${input.kind} and source_item_id = ${input.itemId} and key = ${input.key}`);
    return;
  }
  const values = input.action === 'change' ? (input.values ?? {}) : {};
  await tx.execute(sql`
    insert into derived_corrections (kind, source_item_id, key, action, values, decided_by)
    values (${input.kind}, ${input.itemId}, ${input.key}, ${input.action}, ${JSON.stringify(values)}::jsonb, ${input.by})
    on conflict (kind, source_item_id, key) do update set action = excluded.action, values = excluded.values,
      decided_by = excluded.decided_by, decided_at = now()`);
}

/** The correction of a planned meeting announced by an item, found by the meeting's (possibly corrected) date. */
export async function plannedCorrection(db: Db, itemId: number, date: string): Promise<CorrectionState | null> {
  const [row] = await queryRows<{ action: CorrectionAction; decided_by: string; decided_at: string }>(
    db,
    sql`select action, decided_by, decided_at::text as decided_at from derived_corrections
        where kind = 'planned' and source_item_id = ${itemId}
          and (values ->> 'date' = ${date} or (coalesce(values ->> 'date', '') = '' and key like ${`%|${date}`}))
        order by id desc limit 1`,
  );
  return row ? { action: row.action, decidedBy: row.decided_by, decidedAt: row.decided_at } : null;
}
