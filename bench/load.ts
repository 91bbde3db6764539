/**
 * @module Bulk loading of the synthetic corpus: the same row builders as `storeDocument`
 * (content.ts), but many documents per transaction and multi-row statements per table, so
 * 200,000 items load in minutes. Participations are skipped (search does not read them), and the
 * stored model keeps the meeting's fields without items (search never reads the model).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { childValues, ensureCases, itemValues } from '../src/db/content.js';
import { hasClosedContent } from '../src/db/public.js';
import { agendaItems, attachments, bodies, documents, meetings, sections } from '../src/db/schema.js';
import { slugify } from '../src/db/store.js';
import type { MeetingDocument } from '../src/model/index.js';

/** Rows per INSERT: stays under PostgreSQL's 65,535 parameters for the widest table. */
const CHUNK = 2000;

/** Inserts a batch of documents (one meeting each) in one transaction; returns the items written. */
export async function loadBatch(db: Db, docs: MeetingDocument[], firstId: number): Promise<number> {
  return db.transaction(async (tx) => {
    const names = [...new Set(docs.map((d) => d.body!))];
    await tx
      .insert(bodies)
      .values(names.map((name) => ({ name, slug: slugify(name) })))
      .onConflictDoNothing();
    const bodyRows = await tx.select({ id: bodies.id, name: bodies.name }).from(bodies);
    const bodyId = new Map(bodyRows.map((b) => [b.name, b.id]));

    const meetingRows = await tx
      .insert(meetings)
      .values(docs.map((d) => ({ bodyId: bodyId.get(d.body!)!, date: d.date, startTime: d.startTime, location: d.location, status: 'held' as const })))
      .onConflictDoNothing()
      .returning({ id: meetings.id, bodyId: meetings.bodyId, date: meetings.date });
    const meetingId = new Map(meetingRows.map((m) => [`${m.bodyId}/${m.date}`, m.id]));
    const live = docs.filter((d) => meetingId.has(`${bodyId.get(d.body!)}/${d.date}`));

    const docRows = await tx
      .insert(documents)
      .values(
        live.map((d, i) => ({
          meetingId: meetingId.get(`${bodyId.get(d.body!)}/${d.date}`)!,
          kind: d.kind,
          fileName: `synthetic-${firstId + i}.txt`,
          format: 'text',
          sha256: `synthetic-${firstId + i}`,
          original: new TextEncoder().encode(`synthetic document ${firstId + i}`),
          model: { ...d, items: [] },
          hasClosedContent: hasClosedContent(d),
        })),
      )
      .returning({ id: documents.id, meetingId: documents.meetingId });

    const caseIds = await ensureCases(tx, live.flatMap((d) => d.items.map((i) => i.caseNumber)));
    const itemRows = live.flatMap((d, i) =>
      itemValues(d, { documentId: docRows[i]!.id, meetingId: docRows[i]!.meetingId, bodyId: bodyId.get(d.body!)! }, caseIds),
    );
    const itemIds: Array<{ id: number; documentId: number; position: number }> = [];
    for (let i = 0; i < itemRows.length; i += CHUNK) {
      itemIds.push(
        ...(await tx
          .insert(agendaItems)
          .values(itemRows.slice(i, i + CHUNK))
          .returning({ id: agendaItems.id, documentId: agendaItems.documentId, position: agendaItems.position })),
      );
    }
    const idOf = new Map(itemIds.map((r) => [`${r.documentId}/${r.position}`, r.id]));
    const children = live.map((d, i) => childValues(d, (p) => idOf.get(`${docRows[i]!.id}/${p}`)!));
    const sectionRows = children.flatMap((c) => c.sectionRows);
    const attachmentRows = children.flatMap((c) => c.attachmentRows);
    for (let i = 0; i < sectionRows.length; i += CHUNK) await tx.insert(sections).values(sectionRows.slice(i, i + CHUNK));
    for (let i = 0; i < attachmentRows.length; i += CHUNK) await tx.insert(attachments).values(attachmentRows.slice(i, i + CHUNK));
    return itemRows.length;
  });
}

/** Items stored in all, for resuming or reusing a corpus. */
export async function itemCount(db: Db): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from agenda_items`)) as unknown as { rows: Array<{ n: number }> };
  return result.rows[0]?.n ?? 0;
}
