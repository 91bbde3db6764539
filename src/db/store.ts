/**
 * @module Storing one imported document: one transaction that finds or creates its body and
 * meeting, replaces any earlier copy (same file, or same body+date+kind), and writes the
 * document's items, sections, bilag, cases, people and participations.
 */
import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { MeetingDocument } from '../model/index.js';
import type { Db } from './client.js';
import { writeContent } from './content.js';
import { slugify } from './names.js';
import { hasClosedContent } from './public.js';
import { agendaItems, bodies, documents, meetings } from './schema.js';

export interface OriginalFile {
  bytes: Uint8Array;
  fileName: string;
  format: string;
}

export type StoreStatus = 'imported' | 'updated';

export interface StoreResult {
  status: StoreStatus;
  meetingId: number;
  documentId: number;
}

export { slugify };

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Hex SHA-256 of a file's bytes: the identity of an imported file. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores a parsed document and its original file in one transaction; see the module comment. */
export async function storeDocument(db: Db, input: MeetingDocument, original: OriginalFile): Promise<StoreResult> {
  // Validate before touching the database: a malformed document must leave nothing behind.
  const sha256 = sha256Hex(original.bytes);
  // PostgreSQL text and jsonb cannot hold NUL, which PDF text layers sometimes contain.
  const doc = MeetingDocument.parse({
    ...(withoutNul(input) as object),
    source: { fileName: original.fileName, format: original.format, sha256 },
  });
  return db.transaction(async (tx) => {
    const bodyId = doc.body ? await ensureBody(tx, doc.body) : null;

    // The same file imported before: drop that copy, remembering its meeting.
    const previous = await tx
      .delete(documents)
      .where(eq(documents.sha256, sha256))
      .returning({ meetingId: documents.meetingId });
    const previousMeetingId = previous[0]?.meetingId ?? null;

    const meetingId = await findOrCreateMeeting(tx, doc, bodyId, previousMeetingId);
    // Another file for the same meeting and kind is replaced by this one.
    const replaced = await tx
      .delete(documents)
      .where(and(eq(documents.meetingId, meetingId), eq(documents.kind, doc.kind)))
      .returning({ id: documents.id });

    const [inserted] = await tx
      .insert(documents)
      .values({
        meetingId,
        kind: doc.kind,
        title: doc.title,
        fileName: original.fileName,
        format: original.format,
        sha256,
        original: original.bytes,
        model: doc,
        hasClosedContent: hasClosedContent(doc),
      })
      .returning({ id: documents.id });
    const documentId = inserted!.id;

    await writeContent(tx, doc, { documentId, meetingId, bodyId });
    await refreshMeeting(tx, meetingId);
    if (previousMeetingId !== null && previousMeetingId !== meetingId) await dropIfEmpty(tx, previousMeetingId);

    const status: StoreStatus = previous.length > 0 || replaced.length > 0 ? 'updated' : 'imported';
    return { status, meetingId, documentId };
  });
}

/** A copy of a JSON value with NUL characters removed from every string. */
function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNul(v)]));
  }
  return value;
}

/** The id of the body with this name's slug, created on first sight. */
async function ensureBody(tx: Tx, name: string): Promise<number> {
  const slug = slugify(name) || 'ukendt';
  await tx.insert(bodies).values({ slug, name }).onConflictDoNothing({ target: bodies.slug });
  const [row] = await tx.select({ id: bodies.id }).from(bodies).where(eq(bodies.slug, slug));
  return row!.id;
}

/** The meeting of the body on the document's date; an undated document keeps its own meeting. */
async function findOrCreateMeeting(
  tx: Tx,
  doc: MeetingDocument,
  bodyId: number | null,
  previousMeetingId: number | null,
): Promise<number> {
  let meetingId: number | null = null;
  if (doc.date !== null) {
    const [row] = await tx
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(bodyId === null ? isNull(meetings.bodyId) : eq(meetings.bodyId, bodyId), eq(meetings.date, doc.date)));
    meetingId = row?.id ?? null;
  } else if (previousMeetingId !== null) {
    const [row] = await tx
      .select({ id: meetings.id, bodyId: meetings.bodyId, date: meetings.date })
      .from(meetings)
      .where(eq(meetings.id, previousMeetingId));
    if (row && row.date === null && row.bodyId === bodyId) meetingId = row.id;
  }
  const fields = {
    startTime: doc.startTime,
    endTime: doc.endTime,
    location: doc.location,
    online: doc.online,
    attendanceNote: doc.attendanceNote,
  };
  if (meetingId === null) {
    const [row] = await tx
      .insert(meetings)
      .values({ bodyId, date: doc.date, status: 'held', ...fields })
      .returning({ id: meetings.id });
    return row!.id;
  }
  // Keep what an earlier document stated when this one is silent.
  const update = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== false));
  if (Object.keys(update).length > 0) await tx.update(meetings).set(update).where(eq(meetings.id, meetingId));
  return meetingId;
}

/** Recomputes a meeting's status and which document's items are its current ones (minutes over agenda). */
async function refreshMeeting(tx: Tx, meetingId: number): Promise<void> {
  const docs = await tx
    .select({ id: documents.id, kind: documents.kind })
    .from(documents)
    .where(eq(documents.meetingId, meetingId));
  const preferred = docs.find((d) => d.kind === 'minutes') ?? docs[0];
  if (!preferred) return;
  // Minutes mean the meeting was held; an agenda alone is planned until its day has passed.
  const status =
    preferred.kind === 'minutes'
      ? sql`'held'`
      : sql`case when ${meetings.date} >= current_date then 'planned' else 'held' end`;
  await tx.update(meetings).set({ status }).where(eq(meetings.id, meetingId));
  await tx
    .update(agendaItems)
    .set({ current: sql`${agendaItems.documentId} = ${preferred.id}` })
    .where(eq(agendaItems.meetingId, meetingId));
}

/** Deletes a meeting left without documents after its only file moved to another meeting. */
async function dropIfEmpty(tx: Tx, meetingId: number): Promise<void> {
  const left = await tx.select({ id: documents.id }).from(documents).where(eq(documents.meetingId, meetingId));
  if (left.length === 0) await tx.delete(meetings).where(inArray(meetings.id, [meetingId]));
}
