/**
 * @module Storing a document written in Referat (the workspace) as a new version of its meeting's
 * document: the same rules as an import (src/db/store.ts) — never an overwrite, one transaction,
 * the projection rebuilt — without an original file. A written version is always current: the
 * secretary chose it. Publishing the same content again is a no-op.
 */
import { eq, sql } from 'drizzle-orm';
import { compareVersions, describeChange, MeetingDocument } from '../model/index.js';
import type { Tx } from './content.js';
import { projectMeeting } from './projection.js';
import { documentVersions, meetingDocuments } from './schema.js';
import { currentVersion, ensureDocument, findOrCreateMeeting, nextVersion, sameContent, withoutNul, type StoreResult } from './store.js';

/** Corrections are of imports; a written document is corrected by writing it. */
const NO_CORRECTIONS = { applied: 0, stale: [] };

export interface WrittenOptions {
  /** The organisation the document is written for (its body name is the organisation's). */
  organizationId: number;
  /** Who publishes: the account's e-mail. */
  createdBy: string;
  /** Why a published document was changed, shown as "Rettet …" (required by the workspace for a second version). */
  note?: string | null;
}

/** Stores a written document as a new current version inside the caller's transaction. */
export async function storeWrittenDocument(tx: Tx, input: MeetingDocument, options: WrittenOptions): Promise<StoreResult> {
  const doc = MeetingDocument.parse({ ...(withoutNul(input) as object), source: null });
  if (doc.date === null) throw new Error('A written document needs its meeting date before it is stored.');
  const meetingId = await findOrCreateMeeting(tx, doc, options.organizationId, '');
  const documentId = await ensureDocument(tx, meetingId, doc.kind);
  const current = await currentVersion(tx, documentId);
  if (current && sameContent(current.model, doc)) {
    return { status: 'unchanged', meetingId, documentId, versionId: current.id, version: current.version, fileId: current.file_id, change: null, corrections: NO_CORRECTIONS };
  }
  const change = current ? compareVersions(current.model, doc) : null;
  const next = await nextVersion(tx, documentId);
  const [row] = await tx
    .insert(documentVersions)
    .values({ documentId, version: next, createdBy: options.createdBy, source: 'written', fileId: null, format: null, model: doc, change, note: options.note ?? null })
    .returning({ id: documentVersions.id });
  await tx.update(meetingDocuments).set({ currentVersionId: row!.id, modifiedAt: sql`now()` }).where(eq(meetingDocuments.id, documentId));
  await projectMeeting(tx, meetingId, { versionId: row!.id, model: doc });
  return { status: current ? 'updated' : 'imported', meetingId, documentId, versionId: row!.id, version: next, fileId: null, change: change ? describeChange(change) : null, corrections: NO_CORRECTIONS };
}
