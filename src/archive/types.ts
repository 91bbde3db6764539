/**
 * @module The archive's read side: what the public pages, the JSON API and feeds ask of storage.
 * Implemented over the database (src/db); every method returns public content only —
 * closed items and closed bilag never leave this interface.
 */
import type { AgendaItem, DocumentKind, MeetingDocument, SectionType } from '../model/index.js';

export interface BodySummary {
  slug: string;
  name: string;
  meetingCount: number;
}

export interface MeetingSummary {
  id: number;
  body: { slug: string; name: string } | null;
  /** YYYY-MM-DD, or null for an undated document. */
  date: string | null;
  startTime: string | null;
  location: string | null;
  /** The kinds of document stored for the meeting (agenda, minutes). */
  kinds: DocumentKind[];
  itemCount: number;
}

export interface StoredDocumentInfo {
  id: number;
  kind: DocumentKind;
  fileName: string;
  format: string;
  sha256: string;
  importedAt: string;
}

export interface MeetingView {
  meeting: MeetingSummary;
  /** The newest document of the meeting (minutes before agenda), public items only. */
  document: MeetingDocument;
  documents: StoredDocumentInfo[];
}

export interface ItemView {
  meeting: MeetingSummary;
  item: AgendaItem;
  /** The same case number at other meetings, for following a case. */
  related: Array<{ meeting: MeetingSummary; number: string; title: string }>;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

export interface SearchQuery {
  q: string;
  body?: string; // body slug
  year?: number;
  kind?: DocumentKind;
  sectionType?: SectionType;
  sort?: SearchSort;
  page?: number; // 1-based
  limit?: number; // ≤ 100
}

export interface SearchHit {
  title: string;
  itemNumber: string;
  meetingId: number;
  meetingDate: string | null;
  body: string | null;
  kind: DocumentKind;
  /** HTML-safe snippet: text escaped, matches wrapped in <mark>. */
  snippet: string;
  url: string;
  rank: number;
}

export interface SearchResult {
  total: number;
  /** The total is the planner's estimate (very common words), not an exact count. */
  totalIsEstimate?: boolean;
  page: number;
  limit: number;
  results: SearchHit[];
}

export interface Archive {
  listBodies(): Promise<BodySummary[]>;
  getBody(slug: string): Promise<{ body: BodySummary; meetings: MeetingSummary[] } | null>;
  latestMeetings(limit: number): Promise<MeetingSummary[]>;
  /** Meetings dated after today (planned meetings). */
  upcomingMeetings(limit: number): Promise<MeetingSummary[]>;
  getMeeting(id: number): Promise<MeetingView | null>;
  getItem(meetingId: number, number: string): Promise<ItemView | null>;
  getOriginal(documentId: number): Promise<{ fileName: string; contentType: string; bytes: Uint8Array } | null>;
  search(query: SearchQuery): Promise<SearchResult>;
}
