/**
 * @module Which original files the archive holds, by their SHA-256. The one place outside the
 * storage layer that knows where the hashes of stored files live (`files.sha256`).
 */
import { inArray, notInArray } from 'drizzle-orm';
import type { Db } from './client.js';
import { files } from './schema.js';

/**
 * Of the given file hashes, those stored; and whether any file with another hash is stored.
 * Two small indexed queries, however large the archive.
 */
export async function storedFileHashes(db: Db, hashes: readonly string[]): Promise<{ stored: Set<string>; others: boolean }> {
  const list = [...new Set(hashes)];
  const found = list.length === 0 ? [] : await db.select({ sha256: files.sha256 }).from(files).where(inArray(files.sha256, list));
  const other = await db
    .select({ id: files.id })
    .from(files)
    .where(list.length === 0 ? undefined : notInArray(files.sha256, list))
    .limit(1);
  return { stored: new Set(found.map((row) => row.sha256)), others: other.length > 0 };
}
