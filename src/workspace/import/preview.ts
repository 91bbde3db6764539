/**
 * @module A preview of an upload: the file read again by the importer, the corrections kept for
 * its meeting document (as storeDocument will apply them), and this preview's own on top.
 */
import type { Db } from '../../db/client.js';
import { keptCorrectionsFor } from '../../db/corrections.js';
import { applyCorrections, type CorrectionOp, type StaleCorrection } from '../../import/corrections.js';
import { importBytes, readLines, type ImportedFile } from '../../import/index.js';
import type { Line } from '../../import/line.js';
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

const TEXT_FORMATS = new Set(['pdf', 'docx', 'html', 'text']);

/** Reads the bytes and applies the corrections; throws ImportError for a file the importer refuses. */
export async function buildPreview(db: Db, bytes: Uint8Array, fileName: string, pending: readonly CorrectionOp[]): Promise<Preview> {
  const imported = await importBytes(bytes, fileName);
  const kept = await keptCorrectionsFor(db, imported.document, imported.document.source!.sha256);
  const afterKept = applyCorrections(imported.document, kept.ops);
  const afterPending = applyCorrections(afterKept.doc, pending);
  const lines = TEXT_FORMATS.has(imported.format) ? await readLines(imported.format as 'pdf', bytes, fileName) : null;
  return {
    imported,
    kept: { applied: afterKept.applied, stale: afterKept.stale },
    doc: afterPending.doc,
    lines,
    pendingStale: afterPending.stale,
  };
}
