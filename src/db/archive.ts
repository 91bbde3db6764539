/**
 * @module The `Archive` read interface over the database. Everything leaving here is public:
 * closed items and closed bilag are filtered out of stored models (see public.ts), are never
 * indexed for search, and originals of documents that contain closed content are withheld.
 */
import { sql, type SQL } from 'drizzle-orm';
import type {
  Archive,
  BodySummary,
  ItemView,
  MeetingView,
  SearchQuery,
  SearchResult,
  StoredDocumentInfo,
} from '../archive/types.js';
import { closedNumbers, type MeetingDocument } from '../model/index.js';
import { getCase } from './cases.js';
import type { Db } from './client.js';
import { getPerson, listPeople, meetingPeople } from './people.js';
import { publicDocument, publicItem } from './public.js';
import { queryRows } from './rows.js';
import { searchItems } from './search.js';
import { meetingSummaries as summariesOf, meetingSummariesById } from './summaries.js';

const CONTENT_TYPES: Record<string, string> = {
  text: 'text/plain; charset=utf-8',
  markdown: 'text/plain; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  // Served as text: a stored HTML file must never run as a page of the archive's own origin.
  html: 'text/plain; charset=utf-8',
  // Case-system exports (src/import/xml), downloaded as the XML they are.
  sbsys: 'application/xml',
  'sbsys-aarhus': 'application/xml',
  acadre: 'application/xml',
  'acadre-manifest': 'application/xml',
  edoc: 'application/xml',
  edoc4: 'application/xml',
};

/** The content type an original file of a format is served with. */
export function contentTypeOf(format: string): string {
  return CONTENT_TYPES[format] ?? 'application/octet-stream';
}

/** An `Archive` reading from the given database. */
export function createDbArchive(db: Db): Archive {
  const meetingSummaries = (where: SQL, order: SQL, limit?: number) => summariesOf(db, where, order, limit);
  const meetingSummary = async (id: number) => (await meetingSummaries(sql`m.id = ${id}`, sql`m.id`))[0] ?? null;

  /** The meeting's preferred document (minutes over agenda), filtered to public content. */
  const currentDocument = async (meetingId: number) => {
    const [row] = await queryRows<{ id: number; model: MeetingDocument | string }>(
      db,
      sql`select id, model from documents where meeting_id = ${meetingId}
          order by (kind = 'minutes') desc, imported_at desc limit 1`,
    );
    if (!row) return null;
    const model = typeof row.model === 'string' ? (JSON.parse(row.model) as MeetingDocument) : row.model;
    return { id: row.id, model };
  };

  return {
    async listBodies(): Promise<BodySummary[]> {
      return queryRows<BodySummary>(
        db,
        sql`select b.slug, b.name, (select count(*)::int from meetings m where m.body_id = b.id) as "meetingCount"
            from bodies b order by b.name`,
      );
    },

    async getBody(slug) {
      const [body] = await queryRows<BodySummary & { id: number }>(
        db,
        sql`select b.id, b.slug, b.name, (select count(*)::int from meetings m where m.body_id = b.id) as "meetingCount"
            from bodies b where b.slug = ${slug}`,
      );
      if (!body) return null;
      const meetings = await meetingSummaries(sql`m.body_id = ${body.id}`, sql`m.date desc nulls last, m.id desc`);
      return { body: { slug: body.slug, name: body.name, meetingCount: body.meetingCount }, meetings };
    },

    async latestMeetings(limit) {
      return meetingSummaries(
        sql`(m.date is null or m.date <= current_date) and exists (select 1 from documents d where d.meeting_id = m.id)`,
        sql`m.date desc nulls last, m.id desc`,
        limit,
      );
    },

    async upcomingMeetings(limit) {
      return meetingSummaries(sql`m.date > current_date`, sql`m.date asc, m.id`, limit);
    },

    async getMeeting(id): Promise<MeetingView | null> {
      const meeting = await meetingSummary(id);
      const current = meeting && (await currentDocument(id));
      if (!meeting || !current) return null;
      const document = publicDocument(current.model);
      const documents = await queryRows<StoredDocumentInfo>(
        db,
        sql`select id, kind, file_name as "fileName", format, sha256, to_char(imported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "importedAt"
            from documents where meeting_id = ${id} and not has_closed_content
            order by (kind = 'minutes') desc, id`,
      );
      return { meeting, document, documents, people: await meetingPeople(db, current.id, document) };
    },

    async getItem(meetingId, number): Promise<ItemView | null> {
      const meeting = await meetingSummary(meetingId);
      const document = meeting && (await currentDocument(meetingId))?.model;
      if (!meeting || !document) return null;
      const item = document.items.find((i) => i.number === number);
      if (!item || closedNumbers(document.items).has(number)) return null;
      const related = await relatedItems(meetingId, item.caseNumber);
      return { meeting, item: publicItem(item), related };
    },

    async getOriginal(documentId) {
      const [row] = await queryRows<{ file_name: string; format: string; original: Uint8Array }>(
        db,
        sql`select file_name, format, original from documents where id = ${documentId} and not has_closed_content`,
      );
      if (!row) return null;
      const bytes = new Uint8Array(row.original.buffer, row.original.byteOffset, row.original.byteLength);
      return { fileName: row.file_name, contentType: contentTypeOf(row.format), bytes };
    },

    async search(query: SearchQuery): Promise<SearchResult> {
      return searchItems(db, query);
    },

    getCase: (caseNumber) => getCase(db, caseNumber),
    listPeople: (filter) => listPeople(db, filter),
    getPerson: (ref) => getPerson(db, ref),
  };

  /** The same case at other meetings (public, current items), newest first. */
  async function relatedItems(meetingId: number, caseNumber: string | null): Promise<ItemView['related']> {
    if (!caseNumber) return [];
    const rows = await queryRows<{ meeting_id: number; number: string; title: string }>(
      db,
      sql`select i.meeting_id, i.number, i.title from agenda_items i join cases c on c.id = i.case_id
          where c.case_number = ${caseNumber} and i.meeting_id <> ${meetingId} and i.current and not i.closed
          order by i.meeting_date desc nulls last, i.meeting_id desc, i.position limit 50`,
    );
    const byId = await meetingSummariesById(db, rows.map((r) => r.meeting_id));
    return rows.map((r) => ({ meeting: byId.get(r.meeting_id)!, number: r.number, title: r.title }));
  }
}
