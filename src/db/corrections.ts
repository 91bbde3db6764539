/**
 * @module The corrections kept for a meeting document (`document_corrections`): found for an
 * incoming import — by its file (the same bytes imported before) or else by where it would be
 * stored (organisation, date, kind) — so storeDocument applies them to every import, and new
 * ones recorded in the import's transaction. A withdrawn correction stays on record, unused.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { CorrectionOp } from '../import/corrections.js';
import type { MeetingDocument } from '../model/index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { organizationSlug } from './organizations.js';
import { queryRows } from './rows.js';
import { documentCorrections } from './schema.js';
import { forget, remembered } from './tx-cache.js';

/** The transaction's remembered answer (tx-cache.ts) that the archive holds no live correction; recording one forgets it. */
const NO_CORRECTIONS_KEY = 'no-live-corrections';

export interface KeptCorrections {
  /** The meeting document they were made on, or null when none fits the import. */
  documentId: number | null;
  ops: CorrectionOp[];
}

/** Whether the archive holds any live correction at all. */
async function anyLiveCorrection(tx: Tx | Db): Promise<boolean> {
  const [any] = await tx.select({ id: documentCorrections.id }).from(documentCorrections).where(isNull(documentCorrections.withdrawnAt)).limit(1);
  return any !== undefined;
}

/** The live corrections that belong to an import of `doc` (as read, uncorrected) from a file with this hash. */
export async function keptCorrectionsFor(tx: Tx | Db, doc: MeetingDocument, sha256: string): Promise<KeptCorrections> {
  // An archive without corrections (the common case on a bulk import) costs one tiny query.
  if (!(await anyLiveCorrection(tx))) return { documentId: null, ops: [] };
  return correctionsFitting(tx, doc, sha256);
}

/**
 * keptCorrectionsFor inside a store's transaction: whether any correction exists is asked once for
 * the transaction (a batch's documents, store-batch.ts); recording one forgets the answer.
 */
export async function keptCorrectionsInStore(tx: Tx, doc: MeetingDocument, sha256: string): Promise<KeptCorrections> {
  const none = await remembered(tx, NO_CORRECTIONS_KEY, async () => !(await anyLiveCorrection(tx)));
  return none ? { documentId: null, ops: [] } : correctionsFitting(tx, doc, sha256);
}

/** The corrections of the document an import of `doc` from a file with this hash belongs to. */
async function correctionsFitting(tx: Tx | Db, doc: MeetingDocument, sha256: string): Promise<KeptCorrections> {
  // The same file first: its corrections may have moved it (another date or organisation).
  const [byFile] = await queryRows<{ id: number }>(
    tx,
    sql`select d.id from meeting_documents d join meetings m on m.id = d.meeting_id
        join document_versions v on v.document_id = d.id join files f on f.id = v.file_id
        where f.sha256 = ${sha256} and d.kind = ${doc.kind} and m.deleted_at is null
          and exists (select 1 from document_corrections c where c.document_id = d.id and c.withdrawn_at is null)
        order by v.id desc limit 1`,
  );
  let documentId = byFile?.id ?? null;
  if (documentId === null && doc.body !== null && doc.date !== null) {
    // A changed file of the same meeting: where it would be stored.
    const [byPlace] = await queryRows<{ id: number }>(
      tx,
      sql`select d.id from meeting_documents d join meetings m on m.id = d.meeting_id join organizations o on o.id = m.organization_id
          where o.slug = ${organizationSlug(doc.body, doc.authority)} and m.date = ${doc.date} and d.kind = ${doc.kind} and m.deleted_at is null`,
    );
    documentId = byPlace?.id ?? null;
  }
  if (documentId === null) return { documentId: null, ops: [] };
  return { documentId, ops: await liveCorrections(tx, documentId) };
}

/** A document's live corrections, oldest first (each applies to the result of those before). */
export async function liveCorrections(tx: Tx | Db, documentId: number): Promise<CorrectionOp[]> {
  const rows = await tx
    .select({ op: documentCorrections.op })
    .from(documentCorrections)
    .where(and(eq(documentCorrections.documentId, documentId), isNull(documentCorrections.withdrawnAt)))
    .orderBy(asc(documentCorrections.id));
  // A row no release understands any more is skipped rather than failing every import of the meeting.
  return rows.flatMap((r) => {
    const parsed = CorrectionOp.safeParse(r.op);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Records ops on a document, in order. */
export async function recordCorrections(tx: Tx, documentId: number, ops: readonly CorrectionOp[], createdBy: string): Promise<void> {
  if (ops.length === 0) return;
  forget(tx, NO_CORRECTIONS_KEY);
  await tx.insert(documentCorrections).values(ops.map((op) => ({ documentId, op: op as never, createdBy })));
}
