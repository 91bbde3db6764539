/**
 * @module A meeting's documents and their versions as a viewer may see them: the listing on the
 * meeting page, an earlier version at its own URL, and a version compared with the current one.
 */
import { sql } from 'drizzle-orm';
import { canRead } from '../archive/policy.js';
import type { StoredDocumentInfo, VersionComparison, VersionListing, VersionView } from '../archive/types.js';
import { viewDocument } from '../archive/view.js';
import { blockText, compareVersions, currentDocumentKind, type AccessLevel, type AgendaItem, type DocumentKind, type MeetingDocument, type Viewer } from '../model/index.js';
import type { Db } from './client.js';
import { parseStoredModel } from './projection.js';
import { queryRows } from './rows.js';
import { meetingSummariesById } from './summaries.js';

interface VersionRow {
  id: number;
  kind: DocumentKind;
  version: number;
  created_at: string;
  created_by: string;
  source: 'file' | 'written';
  file_id: number | null;
  file_name: string | null;
  file_access: AccessLevel | null;
  format: string | null;
  current: boolean;
  note: string | null;
}

/** Every version of the meeting's documents; a file is offered only when the viewer may read all of it. */
async function versionRows(db: Db, viewer: Viewer, meetingId: number, organizationId: number | null): Promise<Array<VersionListing & { kind: DocumentKind }>> {
  const rows = await queryRows<VersionRow>(
    db,
    sql`select v.id, d.kind, v.version, to_char(v.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as created_at,
          v.created_by, v.source, v.file_id, f.name as file_name, f.access as file_access, v.format, v.note, (v.id = d.current_version_id) as current
        from meeting_documents d join document_versions v on v.document_id = d.id left join files f on f.id = v.file_id
        where d.meeting_id = ${meetingId} order by d.kind, v.version desc`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    source: r.source,
    fileName: r.file_name,
    current: r.current,
    fileId: r.file_id !== null && r.file_access !== null && canRead(viewer, r.file_access, organizationId) ? r.file_id : null,
    format: r.format,
    note: r.note,
  }));
}

/** The meeting's documents, the current kind first, each with its versions newest first. */
export async function meetingDocuments(db: Db, viewer: Viewer, meetingId: number, organizationId: number | null): Promise<StoredDocumentInfo[]> {
  const rows = await versionRows(db, viewer, meetingId, organizationId);
  const kinds = [...new Set(rows.map((r) => r.kind))];
  const first = currentDocumentKind(kinds);
  return kinds
    .sort((a, b) => Number(b === first) - Number(a === first))
    .map((kind) => {
      const versions = rows.filter((r) => r.kind === kind).map(({ kind: _, ...v }) => v);
      return { kind, current: versions.find((v) => v.current) ?? versions[0]!, versions };
    });
}

interface MeetingRef {
  organization_id: number | null;
}

/** A version's model and its listing, when the meeting and the document are visible to the viewer. */
async function loadVersion(db: Db, viewer: Viewer, meetingId: number, kind: DocumentKind, version: number) {
  const meetings = await meetingSummariesById(db, viewer, [meetingId]);
  const meeting = meetings.get(meetingId);
  if (!meeting) return null;
  const [ref] = await queryRows<MeetingRef>(db, sql`select organization_id from meetings where id = ${meetingId}`);
  const listings = (await versionRows(db, viewer, meetingId, ref!.organization_id)).filter((r) => r.kind === kind).map(({ kind: _, ...v }) => v);
  const listing = listings.find((v) => v.version === version);
  if (!listing) return null;
  const [row] = await queryRows<{ model: unknown }>(db, sql`select model from document_versions where id = ${listing.id}`);
  const document = viewDocument(parseStoredModel(row!.model), viewer, ref!.organization_id);
  if (!document) return null;
  return { meeting, listing, listings, document, organizationId: ref!.organization_id };
}

/** A version of a meeting document at its own URL; null when unknown or not visible. */
export async function getVersion(db: Db, viewer: Viewer, meetingId: number, kind: DocumentKind, version: number): Promise<VersionView | null> {
  const found = await loadVersion(db, viewer, meetingId, kind, version);
  return found && { meeting: found.meeting, kind, version: found.listing, document: found.document, versions: found.listings };
}

/** The paragraphs of an item: its title, case line and every section heading and block. */
function paragraphs(item: AgendaItem): string[] {
  return [
    item.title,
    ...(item.caseNumber ? [item.caseNumber] : []),
    ...item.sections.flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.blocks.map(blockText)]),
  ];
}

/** What is in `a` and not in `b`, counting repeats. */
function without(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const p of b) left.set(p, (left.get(p) ?? 0) + 1);
  return a.filter((p) => {
    const n = left.get(p) ?? 0;
    if (n > 0) left.set(p, n - 1);
    return n === 0;
  });
}

/** A version compared with the current version of the same document, item by item. */
export async function compareVersion(db: Db, viewer: Viewer, meetingId: number, kind: DocumentKind, version: number): Promise<VersionComparison | null> {
  const found = await loadVersion(db, viewer, meetingId, kind, version);
  const currentListing = found?.listings.find((v) => v.current);
  if (!found || !currentListing) return null;
  const current = await loadVersion(db, viewer, meetingId, kind, currentListing.version);
  if (!current) return null;
  const before: MeetingDocument = found.document;
  const after: MeetingDocument = current.document;
  const key = (i: AgendaItem) => `${i.number} ${i.title}`;
  const old = new Map(before.items.map((i) => [key(i), i]));
  const now = new Map(after.items.map((i) => [key(i), i]));
  const items: VersionComparison['items'] = [];
  // The header first: title, place and times, participants and other front matter.
  const front = (d: MeetingDocument) => [
    ...(d.title ? [d.title] : []),
    [d.date, d.startTime, d.endTime, d.location].filter(Boolean).join(' '),
    ...d.participants.map((p) => [p.name, p.party, p.municipality, p.role].filter(Boolean).join(', ')),
    ...d.absent.map((p) => `Afbud: ${[p.name, p.municipality, p.substitute && `→ ${p.substitute}`].filter(Boolean).join(', ')}`),
    ...d.others.map((o) => [o.name, o.title].filter(Boolean).join(', ')),
    ...d.frontMatter.map(blockText),
  ];
  const removedFront = without(front(before), front(after));
  const addedFront = without(front(after), front(before));
  if (removedFront.length + addedFront.length > 0) items.push({ key: 'Forside og deltagere', status: 'changed', removed: removedFront, added: addedFront });
  for (const [k, item] of now) {
    const was = old.get(k);
    if (!was) items.push({ key: k, status: 'added', removed: [], added: paragraphs(item) });
    else {
      const removed = without(paragraphs(was), paragraphs(item));
      const added = without(paragraphs(item), paragraphs(was));
      if (removed.length + added.length > 0) items.push({ key: k, status: 'changed', removed, added });
    }
  }
  for (const [k, item] of old) if (!now.has(k)) items.push({ key: k, status: 'removed', removed: paragraphs(item), added: [] });
  return { meeting: found.meeting, kind, version: found.listing, current: currentListing, change: compareVersions(before, after), items };
}
