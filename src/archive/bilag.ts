/**
 * @module Bilag whose bytes the archive holds (uploaded in the workspace): how a bilag names its
 * file, and which stored file a bilag of a viewed item is. Pure; shared by the projection (which
 * writes the `files` rows) and the pages (which link them).
 */
import type { AccessLevel, Attachment } from '../model/index.js';

/** A bilag's stored file as one viewer may download it (only readable ones are ever listed). */
export interface StoredBilag {
  itemNumber: string;
  sha256: string;
  /** The file's name: the bilag's file name, else its title. */
  name: string;
  fileId: number;
  mediaType: string;
  size: number;
  /** The bilag's effective level: the stricter of its own and its item's. */
  access: AccessLevel;
}

/** The name a bilag's file is stored and downloaded under. */
export function bilagFileName(a: Pick<Attachment, 'fileName' | 'title'>): string {
  return a.fileName?.trim() || a.title.trim() || 'bilag';
}

/** The stored file of a bilag of the item numbered `itemNumber`, when the viewer may download it. */
export function storedBilagOf(itemNumber: string, a: Attachment, stored: readonly StoredBilag[] | undefined): StoredBilag | null {
  if (!a.sha256 || !stored) return null;
  const name = bilagFileName(a);
  return stored.find((s) => s.itemNumber === itemNumber && s.sha256 === a.sha256 && s.name === name) ?? null;
}
