/**
 * @module A test-only `Archive` over MeetingDocument values held in memory. It lets the web layer
 * be tested before (and independently of) the database; search is a plain case-insensitive
 * substring match, not the database's Danish full-text search. People are left to the database
 * archive (no index, no person pages, meeting names unlinked): follow.test.ts tests them there.
 */
import type {
  Archive, BodySummary, ItemView, MeetingSummary, MeetingView, SearchHit, SearchQuery, SearchResult,
} from '../../archive/types.js';
import type { MeetingDocument } from '../../model/index.js';
import { sectionText } from '../../model/index.js';
import { itemUrl } from '../urls.js';

export interface MemoryMeeting {
  id: number;
  documentId: number;
  document: MeetingDocument;
  original?: { fileName: string; contentType: string; bytes: Uint8Array };
}

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

/** Build an in-memory archive; `today` decides which meetings are upcoming. */
export function createMemoryArchive(meetings: MemoryMeeting[], today = '2020-09-01'): Archive {
  const summary = (m: MemoryMeeting): MeetingSummary => ({
    id: m.id,
    body: m.document.body ? { slug: slugify(m.document.body), name: m.document.body } : null,
    date: m.document.date,
    startTime: m.document.startTime,
    location: m.document.location,
    kinds: [m.document.kind],
    itemCount: m.document.items.filter((i) => i.access === 'public').length,
  });
  const byDateDesc = (a: MemoryMeeting, b: MemoryMeeting) => (b.document.date ?? '').localeCompare(a.document.date ?? '');
  const publicDoc = (d: MeetingDocument): MeetingDocument => ({
    ...d,
    items: d.items.filter((i) => i.access === 'public').map((i) => ({ ...i, attachments: i.attachments.filter((a) => a.access === 'public') })),
  });

  const bodies = (): BodySummary[] => {
    const counts = new Map<string, number>();
    for (const m of meetings) if (m.document.body) counts.set(m.document.body, (counts.get(m.document.body) ?? 0) + 1);
    return [...counts].map(([name, meetingCount]) => ({ slug: slugify(name), name, meetingCount })).sort((a, b) => a.name.localeCompare(b.name));
  };

  return {
    async listBodies() {
      return bodies();
    },
    async getBody(slug) {
      const body = bodies().find((b) => b.slug === slug);
      if (!body) return null;
      return { body, meetings: meetings.filter((m) => m.document.body === body.name).sort(byDateDesc).map(summary) };
    },
    async latestMeetings(limit) {
      return meetings.filter((m) => (m.document.date ?? '') <= today).sort(byDateDesc).slice(0, limit).map(summary);
    },
    async upcomingMeetings(limit) {
      return meetings.filter((m) => (m.document.date ?? '') > today).sort(byDateDesc).reverse().slice(0, limit).map(summary);
    },
    async getMeeting(id): Promise<MeetingView | null> {
      const m = meetings.find((x) => x.id === id);
      if (!m) return null;
      const source = m.document.source;
      return {
        meeting: summary(m),
        document: publicDoc(m.document),
        documents: source
          ? [{ id: m.documentId, kind: m.document.kind, fileName: source.fileName, format: source.format, sha256: source.sha256, importedAt: '2020-09-01T00:00:00Z' }]
          : [],
        people: [],
      };
    },
    async getItem(meetingId, number): Promise<ItemView | null> {
      const m = meetings.find((x) => x.id === meetingId);
      const item = m?.document.items.find((i) => i.number === number && i.access === 'public');
      if (!m || !item) return null;
      const related = item.caseNumber
        ? meetings
            .filter((o) => o.id !== m.id)
            .flatMap((o) => o.document.items.filter((i) => i.access === 'public' && i.caseNumber === item.caseNumber).map((i) => ({ meeting: summary(o), number: i.number, title: i.title })))
        : [];
      return { meeting: summary(m), item: publicDoc({ ...m.document, items: [item] }).items[0]!, related };
    },
    async getOriginal(documentId) {
      return meetings.find((m) => m.documentId === documentId)?.original ?? null;
    },
    async search(query: SearchQuery): Promise<SearchResult> {
      const needle = query.q.toLowerCase();
      const hits: SearchHit[] = [];
      for (const m of meetings) {
        const s = summary(m);
        if (query.body && s.body?.slug !== query.body) continue;
        if (query.year && !(m.document.date ?? '').startsWith(String(query.year))) continue;
        if (query.kind && m.document.kind !== query.kind) continue;
        for (const item of publicDoc(m.document).items) {
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
    async getCase(caseNumber) {
      const items = meetings
        .flatMap((m) => publicDoc(m.document).items.filter((i) => i.caseNumber === caseNumber).map((i) => ({ m, i })))
        .sort((a, b) => byDateDesc(a.m, b.m))
        .map(({ m, i }) => ({ meeting: summary(m), number: i.number, title: i.title, kind: m.document.kind, decision: i.decision }));
      return items.length > 0 ? { caseNumber, items } : null;
    },
    async listPeople() {
      return [];
    },
    async getPerson() {
      return null;
    },
  };
}
