/** @module The archive's stable URLs, built in one place so pages and tests agree. */
import type { Context } from 'hono';
import { DocumentKind } from '../model/index.js';

/** The site's public origin, without a trailing slash: REFERAT_PUBLIC_URL behind a proxy, else the request's. */
export function originOf(c: Context): string {
  return (process.env.REFERAT_PUBLIC_URL ?? new URL(c.req.url).origin).replace(/\/$/, '');
}

/** The request's URL (path and query) on the public origin: a feed's self link, a list's page links. */
export function publicUrl(c: Context): string {
  const u = new URL(c.req.url);
  return `${originOf(c)}${u.pathname}${u.search}`;
}

/** `/bodies/kkr-midtjylland` */
export function bodyUrl(slug: string): string {
  return `/bodies/${encodeURIComponent(slug)}`;
}

/** `/meetings/12` */
export function meetingUrl(id: number): string {
  return `/meetings/${id}`;
}

/** The id of an item's anchor on the meeting page: `punkt-3.1`. */
export function itemAnchor(number: string): string {
  return `punkt-${number}`;
}

/** `/meetings/12#punkt-3.1` */
export function itemAnchorUrl(meetingId: number, number: string): string {
  return `${meetingUrl(meetingId)}#${itemAnchor(number)}`;
}

/** `/meetings/12/items/3.1` */
export function itemUrl(meetingId: number, number: string): string {
  return `${meetingUrl(meetingId)}/items/${encodeURIComponent(number)}`;
}

/** `/documents/4/original`: an original file by its id (the URL of earlier releases, kept). */
export function originalUrl(fileId: number): string {
  return `/documents/${fileId}/original`;
}

/** `/files/7`: a bilag's stored file by its id (src/web/bilag.ts). */
export function bilagUrl(fileId: number): string {
  return `/files/${fileId}`;
}

/** A document kind in a URL: "agenda", "supplementary-agenda", "minutes". */
export function kindSegment(kind: DocumentKind): string {
  return kind.replace('_', '-');
}

/** The document kind a URL segment names, or null. */
export function kindOfSegment(segment: string): DocumentKind | null {
  const kind = segment.replace('-', '_');
  // One URL per page: the underscore spelling is not another name for the same document.
  return !segment.includes('_') && (DocumentKind.options as readonly string[]).includes(kind) ? (kind as DocumentKind) : null;
}

/** `/meetings/12/documents/minutes/versions/1`: a version at its own URL. */
export function versionUrl(meetingId: number, kind: DocumentKind, version: number): string {
  return `${meetingUrl(meetingId)}/documents/${kindSegment(kind)}/versions/${version}`;
}

/** `/meetings/12/documents/minutes/versions/1/compare`: the version against the current one. */
export function compareUrl(meetingId: number, kind: DocumentKind, version: number): string {
  return `${versionUrl(meetingId, kind, version)}/compare`;
}

/** `/search?…` with empty and undefined parameters left out, so URLs stay short and shareable. */
export function searchUrl(params: Record<string, string | number | undefined | null>, path = '/search'): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const s = query.toString();
  return s ? `${path}?${s}` : path;
}

/** The Atom feed of a search with its filters (words, body, year, dates, person…), without page or sort. */
export function searchFeedUrl(params: Record<string, string | number | undefined | null>): string {
  return searchUrl({ ...params, page: undefined, sort: undefined }, '/search/feed.atom');
}

/** `/cases/SAG-2020-01697`; "24/2231" becomes one path segment (`24%2F2231`). */
export function caseUrl(caseNumber: string): string {
  return `/cases/${encodeURIComponent(caseNumber)}`;
}

/** `/people/12-h-c-oesterby`: the id, and the slug so the link still finds the person after a rebuild. */
export function personUrl(person: { id: number; slug: string }): string {
  return person.slug ? `/people/${person.id}-${person.slug}` : `/people/${person.id}`;
}

/** `/people?q=…&body=…` with empty parameters left out. */
export function peopleUrl(params: { q?: string; body?: string } = {}): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.body) query.set('body', params.body);
  const s = query.toString();
  return s ? `/people?${s}` : '/people';
}

/** `/calendar.ics` (every meeting) or `/bodies/kkr-midtjylland/calendar.ics`. */
export function calendarUrl(bodySlug?: string): string {
  return bodySlug ? `${bodyUrl(bodySlug)}/calendar.ics` : '/calendar.ics';
}

/** A calendar's address for subscribing: `webcal://host/…` (calendar programs follow it). */
export function webcalUrl(origin: string, path: string): string {
  return `${origin.replace(/^https?:/, 'webcal:')}${path}`;
}

/** The Atom feed of a page: everything, an organisation, a case, a person or a search. */
export function feedUrl(scope: { body?: string; caseNumber?: string; person?: { id: number; slug: string }; q?: string } = {}): string {
  if (scope.body) return `${bodyUrl(scope.body)}/feed.atom`;
  if (scope.caseNumber) return `${caseUrl(scope.caseNumber)}/feed.atom`;
  if (scope.person) return `${personUrl(scope.person)}/feed.atom`;
  if (scope.q) return `/search/feed.atom?q=${encodeURIComponent(scope.q)}`;
  return '/feed.atom';
}
