/**
 * @module The `Archive` read interface over the database. Every read takes a viewer: SQL filters
 * come from visibility.ts, stored models are cut down by archive/view.ts, and original files are
 * served only when their own access level (judged from the file) is readable — all three are the
 * one policy of src/archive/policy.ts.
 */
import { sql } from 'drizzle-orm';
import { canRead } from '../archive/policy.js';
import type { Archive, BodyView, ItemView, MeetingView } from '../archive/types.js';
import { viewDocument, withheldNumbers } from '../archive/view.js';
import type { AccessLevel, Viewer } from '../model/index.js';
import { readBilagFile, storedBilag } from './bilag-files.js';
import { meetingApprovals } from './approvals.js';
import { calendarEntries, feedEntries } from './calendar.js';
import { resolveCaseNumber } from './case-index.js';
import { getCase } from './cases.js';
import { plannedCorrection } from './derived.js';
import { itemRelatedByContent } from './related.js';
import { meetingPromises, openPromises } from './promises.js';
import type { Db } from './client.js';
import { organizationMemberships, organizationSeats } from './memberships.js';
import { getPerson, listPeople, meetingPeople } from './people.js';
import { parseStoredModel } from './projection.js';
import { queryRows } from './rows.js';
import { searchItems } from './search.js';
import { bodySummaries, meetingSummaries, meetingSummariesById } from './summaries.js';
import { listMeetings, meetingMonth } from './meeting-list.js';
import { sitemapEntries } from './sitemap.js';
import { compareVersion, getVersion, meetingDocuments } from './versions.js';
import { visibleItems, visibleMeetings } from './visibility.js';

/** An `Archive` reading from the given database. */
export function createDbArchive(db: Db): Archive {
  const summary = async (viewer: Viewer, id: number) => (await meetingSummariesById(db, viewer, [id])).get(id) ?? null;

  /** The meeting's current version, as the viewer may see it. */
  const currentDocument = async (viewer: Viewer, meetingId: number) => {
    const [row] = await queryRows<{ version_id: number; model: unknown; organization_id: number | null }>(
      db,
      sql`select v.id as version_id, v.model, m.organization_id from meetings m join document_versions v on v.id = m.current_version_id
          where m.id = ${meetingId} and ${visibleMeetings(viewer, 'm')}`,
    );
    if (!row) return null;
    const stored = parseStoredModel(row.model);
    const document = viewDocument(stored, viewer, row.organization_id);
    return document && { versionId: row.version_id, document, organizationId: row.organization_id, withheld: withheldNumbers(stored, viewer, row.organization_id) };
  };

  // Counts come from meeting_counts (summaries.ts), not from counting every meeting.
  const bodies = (viewer: Viewer, slug?: string) => bodySummaries(db, viewer, slug);

  return {
    // Organisations only known as seats (a board an item appoints to) have pages but are not listed among the bodies that meet.
    listBodies: (viewer) => bodies(viewer),

    async getBody(viewer, slug): Promise<BodyView | null> {
      const [body] = await bodies(viewer, slug);
      if (!body) return null;
      const meetings = await meetingSummaries(db, viewer, sql`m.organization_id = (select id from organizations where slug = ${slug})`, sql`m.date desc nulls last, m.id desc`);
      const [memberships, seats] = await Promise.all([organizationMemberships(db, viewer, slug), organizationSeats(db, slug)]);
      return { body, meetings, memberships, seats };
    },

    latestMeetings: (viewer, limit) =>
      meetingSummaries(db, viewer, sql`(m.date is null or m.date <= current_date) and m.current_version_id is not null`, sql`m.date desc nulls last, m.id desc`, limit),


    upcomingMeetings: (viewer, limit) => meetingSummaries(db, viewer, sql`m.date > current_date`, sql`m.date asc, m.id`, limit),

    async getMeeting(viewer, id): Promise<MeetingView | null> {
      const meeting = await summary(viewer, id);
      const current = meeting && (await currentDocument(viewer, id));
      if (!meeting || !current) return null;
      const documents = await meetingDocuments(db, viewer, id, current.organizationId);
      const [people, promises, approvals, bilag] = await Promise.all([
        meetingPeople(db, current.versionId, current.document),
        meetingPromises(db, viewer, id),
        meetingApprovals(db, viewer, id),
        storedBilag(db, viewer, id),
      ]);
      return { meeting, document: current.document, documents, people, promises, approvals, withheld: current.withheld, bilag };
    },

    async getPlannedMeeting(viewer, id) {
      const meeting = await summary(viewer, id);
      if (!meeting || meeting.kinds.length > 0) return null;
      const [source] = await queryRows<{ meeting_id: number; number: string; date: string | null; body: string | null; item_id: number; planned: string }>(
        db,
        sql`select i.meeting_id, i.number, i.meeting_date::text as date, o.name as body, i.id as item_id, m.date::text as planned from meetings m
            join agenda_items i on i.id = m.announced_by_item_id left join organizations o on o.id = i.organization_id
            where m.id = ${id} and ${visibleItems(viewer, 'i')}`,
      );
      const { due } = await meetingPromises(db, viewer, id);
      const correction = source ? await plannedCorrection(db, source.item_id, source.planned) : null;
      return { meeting, announcedBy: source ? { meetingId: source.meeting_id, number: source.number, date: source.date, body: source.body, correction } : null, due };
    },

    async getItem(viewer, meetingId, number): Promise<ItemView | null> {
      const meeting = await summary(viewer, meetingId);
      const current = meeting && (await currentDocument(viewer, meetingId));
      const items = current?.document.items ?? [];
      const index = items.findIndex((i) => i.number === number);
      const item = items[index];
      if (!meeting || !item) return null;
      const ref = (i: (typeof items)[number] | undefined) => (i ? { number: i.number, title: i.title } : null);
      const related = await relatedItems(viewer, meetingId, item.caseNumber);
      const bilag = await storedBilag(db, viewer, meetingId, number);
      const byContent = await itemRelatedByContent(db, viewer, meetingId, number);
      return { meeting, item, related, byContent, previous: ref(items[index - 1]), next: ref(items[index + 1]), approvals: await meetingApprovals(db, viewer, meetingId), bilag };
    },

    getVersion: (viewer, meetingId, kind, version) => getVersion(db, viewer, meetingId, kind, version),
    compareVersion: (viewer, meetingId, kind, version) => compareVersion(db, viewer, meetingId, kind, version),

    async getOriginal(viewer, fileId) {
      // The file's own level decides; its organisation is that of a meeting whose version it is.
      // Only a version's original: a bilag's bytes are read through its bilag (getBilagFile).
      const [row] = await queryRows<{ name: string; media_type: string; access: AccessLevel; bytes: Uint8Array; organization_id: number | null }>(
        db,
        sql`select f.name, f.media_type, f.access, b.bytes,
              (select m.organization_id from document_versions v join meeting_documents d on d.id = v.document_id
               join meetings m on m.id = d.meeting_id where v.file_id = f.id and m.deleted_at is null order by v.id limit 1) as organization_id
            from files f join blobs b on b.sha256 = f.sha256 where f.id = ${fileId}
              and exists (select 1 from document_versions v where v.file_id = f.id)`,
      );
      if (!row || !canRead(viewer, row.access, row.organization_id)) return null;
      const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength);
      return { fileName: row.name, contentType: row.media_type, bytes, access: row.access };
    },

    getBilagFile: (viewer, fileId) => readBilagFile(db, viewer, fileId),

    search: (viewer, query) => searchItems(db, viewer, query),
    getCase: (viewer, caseNumber) => getCase(db, viewer, caseNumber),

    async openPromises(viewer, bodySlug) {
      if (bodySlug === null) return openPromises(db, viewer, null);
      const [row] = await queryRows<{ id: number }>(db, sql`select id from organizations where slug = ${bodySlug}`);
      return row ? openPromises(db, viewer, row.id) : null;
    },
    resolveCaseNumber: (viewer, typed) => resolveCaseNumber(db, viewer, typed),
    listPeople: (viewer, filter) => listPeople(db, viewer, filter),
    getPerson: (viewer, ref) => getPerson(db, viewer, ref),

    async calendar(viewer, bodySlug) {
      if (bodySlug !== null && (await bodies(viewer, bodySlug)).length === 0) return null;
      return calendarEntries(db, viewer, bodySlug);
    },
    feed: (viewer, scope) => feedEntries(db, viewer, scope),
    listMeetings: (viewer, filter) => listMeetings(db, viewer, filter),
    meetingMonth: (viewer, month, body) => meetingMonth(db, viewer, month, body),
    sitemap: (viewer) => sitemapEntries(db, viewer),
  };

  /** The same case at other meetings (visible, current items), newest first. */
  async function relatedItems(viewer: Viewer, meetingId: number, caseNumber: string | null): Promise<ItemView['related']> {
    if (!caseNumber) return [];
    const rows = await queryRows<{ meeting_id: number; number: string; title: string }>(
      db,
      sql`select i.meeting_id, i.number, i.title from agenda_items i join papers p on p.id = i.paper_id
          where p.reference = ${caseNumber} and i.meeting_id <> ${meetingId} and ${visibleItems(viewer, 'i')}
          order by i.meeting_date desc nulls last, i.meeting_id desc, i.position limit 50`,
    );
    const byId = await meetingSummariesById(db, viewer, rows.map((r) => r.meeting_id));
    return rows.filter((r) => byId.has(r.meeting_id)).map((r) => ({ meeting: byId.get(r.meeting_id)!, number: r.number, title: r.title }));
  }
}
