/**
 * @module Atom feeds (RFC 4287) of new and changed agendas and minutes: one entry per stored
 * version, with a stable id, `updated`, an author (the organisation), and a link to the version.
 */
import type { FeedEntry } from '../archive/types.js';
import { danishDate, kindLabel } from './format.js';
import { versionUrl } from './urls.js';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** The feed as XML; `self` is the feed's own URL, `page` the HTML page it follows. */
export function renderAtom(entries: FeedEntry[], options: { title: string; origin: string; self: string; page: string; now?: string }): string {
  const host = new URL(options.origin).host;
  const updated = entries[0]?.updated ?? options.now ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const xml = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">',
    `<id>tag:${host},2026:${escape(new URL(options.self).pathname + new URL(options.self).search)}</id>`,
    `<title>${escape(options.title)}</title>`,
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${escape(options.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${escape(options.page)}"/>`,
    '<author><name>Referat</name></author>',
    '<generator>Referat</generator>',
  ];
  for (const e of entries) {
    const title = `${kindLabel(e.kind)}: ${e.body ?? 'Møde'}, ${danishDate(e.date)}${e.version > 1 ? ` (version ${e.version})` : ''}`;
    const link = `${options.origin}${versionUrl(e.meetingId, e.kind, e.version)}`;
    xml.push(
      '<entry>',
      `<id>tag:${host},2026:version-${e.versionId}</id>`,
      `<title>${escape(title)}</title>`,
      `<updated>${e.updated}</updated>`,
      `<author><name>${escape(e.body ?? 'Referat')}</name></author>`,
      `<link rel="alternate" type="text/html" href="${escape(link)}"/>`,
      `<summary>${escape(e.items.length > 0 ? e.items.join(' · ') : 'Ingen offentlige punkter.')}</summary>`,
      '</entry>',
    );
  }
  xml.push('</feed>');
  return `${xml.join('\n')}\n`;
}
