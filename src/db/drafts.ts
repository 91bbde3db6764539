/**
 * @module Drafts (src/workspace): meeting documents being written. A draft is saved whole, with a
 * revision that must match the one the form was opened on — a save over a newer draft is refused
 * (DraftConflict) instead of undoing someone's edit. Publishing stores the draft as a new
 * document version (db/store-written.ts) and notes it on the draft, in one transaction with the
 * audit row. Drafts are never shown outside the workspace.
 */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { MeetingDocument, upgradeStoredModel } from '../model/index.js';
import { writeAudit, type Actor } from './audit.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { drafts, DRAFT_KINDS } from './schema.js';
import { storeWrittenDocument } from './store-written.js';
import type { StoreResult } from './store.js';

export type DraftKind = (typeof DRAFT_KINDS)[number];

export interface Draft {
  id: number;
  organizationId: number;
  meetingId: number | null;
  kind: DraftKind;
  model: MeetingDocument;
  revision: number;
  publishedVersionId: number | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

/** The draft was saved by someone else since the form was opened (Danish message, shown as is). */
export class DraftConflict extends Error {
  override name = 'DraftConflict';
  constructor(readonly current: number) {
    super('Kladden er ændret af en anden, siden du åbnede den. Dine ændringer er ikke gemt; åbn kladden igen.');
  }
}

const actorName = (actor: Actor) => (actor.kind === 'user' ? actor.email : 'cli');

type Row = typeof drafts.$inferSelect;
function toDraft(row: Row): Draft {
  const raw = typeof row.model === 'string' ? JSON.parse(row.model) : row.model;
  return {
    id: row.id,
    organizationId: row.organizationId,
    meetingId: row.meetingId,
    kind: row.kind,
    model: MeetingDocument.parse(upgradeStoredModel(raw)),
    revision: row.revision,
    publishedVersionId: row.publishedVersionId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

export async function createDraft(
  db: Db,
  actor: Actor,
  input: { organizationId: number; kind: DraftKind; model: MeetingDocument; meetingId?: number | null },
): Promise<Draft> {
  const model = MeetingDocument.parse(input.model);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(drafts)
      .values({ organizationId: input.organizationId, kind: input.kind, meetingId: input.meetingId ?? null, model, updatedBy: actorName(actor) })
      .returning();
    await writeAudit(tx, actor, 'draft.create', `draft:${row!.id}`, { kind: input.kind, date: model.date });
    return toDraft(row!);
  });
}

export async function getDraft(db: Db | Tx, id: number): Promise<Draft | null> {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.id, id), isNull(drafts.deletedAt)));
  return row ? toDraft(row) : null;
}

/** The live draft of a meeting's agenda or minutes, if any. */
export async function draftForMeeting(db: Db, meetingId: number, kind: DraftKind): Promise<Draft | null> {
  const [row] = await db.select().from(drafts).where(and(eq(drafts.meetingId, meetingId), eq(drafts.kind, kind), isNull(drafts.deletedAt)));
  return row ? toDraft(row) : null;
}

/** An organisation's live drafts, the latest edited first. */
export async function listDrafts(db: Db, organizationId: number): Promise<Draft[]> {
  const rows = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.organizationId, organizationId), isNull(drafts.deletedAt)))
    .orderBy(desc(drafts.updatedAt), desc(drafts.id));
  return rows.map(toDraft);
}

/** Saves the whole model when `revision` is the draft's current one; returns the saved draft. */
export async function saveDraft(db: Db, actor: Actor, id: number, revision: number, model: MeetingDocument, action = 'draft.save'): Promise<Draft> {
  const valid = MeetingDocument.parse(model);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(drafts)
      .set({ model: valid, revision: sql`${drafts.revision} + 1`, updatedAt: sql`now()`, updatedBy: actorName(actor) })
      .where(and(eq(drafts.id, id), eq(drafts.revision, revision), isNull(drafts.deletedAt)))
      .returning();
    if (!row) {
      const now = await getDraft(tx, id);
      if (!now) throw new Error(`No draft ${id}.`);
      throw new DraftConflict(now.revision);
    }
    await writeAudit(tx, actor, action, `draft:${id}`, { revision: row.revision });
    return toDraft(row);
  });
}

/** Removes a draft from the workspace (kept on record); a published draft's versions stay. */
export async function deleteDraft(db: Db, actor: Actor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(drafts).set({ deletedAt: sql`now()` }).where(eq(drafts.id, id));
    await writeAudit(tx, actor, 'draft.delete', `draft:${id}`);
  });
}

/**
 * Publishes the draft at `revision` as a new version of its meeting's document (agenda or minutes),
 * with the "Rettet" note when it corrects an earlier publication. One transaction: the version,
 * the projection, the draft's link to its meeting and version, and the audit row.
 */
export async function publishDraft(db: Db, actor: Actor, id: number, revision: number, note: string | null = null): Promise<StoreResult> {
  return db.transaction(async (tx) => {
    const draft = await getDraft(tx, id);
    if (!draft) throw new Error(`No draft ${id}.`);
    if (draft.revision !== revision) throw new DraftConflict(draft.revision);
    const result = await storeWrittenDocument(tx, draft.model, { organizationId: draft.organizationId, createdBy: actorName(actor), note });
    await tx.update(drafts).set({ meetingId: result.meetingId, publishedVersionId: result.versionId }).where(eq(drafts.id, id));
    await writeAudit(tx, actor, 'draft.publish', `draft:${id}`, { meetingId: result.meetingId, kind: draft.model.kind, version: result.version, status: result.status, note });
    return result;
  });
}
