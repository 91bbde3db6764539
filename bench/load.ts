/**
 * @module Bulk loading of the public part's synthetic meetings (public.ts; search uses the
 * national corpus, national/) into the process model: the same row builders as
 * `storeDocument`'s projection (`itemValues`, `childValues`, `ensurePapers` of content.ts, the
 * access levels of archive/view.ts), but many documents per transaction and multi-row statements
 * per table. Each document becomes a meeting with one document
 * and one version (version 1, current) over its own file; the rows are what the projection would
 * write, marked as projected by today's code. Participations, memberships and case titles are
 * skipped (search does not read them).
 */
import { sql } from 'drizzle-orm';
import { documentLevel, itemLevels } from '../src/archive/view.js';
import type { Db } from '../src/db/client.js';
import { childValues, ensurePapers, itemValues } from '../src/db/content.js';
import { organizationSlug } from '../src/db/organizations.js';
import { PROJECTION_VERSION } from '../src/db/projection.js';
import { agendaItems, attachments, blobs, documentVersions, files, locations, meetingDocuments, meetings, organizations, sections } from '../src/db/schema.js';
import { sha256Hex } from '../src/db/store.js';
import { copenhagenToday, mediaTypeOf, meetingStatusOf, organizationKindOf } from '../src/model/index.js';
import type { MeetingDocument } from '../src/model/index.js';

/** Rows per INSERT: stays under PostgreSQL's 65,535 parameters (items carry one per section for typed_tsv). */
const CHUNK = 1000;

/** Multi-row inserts in chunks, returning what each chunk returns. */
async function inChunks<T, R>(rows: T[], insert: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(...(await insert(rows.slice(i, i + CHUNK))));
  return out;
}

const list = (ids: number[]) => sql.join(ids.map((id) => sql`${id}`), sql`, `);

/** Inserts a batch of documents (one meeting each) in one transaction; returns the items written. */
export async function loadBatch(db: Db, docs: MeetingDocument[], firstId: number): Promise<number> {
  const today = copenhagenToday();
  return db.transaction(async (tx) => {
    // Organisations and meeting places, created on first sight.
    const orgs = new Map(docs.map((d) => [organizationSlug(d.body!, d.authority), d.body!]));
    await tx
      .insert(organizations)
      .values([...orgs].map(([slug, name]) => ({ slug, name, kind: organizationKindOf(name) })))
      .onConflictDoNothing({ target: organizations.slug });
    const orgRows = await tx.select({ id: organizations.id, slug: organizations.slug }).from(organizations);
    const orgId = new Map(orgRows.map((o) => [o.slug, o.id]));
    const organizationOf = (d: MeetingDocument) => orgId.get(organizationSlug(d.body!, d.authority))!;

    const places = [...new Set(docs.map((d) => d.location).filter((l): l is string => l !== null))];
    if (places.length > 0) {
      await tx.insert(locations).values(places.map((description) => ({ description, online: false }))).onConflictDoNothing({ target: locations.description });
    }
    const placeRows = await tx.select({ id: locations.id, description: locations.description }).from(locations);
    const placeId = new Map(placeRows.map((p) => [p.description, p.id]));

    // One meeting per organisation and date: a date already loaded (a resumed run) is skipped.
    const key = (organizationId: number, date: string | null) => `${organizationId}/${date}`;
    const unique = [...new Map(docs.map((d) => [key(organizationOf(d), d.date), d])).values()];
    const meetingRows = await tx
      .insert(meetings)
      .values(
        unique.map((d) => ({
          organizationId: organizationOf(d),
          date: d.date,
          startTime: d.startTime,
          endTime: d.endTime,
          locationId: d.location ? (placeId.get(d.location) ?? null) : null,
          online: d.online,
          attendanceNote: d.attendanceNote,
          status: meetingStatusOf([d.kind], d.date, today),
          access: d.access,
          projection: PROJECTION_VERSION,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: meetings.id, organizationId: meetings.organizationId, date: meetings.date });
    const meetingId = new Map(meetingRows.map((m) => [key(m.organizationId!, m.date), m.id]));
    const live = unique
      .filter((d) => meetingId.has(key(organizationOf(d), d.date)))
      .map((d, i) => {
        const bytes = new TextEncoder().encode(`synthetic document ${firstId + i}`);
        const source = { fileName: `synthetic-${firstId + i}.txt`, format: 'text', sha256: sha256Hex(bytes) };
        return { doc: { ...d, source }, bytes, meetingId: meetingId.get(key(organizationOf(d), d.date))!, organizationId: organizationOf(d) };
      });
    if (live.length === 0) return 0;

    // The original files, stored once by hash, each at least as restricted as its content.
    await tx
      .insert(blobs)
      .values(live.map((l) => ({ sha256: l.doc.source.sha256, bytes: l.bytes, size: l.bytes.byteLength })))
      .onConflictDoNothing();
    const fileRows = await tx
      .insert(files)
      .values(
        live.map((l) => ({
          sha256: l.doc.source.sha256,
          name: l.doc.source.fileName,
          mediaType: mediaTypeOf('text'),
          size: l.bytes.byteLength,
          access: documentLevel(l.doc),
        })),
      )
      .returning({ id: files.id });

    // Each meeting's one document and its first version, made current.
    const documentRows = await tx
      .insert(meetingDocuments)
      .values(live.map((l) => ({ meetingId: l.meetingId, kind: l.doc.kind })))
      .returning({ id: meetingDocuments.id });
    const versionRows = await inChunks(live.map((l, i) => ({ l, i })), (chunk) =>
      tx
        .insert(documentVersions)
        .values(
          chunk.map(({ l, i }) => ({
            documentId: documentRows[i]!.id,
            version: 1,
            createdBy: 'import (bench)',
            source: 'file' as const,
            fileId: fileRows[i]!.id,
            format: 'text',
            model: l.doc,
          })),
        )
        .returning({ id: documentVersions.id }),
    );
    const documentIds = documentRows.map((r) => r.id);
    await tx.execute(sql`
      update meeting_documents d set current_version_id = v.id from document_versions v
      where v.document_id = d.id and d.id in (${list(documentIds)})`);
    await tx.execute(sql`
      update meetings m set current_version_id = d.current_version_id from meeting_documents d
      where d.meeting_id = m.id and d.id in (${list(documentIds)})`);

    // The projection: items with their search text at their level, then sections and bilag.
    const paperIds = await ensurePapers(tx, live.flatMap((l) => l.doc.items.map((i) => i.caseNumber)));
    const levels = live.map((l) => itemLevels(l.doc));
    const itemRows = live.flatMap((l, d) => {
      const target = { meetingId: l.meetingId, versionId: versionRows[d]!.id, organizationId: l.organizationId };
      return l.doc.items.map((item, position) => itemValues(l.doc, item, position, levels[d]!.get(item.number) ?? 'public', target, paperIds));
    });
    const itemIds = await inChunks(itemRows, (chunk) =>
      tx.insert(agendaItems).values(chunk).returning({ id: agendaItems.id, meetingId: agendaItems.meetingId, position: agendaItems.position }),
    );
    const idOf = new Map(itemIds.map((r) => [`${r.meetingId}/${r.position}`, r.id]));
    const children = live.map((l, d) => childValues(l.doc, levels[d]!, (p) => idOf.get(`${l.meetingId}/${p}`)!));
    const sectionRows = children.flatMap((c) => c.sectionRows);
    const attachmentRows = children.flatMap((c) => c.attachmentRows);
    for (let i = 0; i < sectionRows.length; i += CHUNK) await tx.insert(sections).values(sectionRows.slice(i, i + CHUNK));
    for (let i = 0; i < attachmentRows.length; i += CHUNK) await tx.insert(attachments).values(attachmentRows.slice(i, i + CHUNK));
    return itemRows.length;
  });
}

/** Live items stored in all, for resuming or reusing a corpus. */
export async function itemCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from agenda_items where deleted_at is null`)) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]?.n ?? 0;
}
