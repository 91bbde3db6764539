/**
 * @module A test-only `Archive` over MeetingDocument values held in memory. It lets the web layer
 * be tested before (and independently of) the database; search is a plain case-insensitive
 * substring match, not the database's Danish full-text search. People are left to the database
 * archive (no index, no person pages, meeting names unlinked): follow.test.ts tests them there.
 *
 * It applies the one access policy: every read cuts the document down with `viewDocument`
 * (src/archive/view.ts) for the viewer asking, and originals are offered only when `canRead`
 * allows their level. Each meeting has one document with one version (version 1, current).
 */
import { canRead } from '../../archive/policy.js';
import type {
  Archive, BodySummary, ItemView, MeetingApprovals, MeetingSummary, MeetingView, SearchHit, SearchQuery, SearchResult,
  StoredDocumentInfo, VersionListing,
} from '../../archive/types.js';
import { documentLevel, viewDocument } from '../../archive/view.js';
import type { AccessLevel, DocumentKind, MeetingDocument, Viewer } from '../../model/index.js';
import { compareVersions, documentApprovals, meetingStatusOf, mostRestrictive, sectionText } from '../../model/index.js';
import { itemUrl } from '../urls.js';

export interface MemoryMeeting {
  id: number;
  /** The id of the meeting's one version and of its original file (for /documents/:id/original). */
  documentId: number;
  document: MeetingDocument;
  /** The organisation's id for the access policy; by default the body's place in first-seen order (1, 2 …). */
  organizationId?: number | null;
  /** The original file; its level is at least the document's (`access` may make it stricter). */
  original?: { fileName: string; contentType: string; bytes: Uint8Array; access?: AccessLevel };
}

/** When every memory version was "imported". */
export const MEMORY_VERSION_CREATED_AT = '2020-09-01T00:00:00Z';

/** "KKR Midtjylland" → "kkr-midtjylland". */
export function slugify(name: string): string {
  return name.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A snippet around the first match, escaped, with the match in <mark>. */
function snippetFor(text: string, needle: string): string {
  const i = text.toLowerCase().indexOf(needle);
  if (i < 0) return escapeHtml(text.slice(0, 160));
  const start = Math.max(0, i - 60);
  const end = Math.min(text.length, i + needle.length + 60);
  return escapeHtml(text.slice(start, i)) + '<mark>' + escapeHtml(text.slice(i, i + needle.length)) + '</mark>' + escapeHtml(text.slice(i + needle.length, end));
}

/** Build an in-memory archive; `today` decides which meetings are upcoming and which agendas are held. */
export function createMemoryArchive(meetings: MemoryMeeting[], today = '2020-09-01'): Archive {
  const bodyNames = [...new Set(meetings.map((m) => m.document.body).filter((b): b is string => b !== null))];
  const organizationOf = (m: MemoryMeeting): number | null =>
    m.organizationId !== undefined ? m.organizationId : m.document.body ? bodyNames.indexOf(m.document.body) + 1 : null;

  /** The meeting's document as the viewer may see it; null when the viewer may not see the meeting. */
  const seen = (viewer: Viewer, m: MemoryMeeting): MeetingDocument | null => viewDocument(m.document, viewer, organizationOf(m));
  const visible = (viewer: Viewer) => meetings.filter((m) => seen(viewer, m) !== null);

  const summary = (viewer: Viewer, m: MemoryMeeting): MeetingSummary => ({
    id: m.id,
    status: meetingStatusOf([m.document.kind], m.document.date, today),
    body: m.document.body ? { slug: slugify(m.document.body), name: m.document.body } : null,
    date: m.document.date,
    startTime: m.document.startTime,
    location: m.document.location,
    kinds: [m.document.kind],
    itemCount: seen(viewer, m)?.items.length ?? 0,
  });
  const byDateDesc = (a: MemoryMeeting, b: MemoryMeeting) => (b.document.date ?? '').localeCompare(a.document.date ?? '');

  /** The original's level: its own, and never less than the most restricted content in it. */
  const originalLevel = (m: MemoryMeeting): AccessLevel => mostRestrictive(m.original?.access ?? 'public', documentLevel(m.document));

  /** The meeting's one version; the original offered only when the viewer may read all of it. */
  const listing = (viewer: Viewer, m: MemoryMeeting): VersionListing => {
    const source = m.document.source;
    return {
      id: m.documentId,
      version: 1,
      createdAt: MEMORY_VERSION_CREATED_AT,
      createdBy: 'import',
      source: source ? 'file' : 'written',
      fileName: source?.fileName ?? null,
      current: true,
      fileId: m.original && canRead(viewer, originalLevel(m), organizationOf(m)) ? m.documentId : null,
      format: source?.format ?? null,
    };
  };
  const documents = (viewer: Viewer, m: MemoryMeeting): StoredDocumentInfo[] => {
    const v = listing(viewer, m);
    return [{ kind: m.document.kind, current: v, versions: [v] }];
  };

  const bodies = (viewer: Viewer): BodySummary[] => {
    const found = new Map<string, BodySummary>();
    for (const m of meetings) {
      const name = m.document.body;
      if (!name) continue;
      const body = found.get(name) ?? { slug: slugify(name), name, authority: null, meetingCount: 0 };
      body.authority ??= m.document.authority;
      if (seen(viewer, m) !== null) body.meetingCount++;
      found.set(name, body);
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  };

  /** The meeting with this id, when the viewer may see it, with its document as seen. */
  const find = (viewer: Viewer, id: number): { m: MemoryMeeting; doc: MeetingDocument } | null => {
    const m = meetings.find((x) => x.id === id);
    const doc = m ? seen(viewer, m) : null;
    return m && doc ? { m, doc } : null;
  };
  /** Version 1 of the meeting's one document, or null (another kind, another version, not visible). */
  const findVersion = (viewer: Viewer, id: number, kind: DocumentKind, version: number) => {
    const found = find(viewer, id);
    return found && found.m.document.kind === kind && version === 1 ? found : null;
  };

  // Approvals of minutes as the projection resolves them (src/db/approvals.ts): an undated one approves the body's previous meeting.
  const sameBody = (a: MemoryMeeting, b: MemoryMeeting) => a !== b && organizationOf(a) !== null && organizationOf(a) === organizationOf(b);
  const previousDate = (m: MemoryMeeting) =>
    meetings.map((o) => (sameBody(o, m) ? o.document.date : null)).filter((d): d is string => d !== null && m.document.date !== null && d < m.document.date).sort().at(-1) ?? null;
  const approvalDates = (viewer: Viewer, m: MemoryMeeting) =>
    documentApprovals(seen(viewer, m)?.items ?? [], m.document.date).flatMap((a) => {
      const date = a.date ?? previousDate(m);
      return date ? [{ number: a.number, date }] : [];
    });
  const approvalsOf = (viewer: Viewer, m: MemoryMeeting): MeetingApprovals => ({
    approves: approvalDates(viewer, m).flatMap((a) => {
      const approved = visible(viewer).find((o) => sameBody(o, m) && o.document.date === a.date);
      return approved ? [{ number: a.number, meeting: summary(viewer, approved) }] : [];
    }),
    approvedAt: visible(viewer)
      .filter((o) => sameBody(o, m) && m.document.date !== null)
      .sort(byDateDesc)
      .reverse()
      .flatMap((o) =>
        approvalDates(viewer, o)
          .filter((a) => a.date === m.document.date)
          .map((a) => {
            const item = seen(viewer, o)!.items.find((i) => i.number === a.number)!;
            return { meeting: summary(viewer, o), number: a.number, title: item.title, approved: o.document.kind === 'minutes' && item.decision !== null };
          }),
      ),
  });

  return {
    async listBodies(viewer) {
      return bodies(viewer);
    },
    async getBody(viewer, slug) {
      const body = bodies(viewer).find((b) => b.slug === slug);
      if (!body) return null;
      const list = visible(viewer).filter((m) => m.document.body === body.name).sort(byDateDesc);
      return { body, meetings: list.map((m) => summary(viewer, m)), memberships: [] };
    },
    async latestMeetings(viewer, limit) {
      return visible(viewer).filter((m) => (m.document.date ?? '') <= today).sort(byDateDesc).slice(0, limit).map((m) => summary(viewer, m));
    },
    async upcomingMeetings(viewer, limit) {
      return visible(viewer).filter((m) => (m.document.date ?? '') > today).sort(byDateDesc).reverse().slice(0, limit).map((m) => summary(viewer, m));
    },
    async getMeeting(viewer, id): Promise<MeetingView | null> {
      const found = find(viewer, id);
      if (!found) return null;
      return { meeting: summary(viewer, found.m), document: found.doc, documents: documents(viewer, found.m), people: [], approvals: approvalsOf(viewer, found.m) };
    },
    async getItem(viewer, meetingId, number): Promise<ItemView | null> {
      const found = find(viewer, meetingId);
      const items = found?.doc.items ?? [];
      const index = items.findIndex((i) => i.number === number);
      const item = items[index];
      if (!found || !item) return null;
      const ref = (i: (typeof items)[number] | undefined) => (i ? { number: i.number, title: i.title } : null);
      const related = item.caseNumber
        ? visible(viewer)
            .filter((o) => o.id !== meetingId)
            .flatMap((o) => seen(viewer, o)!.items.filter((i) => i.caseNumber === item.caseNumber).map((i) => ({ meeting: summary(viewer, o), number: i.number, title: i.title })))
        : [];
      return { meeting: summary(viewer, found.m), item, related, previous: ref(items[index - 1]), next: ref(items[index + 1]), approvals: approvalsOf(viewer, found.m) };
    },
    async getVersion(viewer, meetingId, kind, version) {
      const found = findVersion(viewer, meetingId, kind, version);
      if (!found) return null;
      const v = listing(viewer, found.m);
      return { meeting: summary(viewer, found.m), kind, version: v, document: found.doc, versions: [v] };
    },
    async compareVersion(viewer, meetingId, kind, version) {
      const found = findVersion(viewer, meetingId, kind, version);
      if (!found) return null;
      const v = listing(viewer, found.m);
      return { meeting: summary(viewer, found.m), kind, version: v, current: v, change: compareVersions(found.doc, found.doc), items: [] };
    },
    async getOriginal(viewer, fileId) {
      const m = meetings.find((x) => x.documentId === fileId);
      if (!m?.original) return null;
      const access = originalLevel(m);
      if (!canRead(viewer, access, organizationOf(m))) return null;
      const { fileName, contentType, bytes } = m.original;
      return { fileName, contentType, bytes, access };
    },
    async search(viewer, query: SearchQuery): Promise<SearchResult> {
      const needle = query.q.toLowerCase();
      const hits: SearchHit[] = [];
      for (const m of visible(viewer)) {
        const s = summary(viewer, m);
        if (query.body && s.body?.slug !== query.body) continue;
        if (query.year && !(m.document.date ?? '').startsWith(String(query.year))) continue;
        if (query.kind && m.document.kind !== query.kind) continue;
        for (const item of seen(viewer, m)!.items) {
          const sections = item.sections.filter((sec) => !query.sectionType || sec.type === query.sectionType);
          const text = [item.title, ...sections.map(sectionText)].join('\n');
          if (!text.toLowerCase().includes(needle)) continue;
          hits.push({
            title: item.title, itemNumber: item.number, meetingId: m.id, meetingDate: m.document.date,
            body: m.document.body, kind: m.document.kind, snippet: snippetFor(text, needle),
            url: itemUrl(m.id, item.number), rank: item.title.toLowerCase().includes(needle) ? 1 : 0.5,
          });
        }
      }
      if (query.sort === 'newest') hits.sort((a, b) => (b.meetingDate ?? '').localeCompare(a.meetingDate ?? ''));
      else if (query.sort === 'oldest') hits.sort((a, b) => (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''));
      else hits.sort((a, b) => b.rank - a.rank);
      const page = query.page ?? 1;
      const limit = query.limit ?? 20;
      return { total: hits.length, page, limit, results: hits.slice((page - 1) * limit, page * limit) };
    },
    async getCase(viewer, caseNumber) {
      const items = visible(viewer)
        .flatMap((m) => seen(viewer, m)!.items.filter((i) => i.caseNumber === caseNumber).map((i) => ({ m, i })))
        .sort((a, b) => byDateDesc(a.m, b.m))
        .map(({ m, i }) => ({ meeting: summary(viewer, m), number: i.number, title: i.title, kind: m.document.kind, decision: i.decision }));
      return items.length > 0 ? { caseNumber, items } : null;
    },
    async listPeople() {
      return [];
    },
    async getPerson() {
      return null;
    },
    async calendar(viewer, bodySlug) {
      const list = visible(viewer).filter((m) => m.document.date !== null && (bodySlug === null || summary(viewer, m).body?.slug === bodySlug));
      if (bodySlug !== null && list.length === 0) return null;
      return list.map((m) => ({
        meetingId: m.id,
        date: m.document.date!,
        startTime: m.document.startTime,
        endTime: m.document.endTime,
        location: m.document.location,
        status: summary(viewer, m).status,
        body: summary(viewer, m).body,
        modified: '2020-09-01T00:00:00Z',
      }));
    },
    async feed(viewer, scope) {
      const list = visible(viewer).filter((m) => scope.kind === 'all' || (scope.kind === 'body' && summary(viewer, m).body?.slug === scope.slug));
      return list.map((m) => ({
        versionId: m.documentId,
        meetingId: m.id,
        kind: m.document.kind,
        version: 1,
        updated: '2020-09-01T00:00:00Z',
        date: m.document.date,
        body: m.document.body,
        items: seen(viewer, m)!.items.map((i) => `${i.number}. ${i.title}`),
      }));
    },
    async listMeetings(viewer, filter) {
      const inBody = visible(viewer).filter((m) => !filter.body || summary(viewer, m).body?.slug === filter.body);
      const years = [...new Set(inBody.map((m) => m.document.date?.slice(0, 4)).filter((y): y is string => !!y).map(Number))].sort((a, b) => b - a);
      const d = (m: MemoryMeeting) => m.document.date;
      let list = inBody
        .filter((m) => filter.year === undefined || d(m)?.startsWith(`${filter.year}-`))
        .filter((m) => filter.from === undefined || (d(m) !== null && d(m)! >= filter.from))
        .filter((m) => filter.to === undefined || (d(m) !== null && d(m)! <= filter.to));
      // Newest first, undated last, as the database orders them.
      list = filter.upcoming
        ? list.filter((m) => (d(m) ?? '') > today).sort(byDateDesc).reverse()
        : list.sort((a, b) => (d(a) === null ? 1 : 0) - (d(b) === null ? 1 : 0) || byDateDesc(a, b) || b.id - a.id);
      const page = filter.page ?? 1;
      const limit = filter.limit ?? 25;
      return { total: list.length, page, limit, years, meetings: list.slice((page - 1) * limit, page * limit).map((m) => summary(viewer, m)) };
    },
    async meetingMonth(viewer, month, body) {
      const dated = visible(viewer).filter((m) => m.document.date && (!body || summary(viewer, m).body?.slug === body)).sort(byDateDesc).reverse();
      const monthOf = (m: MemoryMeeting) => m.document.date!.slice(0, 7);
      return {
        month,
        meetings: dated.filter((m) => monthOf(m) === month).map((m) => summary(viewer, m)),
        previousWithMeetings: dated.filter((m) => monthOf(m) < month).map(monthOf).at(-1) ?? null,
        nextWithMeetings: dated.filter((m) => monthOf(m) > month).map(monthOf)[0] ?? null,
      };
    },
    async sitemap(viewer) {
      const list = visible(viewer);
      const items = list.flatMap((m) => seen(viewer, m)!.items.map((i) => ({ meetingId: m.id, caseNumber: i.caseNumber, number: i.number })));
      return {
        meetings: list.map((m) => ({ id: m.id, modified: MEMORY_VERSION_CREATED_AT })),
        items: items.map(({ meetingId, number }) => ({ meetingId, number })),
        bodies: bodies(viewer).filter((b) => b.meetingCount > 0).map((b) => b.slug),
        people: [],
        cases: [...new Set(items.map((i) => i.caseNumber).filter((c): c is string => c !== null))].sort(),
      };
    },
  };
}
