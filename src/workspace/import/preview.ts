/**
 * @module A preview of an upload: the file read again by the importer, the corrections kept for
 * its meeting document (as storeDocument will apply them), and this preview's own on top. The file
 * is read on a worker thread under a time bound and a memory limit (importBytesIsolated): an
 * upload made to hang the reader is refused, and the server keeps serving meanwhile.
 */
import type { Db } from '../../db/client.js';
import { keptCorrectionsFor } from '../../db/corrections.js';
import { applyCorrections, type CorrectionOp, type StaleCorrection } from '../../import/corrections.js';
import type { ImportedFile } from '../../import/index.js';
import type { Line } from '../../import/line.js';
import { importBytesIsolated } from '../../import/parse-pool.js';
import type { MeetingDocument } from '../../model/index.js';

export interface Preview {
  imported: ImportedFile;
  /** Corrections saved before, applied to this import, and those that no longer fit it. */
  kept: { applied: CorrectionOp[]; stale: StaleCorrection[] };
  /** The document as it will be stored: read, kept corrections, this preview's corrections. */
  doc: MeetingDocument;
  /** The reader's lines (null for case-system XML, which has no running text). */
  lines: Line[] | null;
  /** This preview's corrections that do not fit (one undone that a later one relied on). */
  pendingStale: StaleCorrection[];
}

/** Reads the bytes and applies the corrections; throws ImportError for a file the importer refuses. */
export async function buildPreview(db: Db, bytes: Uint8Array, fileName: string, pending: readonly CorrectionOp[]): Promise<Preview> {
  const { lines, ...imported } = await importBytesIsolated(bytes, fileName, { lines: true });
  const kept = await keptCorrectionsFor(db, imported.document, imported.document.source!.sha256);
  const afterKept = applyCorrections(imported.document, kept.ops);
  const afterPending = applyCorrections(afterKept.doc, pending);
  return {
    imported,
    kept: { applied: afterKept.applied, stale: afterKept.stale },
    doc: afterPending.doc,
    lines,
    pendingStale: afterPending.stale,
  };
}
