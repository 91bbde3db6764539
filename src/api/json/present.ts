/** @module Archive views (src/archive/types.ts) turned into the JSON API's shapes (schemas.ts). */
import type { z } from '@hono/zod-openapi';
import type {
  BodySummary, BodyView, CaseView, ItemView, MeetingSummary, MeetingView, PeopleGroup, PersonRef, PersonView, SearchResult, StoredDocumentInfo, VersionListing,
} from '../../archive/types.js';
import { storedBilagOf, type StoredBilag } from '../../archive/bilag.js';
import type { AgendaItem } from '../../model/index.js';
import { bilagUrl, bodyUrl, itemUrl, meetingUrl, originalUrl } from '../../web/urls.js';
import type * as S from './schemas.js';

/** `/people/12` — a person's page by id, which always resolves. */
const personUrl = (id: number) => `/people/${id}`;
const caseUrl = (caseNumber: string) => `/cases/${encodeURIComponent(caseNumber)}`;

/** First, previous, next and last page of a list, with the request's other parameters kept. */
export function pageLinks(requestUrl: string, page: number, limit: number, total: number): S.ApiLinks {
  const last = Math.max(1, Math.ceil(total / limit));
  const at = (n: number) => {
    const u = new URL(requestUrl);
    if (n > 1) u.searchParams.set('page', String(n));
    else u.searchParams.delete('page');
    return u.toString();
  };
  return {
    self: at(page),
    first: at(1),
    ...(page > 1 ? { prev: at(Math.min(page - 1, last)) } : {}),
    ...(page < last ? { next: at(page + 1) } : {}),
    last: at(last),
  };
}

export function meetingSummary(m: MeetingSummary): S.ApiMeetingSummary {
  return { ...m, url: meetingUrl(m.id) };
}

function version(v: VersionListing) {
  const { fileId, ...rest } = v;
  return { ...rest, originalUrl: fileId === null ? null : originalUrl(fileId) };
}

function documents(list: StoredDocumentInfo[]) {
  return list.map((d) => ({ kind: d.kind, current: version(d.current), versions: d.versions.map(version) }));
}

/** The item with each bilag's stored file (null when the archive has no bytes the reader may download). */
function withFiles(item: AgendaItem, stored: StoredBilag[] | undefined): z.infer<typeof S.ApiItem>['item'] {
  return {
    ...item,
    attachments: item.attachments.map((a) => {
      const file = storedBilagOf(item.number, a, stored);
      return { ...a, file: file && { url: bilagUrl(file.fileId), mediaType: file.mediaType, size: file.size } };
    }),
  };
}

export function meeting(view: MeetingView): z.infer<typeof S.ApiMeeting> {
  const approvals = view.approvals ?? { approves: [], approvedAt: [] };
  const document = { ...view.document, items: view.document.items.map((i) => withFiles(i, view.bilag)) };
  return {
    meeting: meetingSummary(view.meeting), document, documents: documents(view.documents), people: view.people,
    approves: approvals.approves.map((a) => ({ number: a.number, meeting: meetingSummary(a.meeting) })),
    approvedAt: approvals.approvedAt.map((a) => ({ ...a, meeting: meetingSummary(a.meeting), url: itemUrl(a.meeting.id, a.number) })),
  };
}

export function item(view: ItemView): z.infer<typeof S.ApiItem> {
  return {
    meeting: meetingSummary(view.meeting),
    item: withFiles(view.item, view.bilag),
    url: itemUrl(view.meeting.id, view.item.number),
    related: view.related.map((r) => ({ meeting: meetingSummary(r.meeting), number: r.number, title: r.title, url: itemUrl(r.meeting.id, r.number) })),
  };
}

export function bodySummary(b: BodySummary): z.infer<typeof S.ApiBodySummary> {
  return { ...b, url: bodyUrl(b.slug) };
}

export function body(view: BodyView, origin: string): z.infer<typeof S.ApiBody> {
  const slug = encodeURIComponent(view.body.slug);
  return {
    body: bodySummary(view.body),
    memberships: view.memberships,
    links: { meetings: `${origin}/api/meetings?body=${slug}`, calendar: `${origin}/bodies/${slug}/calendar.ics`, feed: `${origin}/bodies/${slug}/feed.atom` },
  };
}

/** The people index as one list: a person listed in several organisations once, names in Danish order. */
export function people(groups: PeopleGroup[]): Array<z.infer<typeof S.ApiPersonListing>> {
  const byId = new Map<number, z.infer<typeof S.ApiPersonListing>>();
  for (const g of groups) {
    for (const p of g.people) {
      const seen = byId.get(p.id);
      if (!seen) {
        byId.set(p.id, { id: p.id, slug: p.slug, name: p.name, party: p.party, municipality: p.municipality, meetingCount: p.meetingCount, lastDate: p.lastDate, bodies: [g.body], url: personUrl(p.id) });
        continue;
      }
      seen.meetingCount += p.meetingCount;
      if ((p.lastDate ?? '') > (seen.lastDate ?? '')) seen.lastDate = p.lastDate;
      seen.bodies.push(g.body);
    }
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'da') || a.id - b.id);
}

export function person(view: PersonView): z.infer<typeof S.ApiPerson> {
  return {
    person: { ...view.person, url: personUrl(view.person.id) },
    memberships: view.memberships,
    attendance: view.attendance.map((a) => ({ ...a, meeting: meetingSummary(a.meeting) })),
  };
}

export function caseView(view: CaseView): z.infer<typeof S.ApiCase> {
  return {
    caseNumber: view.caseNumber,
    url: caseUrl(view.caseNumber),
    items: view.items.map((i) => ({ ...i, meeting: meetingSummary(i.meeting), url: itemUrl(i.meeting.id, i.number) })),
  };
}

const searchPerson = (p: PersonRef) => ({ id: p.id, name: p.name, slug: p.slug, url: personUrl(p.id) });

/** The search response: the shape /api/search always had, with page links, and the people and cases the query names. */
export function search(result: SearchResult, requestUrl: string): z.infer<typeof S.ApiSearch> {
  return {
    total: result.total,
    totalIsEstimate: result.totalIsEstimate ?? false,
    page: result.page,
    limit: result.limit,
    links: pageLinks(requestUrl, result.page, result.limit, result.total),
    results: result.results.map((h) => ({ title: h.title, itemNumber: h.itemNumber, meetingDate: h.meetingDate, body: h.body, snippet: h.snippet, url: h.url })),
    people: (result.people ?? []).map(searchPerson),
    cases: (result.cases ?? []).map((caseNumber) => ({ caseNumber, url: caseUrl(caseNumber) })),
    ...(result.personFilter ? { personFilter: result.personFilter.map(searchPerson) } : {}),
  };
}
