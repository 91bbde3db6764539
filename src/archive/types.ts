/**
 * @module The archive's read side: what the pages, the JSON API and feeds ask of storage.
 * Implemented over the database (src/db). Every method takes the viewer who reads and returns
 * only what the access policy (policy.ts) lets that viewer see.
 */
import type { PromisedItem } from '../import/structure/promises.js';
import type {
  AgendaItem,
  AttendanceStatus,
  DocumentKind,
  DocumentVersionInfo,
  FileInfo,
  MeetingDocument,
  MeetingStatus,
  Membership,
  Organization,
  Person,
  SectionType,
  VersionChange,
  Viewer,
} from '../model/index.js';
import type { StoredBilag } from './bilag.js';

export type { AttendanceStatus };
export type { StoredBilag };

/** An organisation that meets (OParl Organization), with its authority. */
export interface BodySummary extends Pick<Organization, 'slug' | 'name'> {
  /** The publishing authority's name ("KL", "Aarhus Kommune"), when known. */
  authority: string | null;
  meetingCount: number;
}

export interface MeetingSummary {
  id: number;
  status: MeetingStatus;
  body: { slug: string; name: string } | null;
  /** YYYY-MM-DD, or null for an undated document. */
  date: string | null;
  startTime: string | null;
  location: string | null;
  /** The kinds of document stored for the meeting (agenda, minutes). */
  kinds: DocumentKind[];
  itemCount: number;
}

/** A version of a meeting document, with its original file when the viewer may download it. */
export interface VersionListing extends DocumentVersionInfo {
  /** The original file's id (for /documents/:id/original), or null when withheld or written in Referat. */
  fileId: number | null;
  format: string | null;
  /** Why a written version corrects the one before ("Rettet …" on the meeting page); null for the first and for imports. */
  note?: string | null;
}

/** One of a meeting's documents (agenda, minutes …) with every version, newest first. */
export interface StoredDocumentInfo {
  kind: DocumentKind;
  current: VersionListing;
  versions: VersionListing[];
}

export interface MeetingView {
  meeting: MeetingSummary;
  /** The meeting's current document (minutes before agenda), as the viewer may see it. */
  document: MeetingDocument;
  documents: StoredDocumentInfo[];
  /** The document's participant names as written, each with the person it names. */
  people: Array<{ name: string; person: PersonRef }>;
  /** The stored files of the bilag the viewer may download (see archive/bilag.ts storedBilagOf). */
  bilag?: StoredBilag[];
  /** Items this meeting promised for a later one, and items earlier meetings promised for it (db/promises.ts). */
  promises?: { made: PromiseView[]; due: PromiseView[] };
  /** Links through the approval of minutes (absent on an earlier version's page). */
  approvals?: MeetingApprovals;
  /** Numbers of items the viewer may not read (shown as "Lukket punkt"); absent: none. */
  withheld?: string[];
}

/** A meeting's links to other meetings through the approval of minutes, as one viewer may see them. */
export interface MeetingApprovals {
  /** This meeting's items approving an earlier meeting's minutes, with that meeting when it is in the archive. */
  approves: Array<{ number: string; meeting: MeetingSummary }>;
  /**
   * Later meetings of the organisation with an item approving this meeting's minutes: `approved`
   * once that meeting's minutes give the item a decision, otherwise on its agenda for approval.
   */
  approvedAt: Array<{ meeting: MeetingSummary; number: string; title: string; approved: boolean }>;
}

/** A meeting known only as planned (from a calendar in another document): no agenda yet. */
export interface PlannedMeetingView {
  meeting: MeetingSummary;
  /** The item whose calendar announced it. */
  announcedBy: { meetingId: number; number: string; date: string | null; body: string | null; correction?: CorrectionState | null } | null;
  /** Items earlier meetings promised for it. */
  due: PromiseView[];
}

export interface ItemView {
  meeting: MeetingSummary;
  item: AgendaItem;
  /** The same case number at other meetings, for following a case. */
  related: Array<{ meeting: MeetingSummary; number: string; title: string }>;
  /** Items about the same matter without the case number, by content (db/related.ts). */
  byContent?: RelatedItem[];
  /** The items before and after it in the meeting's current document, as the viewer may see it. */
  previous: ItemRef | null;
  next: ItemRef | null;
  /** The stored files of the item's bilag the viewer may download. */
  bilag?: StoredBilag[];
  /** The item's meeting's links through the approval of minutes. */
  approvals?: MeetingApprovals;
}

/** An item named by its number and title, for links between items. */
export interface ItemRef {
  number: string;
  title: string;
}

/** An item promised for a later meeting ("Punkter til næste møde"), where it was promised, and what became of it. */
export interface PromiseView {
  promise: PromisedItem;
  /** The meeting whose document promised it. */
  from: MeetingSummary;
  /** The meeting it was promised for, when it is in the archive. */
  to: MeetingSummary | null;
  /** The item of `to` that took it up; null while none has. */
  item: ItemRef | null;
  /** The promising item's stable id, the key a secretary's correction is kept under, and the correction (db/derived.ts). */
  source?: { itemId: number; key: string; correction: CorrectionState | null };
}

/** A secretary's decision on a derived record (db/derived.ts). */
export interface CorrectionState {
  action: 'confirm' | 'change' | 'reject';
  decidedBy: string;
  decidedAt: string;
}

/** One agenda item of a case (sag), from the meeting's current document. */
export interface CaseItem {
  /** The agenda item's stable id. */
  id?: number;
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
  /** Per subject (threadsBySubject's order): items of other cases (or none) about its matter, by content (db/related.ts), best first. */
  related?: RelatedItem[][];
}

/** An item related to another by content, not by case number (db/related.ts). */
export interface RelatedItem {
  id: number;
  meeting: MeetingSummary;
  number: string;
  title: string;
  decision: string | null;
  score: number;
}

/** A person as one identity across documents; `slug` may be empty (no Latin letters in the name). */
export interface PersonRef extends Pick<Person, 'id' | 'name'> {
  slug: string;
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

/** A seat in an organisation (OParl Membership), derived from the documents or entered. */
export interface MembershipView extends Pick<Membership, 'id' | 'role' | 'onBehalfOf' | 'party' | 'startDate' | 'endDate' | 'derived'> {
  person: PersonRef;
  organization: Pick<Organization, 'slug' | 'name'>;
  /** The electoral period ("Valgperioden 2018–2021"). */
  term: string | null;
  /** attendance: from participant lists · appointment: an item appointed the person. */
  source: 'attendance' | 'appointment';
  /** The appointing item (source 'appointment'). */
  sourceItem: { meetingId: number; number: string; date: string | null } | null;
  /** A secretary's correction of an appointment (db/derived.ts); null: as derived. */
  correction?: CorrectionState | null;
}

/** Seats one organisation fills in another for an electoral period, as an item's table states them. */
export interface SeatView {
  organization: Pick<Organization, 'slug' | 'name'>;
  appointedBy: Pick<Organization, 'slug' | 'name'> | null;
  period: string;
  seats: number;
  note: string;
  sourceItem: { meetingId: number; number: string; date: string | null };
  /** A secretary's correction of the seats (db/derived.ts); null: as derived. */
  correction?: CorrectionState | null;
}

/** An earlier (or the current) version of a meeting document, as the viewer may see it. */
export interface VersionView {
  meeting: MeetingSummary;
  kind: DocumentKind;
  version: VersionListing;
  document: MeetingDocument;
  /** The document's versions, newest first. */
  versions: VersionListing[];
}

/** A version compared with the document's current version, item by item. */
export interface VersionComparison {
  meeting: MeetingSummary;
  kind: DocumentKind;
  version: VersionListing;
  current: VersionListing;
  change: VersionChange;
  /** Per item (by number and title) the paragraphs only in the version, only in the current one. */
  items: Array<{ key: string; status: 'added' | 'removed' | 'changed'; removed: string[]; added: string[] }>;
}

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
  person: PersonRef & { party: string | null; municipality: string | null; nameVariants: string[] };
  /** Seats in organisations, current period first. */
  memberships: MembershipView[];
  /** Every meeting the person is listed at, newest first. */
  attendance: Attendance[];
  /** Items the person presented ("v. …"), by any spelling of the name, newest first. */
  presented?: Array<{ meeting: MeetingSummary; number: string; title: string }>;
  /** Items whose text names the person (decision, sections; any spelling), beyond those presented, newest first. */
  namedIn?: Array<{ meeting: MeetingSummary; number: string; title: string; excerpt: string }>;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

export interface SearchQuery {
  q: string;
  body?: string; // body slug
  year?: number;
  /** Meetings on or after / on or before this date (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Items of meetings this person attended: a person reference ("12-h-c-oesterby", a slug) or a name. */
  person?: string;
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
  /** People whose name the query is (shown above the items). */
  people?: PersonRef[];
  /** Case numbers (as written) the query names; their items rank first. */
  cases?: string[];
  /** The people the person filter names (empty: it names nobody). */
  personFilter?: PersonRef[];
}

export interface BodyView {
  body: BodySummary;
  meetings: MeetingSummary[];
  /** Seats of the current electoral period and earlier ones, newest period first. */
  memberships: MembershipView[];
  /** Seats in this organisation filled by others, and seats this organisation fills elsewhere, newest period first. */
  seats?: { in: SeatView[]; fills: SeatView[] };
}

/** A meeting in a calendar (iCalendar): when, where, and whether it is cancelled. */
export interface CalendarEntry {
  meetingId: number;
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  status: MeetingStatus;
  body: { slug: string; name: string } | null;
  /** When the meeting last changed (UTC), for DTSTAMP. */
  modified: string;
}

/** What a feed follows: everything, an organisation, a case, a person, or a search. */
export type FeedScope =
  | { kind: 'all' }
  | { kind: 'body'; slug: string }
  | { kind: 'case'; caseNumber: string }
  | { kind: 'person'; personId: number }
  /** A search with its filters (a person filter alone lists the person's meetings). */
  | { kind: 'search'; q: string; filters?: SearchFilters };

/** The filters of a search, beside its words. */
export type SearchFilters = Pick<SearchQuery, 'body' | 'year' | 'from' | 'to' | 'person' | 'kind' | 'sectionType'>;

/** A new or changed agenda or minutes: one version of a meeting document. */
export interface FeedEntry {
  versionId: number;
  meetingId: number;
  kind: DocumentKind;
  version: number;
  /** When the version was stored (UTC). */
  updated: string;
  date: string | null;
  body: string | null;
  /** "1. Godkendelse af referat", … as the viewer may see them. */
  items: string[];
}

/** The meetings list's filters; meetings without a stored document are not listed (they have no page). */
export interface MeetingFilter {
  /** Body slug. */
  body?: string;
  year?: number;
  /** Only meetings dated after today, oldest first (otherwise newest first). */
  upcoming?: boolean;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  page?: number; // 1-based
  limit?: number;
}

/** A page of the meetings list. */
export interface MeetingPage {
  total: number;
  page: number;
  limit: number;
  meetings: MeetingSummary[];
  /** The years that have meetings (within the body filter), newest first, for the year filter. */
  years: number[];
}

/** The meetings of one month (YYYY-MM), for the month calendar. */
export interface MeetingMonth {
  month: string;
  /** Oldest first. */
  meetings: MeetingSummary[];
  /** The nearest earlier and later months that have meetings (YYYY-MM), or null. */
  previousWithMeetings: string | null;
  nextWithMeetings: string | null;
}

/** Everything public pages exist for, for sitemap.xml. */
export interface SitemapEntries {
  /** `modified` is a UTC timestamp. */
  meetings: Array<{ id: number; modified: string }>;
  items: Array<{ meetingId: number; number: string }>;
  bodies: string[];
  people: PersonRef[];
  cases: string[];
}

/** A file's bytes as served, with its level (restricted files are not cached). */
export type DownloadedFile = { fileName: string; contentType: string; bytes: Uint8Array } & Pick<FileInfo, 'access'>;

export interface Archive {
  listBodies(viewer: Viewer): Promise<BodySummary[]>;
  getBody(viewer: Viewer, slug: string): Promise<BodyView | null>;
  latestMeetings(viewer: Viewer, limit: number): Promise<MeetingSummary[]>;
  /** Meetings dated after today (planned meetings). */
  upcomingMeetings(viewer: Viewer, limit: number): Promise<MeetingSummary[]>;
  getMeeting(viewer: Viewer, id: number): Promise<MeetingView | null>;
  /** A meeting without documents yet (planned), or null. */
  getPlannedMeeting?(viewer: Viewer, id: number): Promise<PlannedMeetingView | null>;
  getItem(viewer: Viewer, meetingId: number, number: string): Promise<ItemView | null>;
  /** A version of one of the meeting's documents (1 = the first), readable at its own URL. */
  getVersion(viewer: Viewer, meetingId: number, kind: DocumentKind, version: number): Promise<VersionView | null>;
  /** A version compared with the current version of the same document. */
  compareVersion(viewer: Viewer, meetingId: number, kind: DocumentKind, version: number): Promise<VersionComparison | null>;
  /** An original file, only when everything in it is readable by the viewer. */
  getOriginal(viewer: Viewer, fileId: number): Promise<DownloadedFile | null>;
  /** A bilag's stored file, only when a current bilag the viewer may read names it (absent: no bilag are stored). */
  getBilagFile?(viewer: Viewer, fileId: number): Promise<DownloadedFile | null>;
  search(viewer: Viewer, query: SearchQuery): Promise<SearchResult>;
  /** A case's visible items across meetings; null when it has none. */
  getCase(viewer: Viewer, caseNumber: string): Promise<CaseView | null>;
  /** Promised items no agenda has taken up yet: all bodies', or one's (null when the body is unknown). */
  openPromises?(viewer: Viewer, bodySlug: string | null): Promise<PromiseView[] | null>;
  /** The case number as stored that a typed one names, ignoring case and punctuation ("sag 2020 01697"); null when none the viewer may see. */
  resolveCaseNumber?(viewer: Viewer, typed: string): Promise<string | null>;
  /** People from the participant lists, grouped by body. */
  listPeople(viewer: Viewer, filter: PeopleFilter): Promise<PeopleGroup[]>;
  /** A person by id, "id-slug" or slug, with attendance; null when unknown or never listed. */
  getPerson(viewer: Viewer, ref: string): Promise<PersonView | null>;
  /** Dated meetings for a calendar: all, or one organisation's (null when the organisation is unknown). */
  calendar(viewer: Viewer, bodySlug: string | null): Promise<CalendarEntry[] | null>;
  /** New and changed agendas and minutes in a scope, newest first. */
  feed(viewer: Viewer, scope: FeedScope): Promise<FeedEntry[]>;
  /** A page of the meetings list, filtered by body and year. */
  listMeetings(viewer: Viewer, filter: MeetingFilter): Promise<MeetingPage>;
  /** A month's meetings (month as YYYY-MM), of one body or all. */
  meetingMonth(viewer: Viewer, month: string, body?: string): Promise<MeetingMonth>;
  /** Every page the viewer may read that a sitemap lists. */
  sitemap(viewer: Viewer): Promise<SitemapEntries>;
}
