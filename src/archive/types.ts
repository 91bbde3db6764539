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
  /** The document's participant names as written, each with the person it names. */
  people: Array<{ name: string; person: PersonRef }>;
}

export interface ItemView {
  meeting: MeetingSummary;
  item: AgendaItem;
  /** The same case number at other meetings, for following a case. */
  related: Array<{ meeting: MeetingSummary; number: string; title: string }>;
}

/** One agenda item of a case (sag), from the meeting's current document. */
export interface CaseItem {
  meeting: MeetingSummary;
  number: string;
  title: string;
  kind: DocumentKind;
  decision: string | null;
}

export interface CaseView {
  caseNumber: string;
  /** Public items with the case number at every meeting and body, newest first. */
  items: CaseItem[];
}

/** A person as one identity across documents; `slug` may be empty (no Latin letters in the name). */
export interface PersonRef {
  id: number;
  slug: string;
  name: string;
}

/** A person in the people index, counted within one body. */
export interface PersonListing extends PersonRef {
  /** The latest party and municipality the documents state. */
  party: string | null;
  municipality: string | null;
  meetingCount: number;
  lastDate: string | null;
}

export interface PeopleFilter {
  /** Part of the name, matched however the name is punctuated or capitalised. */
  q?: string;
  /** Body slug. */
  body?: string;
}

export interface PeopleGroup {
  body: { slug: string; name: string } | null;
  people: PersonListing[];
}

/** How someone took part in a meeting: member present, afbud, absent, substitute, or other attendee. */
export type AttendanceStatus = 'present' | 'afbud' | 'absent' | 'substitute' | 'guest';

export interface Attendance {
  meeting: MeetingSummary;
  status: AttendanceStatus;
  /** As this meeting's document states them (members present and afbud). */
  party: string | null;
  municipality: string | null;
  /** Role in the body, or an attendee's job title. */
  role: string | null;
  organisation: string | null;
  minuteTaker: boolean;
  /** For afbud: who attended instead; for a substitute: whom they attended for. */
  counterpart: PersonRef | null;
}

export interface PersonView {
  person: PersonRef & { party: string | null; municipality: string | null };
  /** Every meeting the person is listed at, newest first. */
  attendance: Attendance[];
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
  /** A case's public items across meetings; null when it has none. */
  getCase(caseNumber: string): Promise<CaseView | null>;
  /** People from the participant lists, grouped by body. */
  listPeople(filter: PeopleFilter): Promise<PeopleGroup[]>;
  /** A person by id, "id-slug" or slug, with attendance; null when unknown or never listed. */
  getPerson(ref: string): Promise<PersonView | null>;
}
