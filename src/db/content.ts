/**
 * @module The rows a document version projects to: agenda items (matched to their stable ids by
 * number and title), their sections and bilag, and participations. Runs inside the caller's
 * transaction; few, multi-row statements (new items too) so a projection costs a handful of round trips.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import { itemLevels, sectionTextAt } from '../archive/view.js';
import { comparable as comparableTitle, mostRestrictive, type AccessLevel, type AgendaItem, type MeetingDocument, type SectionType } from '../model/index.js';
import { bilagFileIds, type BilagWanted } from './bilag-files.js';
import type { Db } from './client.js';
import { agendaItems, attachments, papers, sections } from './schema.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Where a version's items belong. */
export interface ProjectionTarget {
  meetingId: number;
  versionId: number;
  organizationId: number | null;
}

/** Section types whose text ranks just below the decision (weight C). */
const SUMMARY_TYPES: ReadonlySet<SectionType> = new Set(['summary', 'recommendation']);

interface ExistingItem {
  id: number;
  number: string;
  title: string;
}

/**
 * Pairs each item of the version with the meeting's existing row: same number and title first,
 * then the same title (renumbered), then the same number (retitled). Unpaired rows are removed items.
 */
export function matchItems(items: readonly AgendaItem[], existing: readonly ExistingItem[]): Array<number | null> {
  const free = new Set(existing.map((e) => e.id));
  const result: Array<number | null> = items.map(() => null);
  const pass = (same: (item: AgendaItem, row: ExistingItem) => boolean) => {
    items.forEach((item, i) => {
      if (result[i] !== null) return;
      const row = existing.find((e) => free.has(e.id) && same(item, e));
      if (row) {
        result[i] = row.id;
        free.delete(row.id);
      }
    });
  };
  pass((item, row) => item.number === row.number && comparableTitle(item.title) === comparableTitle(row.title));
  pass((item, row) => comparableTitle(item.title) === comparableTitle(row.title));
  pass((item, row) => item.number === row.number);
  return result;
}

/** The meeting's live items as writeItems left them, so the rest of the projection need not read them back. */
export interface WrittenItems {
  /** Item id by number. */
  byNumber: Map<string, number>;
  /** The ids that stood before this projection: only they can have derived records and corrections. */
  earlier: number[];
  /** A bilag whose stored bytes are missing, one line each. */
  warnings: string[];
  /** The items as written, in order: what refreshApprovals reads (minutes_of is null on a new row). */
  written: Array<{ id: number; number: string; title: string; text: string; minutes_of: null }>;
}

/**
 * Writes the version's items onto the meeting's rows: matched rows updated, new ones added, the rest
 * marked deleted. `newMeeting`: the caller's transaction created the meeting, which has no rows yet.
 */
export async function writeItems(tx: Tx, doc: MeetingDocument, target: ProjectionTarget, newMeeting = false): Promise<WrittenItems> {
  const existing = newMeeting
    ? []
    : await tx
        .select({ id: agendaItems.id, number: agendaItems.number, title: agendaItems.title })
        .from(agendaItems)
        .where(sql`${agendaItems.meetingId} = ${target.meetingId}`)
        .orderBy(agendaItems.id);
  const matched = matchItems(doc.items, existing);
  const paperIds = await ensurePapers(tx, doc.items.map((i) => i.caseNumber));
  const levels = itemLevels(doc);
  const ids: number[] = [];
  // New items go in as one multi-row insert: one round trip, not one per item.
  const fresh: Array<ReturnType<typeof itemValues>> = [];
  const texts: string[] = [];
  for (const [position, item] of doc.items.entries()) {
    const values = itemValues(doc, item, position, levels.get(item.number) ?? 'public', target, paperIds);
    texts.push(`${values.summaryText}\n${values.bodyText}`);
    const id = matched[position];
    if (id !== null && id !== undefined) {
      // Modified only when what a reader sees changed, so "modified since" means something (OParl).
      const changed = sql`(${agendaItems.number}, ${agendaItems.title}, ${agendaItems.decision}, ${agendaItems.access}, ${agendaItems.summaryText},
        ${agendaItems.bodyText}, ${agendaItems.paperId}, ${agendaItems.deletedAt} is null)
        is distinct from (${values.number}::text, ${values.title}::text, ${values.decision}::text, ${values.access}::text, ${values.summaryText}::text,
        ${values.bodyText}::text, ${values.paperId}::int, true)`;
      await tx
        .update(agendaItems)
        .set({ ...values, deletedAt: null, modifiedAt: sql`case when ${changed} then now() else ${agendaItems.modifiedAt} end` })
        .where(sql`${agendaItems.id} = ${id}`);
      ids[position] = id;
    } else {
      fresh.push(values);
    }
  }
  if (fresh.length > 0) {
    const rows = await tx.insert(agendaItems).values(fresh).returning({ id: agendaItems.id, position: agendaItems.position });
    for (const row of rows) ids[row.position] = row.id;
  }
  const kept = new Set(ids);
  const removed = existing.filter((e) => !kept.has(e.id)).map((e) => e.id);
  if (removed.length > 0) {
    await tx.update(agendaItems).set({ deletedAt: sql`coalesce(${agendaItems.deletedAt}, now())` }).where(inArray(agendaItems.id, removed));
  }
  if (existing.length > 0) await tx.delete(sections).where(inArray(sections.itemId, existing.map((e) => e.id)));
  if (existing.length > 0) await tx.delete(attachments).where(inArray(attachments.itemId, existing.map((e) => e.id)));
  const { sectionRows, attachmentRows, bilag } = childValues(doc, levels, (position) => ids[position]!);
  // Bilag with stored bytes point at their file (OParl File), one row per bytes, name and level.
  const files = await bilagFileIds(tx, bilag);
  if (sectionRows.length > 0) await tx.insert(sections).values(sectionRows);
  if (attachmentRows.length > 0) await tx.insert(attachments).values(attachmentRows.map((row, i) => ({ ...row, fileId: files.ids[i] ?? null })));
  await refreshPaperTitles(tx, [...new Set(paperIds.values())]);
  const existed = new Set(existing.map((e) => e.id));
  return {
    byNumber: new Map(doc.items.map((item, i) => [item.number, ids[i]!])),
    earlier: ids.filter((id) => existed.has(id)),
    warnings: files.warnings,
    written: doc.items.map((item, i) => ({ id: ids[i]!, number: item.number, title: item.title, text: texts[i]!, minutes_of: null })),
  };
}

/** The agenda_items row of one item, with search text split by weight at the item's level. */
export function itemValues(
  doc: MeetingDocument,
  item: AgendaItem,
  position: number,
  level: AccessLevel,
  target: ProjectionTarget,
  paperIds: Map<string, number>,
) {
  // Bilag stricter than the item stay out of its searchable text: its readers may not see them.
  const text = (types: (t: SectionType) => boolean) =>
    item.sections
      .filter((s) => types(s.type))
      .flatMap((s) => [s.type === 'other' ? s.heading : null, sectionTextAt(s, item.attachments, level)])
      .filter((t): t is string => !!t)
      .join('\n\n');
  return {
    meetingId: target.meetingId,
    versionId: target.versionId,
    organizationId: target.organizationId,
    meetingDate: doc.date,
    kind: doc.kind,
    position,
    number: item.number,
    title: item.title,
    paperId: item.caseNumber ? (paperIds.get(item.caseNumber) ?? null) : null,
    caseOfficers: item.caseOfficers,
    presenters: item.presenters,
    decision: item.decision,
    access: level,
    summaryText: text((t) => SUMMARY_TYPES.has(t)),
    bodyText: text((t) => t !== 'decision' && !SUMMARY_TYPES.has(t)),
    typedTsv: typedVector(item, level),
  };
}

/** The item's sections as one tsvector whose lexemes carry their section's type ("decision/godkend"). */
function typedVector(item: AgendaItem, level: AccessLevel): SQL {
  const parts = item.sections
    .map((s) => ({ type: s.type, text: sectionTextAt(s, item.attachments, level) }))
    .filter((p) => p.text.trim() !== '')
    .map((p) => sql`referat_prefix_lexemes(to_tsvector('danish', ${p.text}), ${`${p.type}/`})`);
  return parts.length > 0 ? sql.join(parts, sql` || `) : sql`''::tsvector`;
}

/** The sections and bilag rows of a version's items, given each item's id by its position; `bilag` runs beside `attachmentRows`. */
export function childValues(doc: MeetingDocument, levels: Map<string, AccessLevel>, itemId: (position: number) => number) {
  const sectionRows = doc.items.flatMap((item, p) =>
    item.sections.map((s, position) => ({
      itemId: itemId(p),
      position,
      heading: s.heading,
      type: s.type,
      plainText: sectionTextAt(s, item.attachments, levels.get(item.number) ?? 'public'),
    })),
  );
  const attachmentRows = doc.items.flatMap((item, p) =>
    item.attachments.map((a, position) => ({
      itemId: itemId(p),
      position,
      title: a.title,
      access: mostRestrictive(a.access, levels.get(item.number) ?? 'public'),
      fileName: a.fileName,
    })),
  );
  const bilag: BilagWanted[] = doc.items.flatMap((item) =>
    item.attachments.map((a) => ({ attachment: a, itemNumber: item.number, access: mostRestrictive(a.access, levels.get(item.number) ?? 'public') })),
  );
  return { sectionRows, attachmentRows, bilag };
}

/** Ids of the papers (cases) with the given case numbers, creating the ones not seen before. */
export async function ensurePapers(tx: Tx, numbers: Array<string | null>): Promise<Map<string, number>> {
  const unique = [...new Set(numbers.filter((n): n is string => !!n))];
  if (unique.length === 0) return new Map();
  await tx
    .insert(papers)
    .values(unique.map((reference) => ({ reference, caseNumbers: [reference] })))
    .onConflictDoNothing({ target: papers.reference });
  const rows = await tx.select({ id: papers.id, reference: papers.reference }).from(papers).where(inArray(papers.reference, unique));
  return new Map(rows.map((r) => [r.reference, r.id]));
}

/** A paper's title is its latest public item's: a restricted item's title never names a case (`is true`: see related.ts, counted). */
async function refreshPaperTitles(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  await tx.execute(sql`
    update papers p set title = t.title, modified_at = now()
    from (select p2.id, (select i.title from agenda_items i
                         where i.paper_id = p2.id and i.deleted_at is null and (i.access = 'public') is true
                         order by i.meeting_date desc nulls last, i.id desc limit 1) as title
          from papers p2 where p2.id in (${list})) t
    where p.id = t.id and p.title is distinct from t.title`);
}
