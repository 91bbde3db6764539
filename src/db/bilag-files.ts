/**
 * @module Bilag files: the `files` rows (OParl File) of bilag whose bytes the archive holds, written
 * by the projection, and read back for a viewer — the list a page links, and one file's bytes.
 * A bilag's file may be read only through a live attachment of a current item the viewer may read
 * (never by its file row alone: a row stays when a later version closes the bilag).
 */
import { inArray, sql } from 'drizzle-orm';
import { bilagFileName, type StoredBilag } from '../archive/bilag.js';
import { mediaTypeOf, type AccessLevel, type Attachment, type Viewer } from '../model/index.js';
import type { Db } from './client.js';
import type { Tx } from './content.js';
import { queryRows } from './rows.js';
import { blobs, files } from './schema.js';
import { visibleItems, visibleMeetings, visibleTo } from './visibility.js';

/** What the projection knows of one bilag row: its bytes' hash (if any), title and effective level. */
export interface BilagWanted {
  attachment: Attachment;
  itemNumber: string;
  access: AccessLevel;
}

const key = (sha256: string, name: string, access: AccessLevel) => `${sha256}\u0000${name}\u0000${access}`;

/** What the bytes are, told in the database from their first bytes and ZIP entry names (as checkBilag does on upload). */
async function sniffFormats(tx: Tx, hashes: string[]): Promise<Map<string, string | null>> {
  if (hashes.length === 0) return new Map();
  const rows = await queryRows<{ sha256: string; format: string | null }>(
    tx,
    sql`select sha256, case
          when substring(bytes from 1 for 5) = decode('255044462d', 'hex') then 'pdf'
          when substring(bytes from 1 for 4) = decode('504b0304', 'hex') and position(convert_to('word/document.xml', 'UTF8') in bytes) > 0
            and position(convert_to('[Content_Types].xml', 'UTF8') in bytes) > 0 then 'docx'
          else null end as format
        from ${blobs} where sha256 in (${sql.join(hashes.map((h) => sql`${h}`), sql`, `)})`,
  );
  return new Map(rows.map((r) => [r.sha256, r.format]));
}

/**
 * The file id of each bilag (null without stored bytes), reusing a `files` row with the same bytes,
 * name and level, adding one otherwise; and a warning for each bilag whose bytes are missing.
 * The bytes are read (to tell their type) only for a file row not seen before.
 */
export async function bilagFileIds(tx: Tx, wanted: readonly BilagWanted[]): Promise<{ ids: Array<number | null>; warnings: string[] }> {
  const hashes = [...new Set(wanted.map((w) => w.attachment.sha256).filter((h): h is string => !!h))];
  if (hashes.length === 0) return { ids: wanted.map(() => null), warnings: [] };
  const existing = await tx
    .select({ id: files.id, sha256: files.sha256, name: files.name, access: files.access, mediaType: files.mediaType })
    .from(files)
    .where(inArray(files.sha256, hashes))
    .orderBy(files.id);
  const byKey = new Map<string, number>();
  const typeOf = new Map<string, string>();
  for (const f of existing) {
    if (!byKey.has(key(f.sha256, f.name, f.access))) byKey.set(key(f.sha256, f.name, f.access), f.id);
    typeOf.set(f.sha256, f.mediaType);
  }
  // The size column only: the bytes stay unread.
  const sizes = new Map((await tx.select({ sha256: blobs.sha256, size: blobs.size }).from(blobs).where(inArray(blobs.sha256, hashes))).map((b) => [b.sha256, b.size]));
  const fresh = wanted.filter((w) => w.attachment.sha256 && sizes.has(w.attachment.sha256) && !byKey.has(key(w.attachment.sha256, bilagFileName(w.attachment), w.access)));
  const formats = await sniffFormats(tx, [...new Set(fresh.map((w) => w.attachment.sha256!))].filter((h) => !typeOf.has(h)));
  for (const [sha256, format] of formats) typeOf.set(sha256, format ? mediaTypeOf(format) : 'application/octet-stream');

  const warnings: string[] = [];
  const ids: Array<number | null> = [];
  for (const w of wanted) {
    const sha256 = w.attachment.sha256;
    const size = sha256 ? sizes.get(sha256) : undefined;
    if (!sha256 || size === undefined) {
      if (sha256) warnings.push(`Bilag "${w.attachment.title}" of item ${w.itemNumber} names bytes the archive does not hold (SHA-256 ${sha256.slice(0, 12)}…): listed without a download.`);
      ids.push(null);
      continue;
    }
    const name = bilagFileName(w.attachment);
    const k = key(sha256, name, w.access);
    let id = byKey.get(k);
    if (id === undefined) {
      const [row] = await tx.insert(files).values({ sha256, name, mediaType: typeOf.get(sha256)!, size, access: w.access }).returning({ id: files.id });
      id = row!.id;
      byKey.set(k, id);
    }
    ids.push(id);
  }
  return { ids, warnings };
}

/** Live bilag rows of current items the viewer may read, with their files (aliases a, f, i, m). */
const readableBilag = (viewer: Viewer) =>
  sql`attachments a join files f on f.id = a.file_id join agenda_items i on i.id = a.item_id join meetings m on m.id = i.meeting_id
      where ${visibleItems(viewer, 'i')} and ${visibleMeetings(viewer, 'm')} and ${visibleTo(viewer, 'a.access', 'i.organization_id')}
        and ${visibleTo(viewer, 'f.access', 'i.organization_id')}`;

/** The stored bilag files of a meeting's items (or one item's) that the viewer may download, in agenda order. */
export function storedBilag(db: Db, viewer: Viewer, meetingId: number, itemNumber?: string): Promise<StoredBilag[]> {
  return queryRows<StoredBilag>(
    db,
    sql`select i.number as "itemNumber", f.sha256, f.name, f.id as "fileId", f.media_type as "mediaType", f.size, a.access
        from ${readableBilag(viewer)} and i.meeting_id = ${meetingId} ${itemNumber === undefined ? sql`` : sql`and i.number = ${itemNumber}`}
        order by i.position, a.position`,
  );
}

/** A bilag file's bytes, when a bilag the viewer may read names it; else null (never saying whether it exists). */
export async function readBilagFile(db: Db, viewer: Viewer, fileId: number): Promise<{ fileName: string; contentType: string; bytes: Uint8Array; access: AccessLevel } | null> {
  const [row] = await queryRows<{ name: string; media_type: string; access: AccessLevel; bytes: Uint8Array }>(
    db,
    sql`select f.name, f.media_type, f.access, b.bytes from files f join blobs b on b.sha256 = f.sha256
        where f.id = ${fileId} and exists (select 1 from ${readableBilag(viewer)} and a.file_id = ${fileId})`,
  );
  if (!row) return null;
  return { fileName: row.name, contentType: row.media_type, bytes: new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength), access: row.access };
}
