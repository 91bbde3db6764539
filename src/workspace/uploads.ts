/**
 * @module Uploaded bilag: the type is told from the bytes, never from the name or the browser's
 * word for it (a renamed program is not a PDF); the size is bounded; the bytes are stored once by
 * SHA-256 (the `blobs` table), so the same bilag uploaded twice is one blob.
 */
import { sha256Hex } from '../db/store.js';
import type { Tx } from '../db/content.js';
import { blobs } from '../db/schema.js';
import { megabytes } from './pages/errors.js';

export type BilagFormat = 'pdf' | 'docx';

export const BILAG_MEDIA_TYPES: Record<BilagFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export type UploadCheck = { ok: true; format: BilagFormat; mediaType: string } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4

/** Whether a ZIP archive names an entry (the central directory holds every name in plain bytes). */
function zipHasEntry(bytes: Uint8Array, name: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(name, 'latin1'));
}

/** The bilag's format from its content, or why it is refused (Danish, naming the file). */
export function checkBilag(bytes: Uint8Array, fileName: string, maxBytes: number): UploadCheck {
  const name = fileName.trim() || 'Filen';
  if (bytes.byteLength === 0) return { ok: false, message: `${name} er tom.` };
  if (bytes.byteLength > maxBytes) return { ok: false, message: `${name} fylder ${megabytes(bytes.byteLength)}; et bilag må højst fylde ${megabytes(maxBytes)}.` };
  if (startsWith(bytes, PDF_MAGIC)) return { ok: true, format: 'pdf', mediaType: BILAG_MEDIA_TYPES.pdf };
  if (startsWith(bytes, ZIP_MAGIC) && zipHasEntry(bytes, '[Content_Types].xml') && zipHasEntry(bytes, 'word/document.xml')) {
    return { ok: true, format: 'docx', mediaType: BILAG_MEDIA_TYPES.docx };
  }
  return { ok: false, message: `${name} er hverken en PDF- eller en Word-fil (DOCX). Bilag skal være PDF eller DOCX.` };
}

/** Stores the bytes once by hash (inside the caller's transaction); returns the SHA-256. */
export async function storeBlob(tx: Pick<Tx, 'insert'>, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Hex(bytes);
  await tx.insert(blobs).values({ sha256, bytes, size: bytes.byteLength }).onConflictDoNothing();
  return sha256;
}
