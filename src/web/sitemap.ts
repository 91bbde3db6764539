/**
 * @module sitemap.xml (sitemaps.org 0.9) and robots.txt. Addresses are absolute, from the site's
 * public origin as OParl and the calendars build them. Past 50,000 addresses (the protocol's limit
 * per file) /sitemap.xml becomes an index of numbered files, `/sitemap.xml?part=2`.
 */
import type { SitemapEntries } from '../archive/types.js';
import { meetingsUrl } from './meetings-params.js';
import { bodyUrl, caseUrl, itemUrl, meetingUrl, personUrl } from './urls.js';

export const SITEMAP_LIMIT = 50_000;

interface SitemapUrl {
  path: string;
  lastmod?: string;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** Every address, in a stable order: site pages, bodies, meetings, items, cases, people. */
export function sitemapUrls(entries: SitemapEntries): SitemapUrl[] {
  return [
    { path: '/' },
    { path: meetingsUrl() },
    { path: '/people' },
    { path: '/om-arkivet' },
    { path: '/tilgaengelighed' },
    ...entries.bodies.map((slug) => ({ path: bodyUrl(slug) })),
    ...entries.meetings.map((m) => ({ path: meetingUrl(m.id), lastmod: m.modified })),
    ...entries.items.map((i) => ({ path: itemUrl(i.meetingId, i.number) })),
    ...entries.cases.map((c) => ({ path: caseUrl(c) })),
    ...entries.people.map((p) => ({ path: personUrl(p) })),
  ];
}

/** How many files the sitemap needs. */
export function sitemapParts(urls: SitemapUrl[]): number {
  return Math.max(1, Math.ceil(urls.length / SITEMAP_LIMIT));
}

/** A `<urlset>` of the given addresses (one part of at most SITEMAP_LIMIT). */
export function renderUrlset(urls: SitemapUrl[], origin: string): string {
  const body = urls
    .map((u) => `<url><loc>${escapeXml(origin + u.path)}</loc>${u.lastmod ? `<lastmod>${escapeXml(u.lastmod)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** A `<sitemapindex>` of the numbered parts. */
export function renderSitemapIndex(parts: number, origin: string): string {
  const body = Array.from({ length: parts }, (_, i) => `<sitemap><loc>${escapeXml(`${origin}/sitemap.xml?part=${i + 1}`)}</loc></sitemap>`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</sitemapindex>\n`;
}

/**
 * The sitemap document: the whole urlset when it fits in one file, else the index (no part given)
 * or one part; null for a part that does not exist.
 */
export function renderSitemap(entries: SitemapEntries, origin: string, part: number | null): string | null {
  const urls = sitemapUrls(entries);
  const parts = sitemapParts(urls);
  if (part === null) return parts === 1 ? renderUrlset(urls, origin) : renderSitemapIndex(parts, origin);
  if (part < 1 || part > parts) return null;
  return renderUrlset(urls.slice((part - 1) * SITEMAP_LIMIT, part * SITEMAP_LIMIT), origin);
}

/** robots.txt: everything may be crawled but the machine endpoints; the sitemap named. */
export function renderRobots(origin: string): string {
  return [
    'User-agent: *',
    // Search result pages and feeds are endless variations of pages the sitemap lists.
    'Disallow: /search',
    'Disallow: /api/',
    'Disallow: /internal/',
    '',
    `Sitemap: ${origin}/sitemap.xml`,
    '',
  ].join('\n');
}
