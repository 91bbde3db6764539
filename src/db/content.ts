/**
 * @module Writing a document's content rows: items (with their search text), sections, bilag,
 * cases, people and participations. Runs inside the caller's transaction; few, multi-row
 * statements so an import costs a handful of round trips.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { closedNumbers, type AgendaItem, type MeetingDocument, type SectionType } from '../model/index.js';
import type { Db } from './client.js';
import { personKey, personSlug } from './names.js';
import { publicSectionText } from './public.js';
import { agendaItems, attachments, cases, participations, people, sections } from './schema.js';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface ContentIds {
  documentId: number;
  meetingId: number;
  bodyId: number | null;
}

/** Section types whose text ranks just below the decision (weight C). */
const SUMMARY_TYPES: ReadonlySet<SectionType> = new Set(['summary', 'recommendation']);

export { personKey };

/** An insert row whose columns may also be SQL expressions (typed_tsv is one). */
type ItemRow = PgInsertValue<typeof agendaItems>;
type SectionRow = typeof sections.$inferInsert;
type AttachmentRow = typeof attachments.$inferInsert;

/** Inserts all rows that belong to one stored document. */
export async function writeContent(tx: Tx, doc: MeetingDocument, ids: ContentIds): Promise<void> {
  const caseIds = await ensureCases(tx, doc.items.map((i) => i.caseNumber));
  if (doc.items.length > 0) {
    const itemRows = await tx
      .insert(agendaItems)
      .values(itemValues(doc, ids, caseIds))
      .returning({ id: agendaItems.id, position: agendaItems.position });
    const itemId = new Map(itemRows.map((r) => [r.position, r.id]));
    const { sectionRows, attachmentRows } = childValues(doc, (position) => itemId.get(position)!);
    if (sectionRows.length > 0) await tx.insert(sections).values(sectionRows);
    if (attachmentRows.length > 0) await tx.insert(attachments).values(attachmentRows);
  }
  await writeParticipations(tx, doc, ids);
}

/** The agenda_items rows of a document, with search text split by weight and closed text left out. */
export function itemValues(doc: MeetingDocument, ids: ContentIds, caseIds: Map<string, number>): ItemRow[] {
  const closed = closedNumbers(doc.items);
  return doc.items.map((item, position) => {
    const isClosed = closed.has(item.number);
    // Closed text is kept only in the document's model, never in searchable columns.
    const text = (types: (t: SectionType) => boolean) =>
      isClosed
        ? ''
        : item.sections
            .filter((s) => types(s.type))
            .map((s) => [s.type === 'other' ? s.heading : null, publicSectionText(s, item.attachments)])
            .flat()
            .filter((t): t is string => !!t)
            .join('\n\n');
    return {
      documentId: ids.documentId,
      meetingId: ids.meetingId,
      bodyId: ids.bodyId,
      meetingDate: doc.date,
      kind: doc.kind,
      position,
      number: item.number,
      title: item.title,
      caseId: item.caseNumber ? (caseIds.get(item.caseNumber) ?? null) : null,
      caseOfficers: item.caseOfficers,
      presenters: item.presenters,
      decision: isClosed ? null : item.decision,
      closed: isClosed,
      summaryText: text((t) => SUMMARY_TYPES.has(t)),
      bodyText: text((t) => t !== 'decision' && !SUMMARY_TYPES.has(t)),
      typedTsv: isClosed ? sql`''::tsvector` : typedVector(item),
    };
  });
}

/** The item's sections as one tsvector whose lexemes carry their section's type ("decision/godkend"). */
function typedVector(item: AgendaItem): SQL {
  const parts = item.sections
    .map((s) => ({ type: s.type, text: publicSectionText(s, item.attachments) }))
    .filter((p) => p.text.trim() !== '')
    .map((p) => sql`referat_prefix_lexemes(to_tsvector('danish', ${p.text}), ${`${p.type}/`})`);
  return parts.length > 0 ? sql.join(parts, sql` || `) : sql`''::tsvector`;
}

/** The sections and bilag rows of a document's items, given each item's id by its position. */
export function childValues(
  doc: MeetingDocument,
  itemId: (position: number) => number,
): { sectionRows: SectionRow[]; attachmentRows: AttachmentRow[] } {
  const closed = closedNumbers(doc.items);
  const sectionRows = doc.items.flatMap((item, p) =>
    item.sections.map((s, position) => ({
      itemId: itemId(p),
      position,
      heading: s.heading,
      type: s.type,
      blocks: s.blocks,
      plainText: closed.has(item.number) ? '' : publicSectionText(s, item.attachments),
    })),
  );
  const attachmentRows = doc.items.flatMap((item, p) =>
    item.attachments.map((a, position) => ({
      itemId: itemId(p),
      position,
      title: a.title,
      closed: a.access !== 'public' || closed.has(item.number),
      fileName: a.fileName,
    })),
  );
  return { sectionRows, attachmentRows };
}

/** Ids of the given case numbers, creating the ones not seen before. */
export async function ensureCases(tx: Tx, numbers: Array<string | null>): Promise<Map<string, number>> {
  const unique = [...new Set(numbers.filter((n): n is string => !!n))];
  if (unique.length === 0) return new Map();
  await tx
    .insert(cases)
    .values(unique.map((caseNumber) => ({ caseNumber })))
    .onConflictDoNothing({ target: cases.caseNumber });
  const rows = await tx.select().from(cases).where(inArray(cases.caseNumber, unique));
  return new Map(rows.map((r) => [r.caseNumber, r.id]));
}

interface PersonRef {
  name: string;
  party: string | null;
  municipality: string | null;
}

/** Members present, afbud (with their substitutes) and other attendees as participation rows. */
async function writeParticipations(tx: Tx, doc: MeetingDocument, ids: ContentIds): Promise<void> {
  const refs: PersonRef[] = [
    ...doc.participants,
    ...doc.absent,
    ...doc.absent.flatMap((a) => (a.substitute ? [{ name: a.substitute, party: null, municipality: null }] : [])),
    ...doc.others.map((o) => ({ name: o.name, party: null, municipality: null })),
  ];
  const personIds = await ensurePeople(tx, refs);
  const id = (name: string) => personIds.get(personKey(name)) ?? 0;
  type Row = typeof participations.$inferInsert;
  const rows: Row[] = [];
  const seen = new Set<number>();
  const add = (row: Omit<Row, 'meetingId' | 'documentId'>) => {
    // A name listed twice (as member and as guest) is one participation: the first listing wins.
    // Id 0 is a blank name, which names nobody.
    if (row.personId === 0 || seen.has(row.personId)) return;
    seen.add(row.personId);
    rows.push({ ...row, meetingId: ids.meetingId, documentId: ids.documentId });
  };
  // Party and municipality per participation, as this document states them: a person's history.
  for (const p of doc.participants) {
    add({ personId: id(p.name), status: 'present', role: p.role, party: p.party, municipality: p.municipality });
  }
  for (const a of doc.absent) {
    const substitutePersonId = a.substitute ? id(a.substitute) || null : null;
    add({ personId: id(a.name), status: 'afbud', role: a.role, party: a.party, municipality: a.municipality, substitutePersonId });
  }
  for (const a of doc.absent) if (a.substitute) add({ personId: id(a.substitute), status: 'substitute', role: null });
  for (const o of doc.others) {
    add({
      personId: id(o.name),
      status: 'guest',
      role: o.title,
      organisation: o.organisation,
      groupName: o.group,
      minuteTaker: o.minuteTaker,
    });
  }
  if (rows.length > 0) await tx.insert(participations).values(rows);
}

/** Ids of people by name key; new names are added, and known ones get the latest party and municipality. */
async function ensurePeople(tx: Tx, refs: PersonRef[]): Promise<Map<string, number>> {
  const byKey = new Map<string, PersonRef>();
  for (const ref of refs) {
    const key = personKey(ref.name);
    if (!key) continue;
    const known = byKey.get(key);
    byKey.set(key, {
      name: known?.name ?? ref.name,
      party: ref.party ?? known?.party ?? null,
      municipality: ref.municipality ?? known?.municipality ?? null,
    });
  }
  if (byKey.size === 0) return new Map();
  const rows = await tx
    .insert(people)
    .values([...byKey].map(([key, r]) => ({ key, slug: personSlug(r.name), name: r.name, party: r.party, municipality: r.municipality })))
    .onConflictDoUpdate({
      target: people.key,
      set: {
        slug: sql`excluded.slug`,
        party: sql`coalesce(excluded.party, ${people.party})`,
        municipality: sql`coalesce(excluded.municipality, ${people.municipality})`,
      },
    })
    .returning({ id: people.id, key: people.key });
  return new Map(rows.map((r) => [r.key, r.id]));
}
