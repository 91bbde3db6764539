/**
 * @module Allocations attached to agenda items (issue 13): created from a model's inputs, the
 * result computed by src/allocation and stored with them; never overwritten — a revision or a
 * withdrawal is the next version of the item's slot. Readers see an allocation exactly when they
 * may read its item (db/visibility.ts), so a closed item's allocations are never public.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { AllocationInputs, computeAllocation, type AllocationResult } from '../allocation/index.js';
import type { Viewer } from '../model/index.js';
import { writeAudit, type Actor } from './audit.js';
import type { Db } from './client.js';
import { queryRows } from './rows.js';
import { agendaItems, allocations } from './schema.js';
import { visibleItems, visibleMeetings } from './visibility.js';

export interface StoredAllocation {
  id: number;
  agendaItemId: number;
  slot: number;
  version: number;
  title: string;
  kind: AllocationInputs['kind'];
  populationPeriod: string | null;
  inputs: AllocationInputs;
  result: AllocationResult;
  withdrawn: boolean;
  createdAt: string;
  createdBy: string;
}

/** An allocation with the item it belongs to, as pages and APIs address it. */
export interface AttachedAllocation extends StoredAllocation {
  meetingId: number;
  itemNumber: string;
  itemTitle: string;
}

/** A live agenda item of a meeting by number: what the workspace attaches to. */
export async function liveItem(db: Db, meetingId: number, number: string) {
  const [row] = await db
    .select({ id: agendaItems.id, organizationId: agendaItems.organizationId, title: agendaItems.title, number: agendaItems.number, meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.number, number), isNull(agendaItems.deletedAt)));
  return row ?? null;
}

const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.email : 'cli');

export interface AllocationDraft {
  title: string;
  inputs: AllocationInputs;
  populationPeriod: string | null;
}

/**
 * Stores a new allocation on the item (slot null) or the next version of a slot; the inputs are
 * checked and the result computed here, so what is stored always follows from what is stored.
 */
export async function saveAllocation(db: Db, actor: Actor, agendaItemId: number, slot: number | null, draft: AllocationDraft, withdrawn = false): Promise<StoredAllocation> {
  const title = draft.title.trim();
  if (!title) throw new Error('Giv fordelingen en titel.');
  const inputs = AllocationInputs.parse(draft.inputs);
  const result = computeAllocation(inputs);
  return db.transaction(async (tx) => {
    const [next] = await queryRows<{ slot: number; version: number }>(
      tx as unknown as Db,
      slot === null
        ? sql`select coalesce(max(slot), 0) + 1 as slot, 1 as version from allocations where agenda_item_id = ${agendaItemId}`
        : sql`select ${slot}::int as slot, coalesce(max(version), 0) + 1 as version from allocations where agenda_item_id = ${agendaItemId} and slot = ${slot}`,
    );
    if (slot !== null && next!.version === 1) throw new Error(`Punktet har ingen fordeling nr. ${slot}.`);
    const [row] = await tx
      .insert(allocations)
      .values({ agendaItemId, slot: next!.slot, version: next!.version, title, kind: inputs.kind, populationPeriod: draft.populationPeriod, inputs, result, withdrawn, createdBy: actorName(actor) })
      .returning();
    await writeAudit(tx, actor, withdrawn ? 'allocation.withdraw' : 'allocation.save', `allocation:${row!.id} item:${agendaItemId} slot:${next!.slot} v${next!.version}`);
    return row as StoredAllocation;
  });
}

/** Every version of every allocation on the item, slot by slot, oldest first (the workspace's view). */
export async function allocationHistory(db: Db, agendaItemId: number): Promise<StoredAllocation[]> {
  const rows = await db.select().from(allocations).where(eq(allocations.agendaItemId, agendaItemId)).orderBy(asc(allocations.slot), asc(allocations.version));
  return rows as StoredAllocation[];
}

/**
 * The current version of each allocation the viewer may see on the meeting (or one item of it):
 * the newest version per slot, left out when it is a withdrawal.
 */
export async function visibleAllocations(db: Db, viewer: Viewer, meetingId: number, itemNumber?: string): Promise<AttachedAllocation[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select a.id, a.agenda_item_id, a.slot, a.version, a.title, a.kind, a.population_period, a.inputs, a.result, a.withdrawn,
               a.created_at::text as created_at, a.created_by, i.meeting_id, i.number as item_number, i.title as item_title
          from allocations a
          join agenda_items i on i.id = a.agenda_item_id
          join meetings m on m.id = i.meeting_id
         where i.meeting_id = ${meetingId} and ${visibleItems(viewer, 'i')} and ${visibleMeetings(viewer, 'm')}
           ${itemNumber === undefined ? sql`` : sql`and i.number = ${itemNumber}`}
           and a.version = (select max(b.version) from allocations b where b.agenda_item_id = a.agenda_item_id and b.slot = a.slot)
           and not a.withdrawn
         order by i.position, a.slot`,
  );
  return rows.map((r) => ({
    id: r.id as number,
    agendaItemId: r.agenda_item_id as number,
    slot: r.slot as number,
    version: r.version as number,
    title: r.title as string,
    kind: r.kind as AllocationInputs['kind'],
    populationPeriod: (r.population_period as string | null) ?? null,
    inputs: r.inputs as AllocationInputs,
    result: r.result as AllocationResult,
    withdrawn: r.withdrawn as boolean,
    createdAt: r.created_at as string,
    createdBy: r.created_by as string,
    meetingId: r.meeting_id as number,
    itemNumber: r.item_number as string,
    itemTitle: r.item_title as string,
  }));
}
