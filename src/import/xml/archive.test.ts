/**
 * Closed content from case-system XML stays out of the public archive: each fixture (one per
 * format, each with a closed item and a closed bilag) is imported, stored with storeDocument,
 * and read back through the database Archive (getMeeting, getItem, search, getOriginal).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../../model/index.js';
import type { Archive } from '../../archive/types.js';
import { createDbArchive } from '../../db/archive.js';
import type { Database } from '../../db/client.js';
import { storeDocument } from '../../db/store.js';
import { organizationSlug } from '../../db/organizations.js';
import { createApp } from '../../web/app.js';
import { openTestDatabase } from '../../db/testing.js';
import { blockText, type MeetingDocument } from '../../model/index.js';
import { importFile } from '../index.js';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/xml');

/**
 * Per fixture: a word only the closed item's text holds, a word only a closed bilag's title
 * holds (the eDoc one is also written in an open item's "Bilag" section), and a word of an
 * open item, to show search finds public text in the same document.
 */
const FIXTURES = [
  { path: 'sbsys.xml', closedText: 'Møllevej', closedBilag: 'Skolevej', open: 'trafiksikkerhedsplan' },
  { path: 'sbsys-aarhus.xml', closedText: 'ansættelsesforhold', closedBilag: 'leverandør', open: 'evalueringen' },
  { path: 'acadre/XML_2041.xml', closedText: 'skoleplacering', closedBilag: 'personoplysninger', open: 'skolestruktur' },
  { path: 'edoc.xml', closedText: 'hjemmehjælp', closedBilag: 'enkeltsag', open: 'madservice' },
  { path: 'edoc4.xml', closedText: 'tilbagebetalt', closedBilag: 'entreprenør', open: 'svømmehallen' },
];

interface Stored {
  path: string;
  document: MeetingDocument;
  meetingId: number;
  fileId: number | null;
}

let database: Database;
let archive: Archive;
const stored: Stored[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  archive = createDbArchive(database.db);
  for (const { path } of FIXTURES) {
    const imported = await importFile(join(DIR, path));
    const ids = await storeDocument(database.db, imported.document, { bytes: imported.bytes, fileName: path, format: imported.format });
    stored.push({ path, document: imported.document, ...ids });
  }
});

afterAll(() => database?.close());

/** Every string of closed content in a document: closed items whole, closed bilag titles. */
function closedStrings(doc: MeetingDocument): string[] {
  const strings: string[] = [];
  for (const item of doc.items) {
    if (item.access !== 'public') {
      strings.push(...item.sections.flatMap((s) => s.blocks.map(blockText)));
      if (item.decision) strings.push(item.decision);
    }
    strings.push(...item.attachments.filter((a) => a.access !== 'public' || item.access !== 'public').map((a) => a.title));
  }
  return strings.filter((s) => s.trim().length >= 4);
}

describe('closed items and bilag from case-system XML in the public archive', () => {
  it('every fixture stored has closed content to keep back', () => {
    for (const s of stored) expect(closedStrings(s.document).length, s.path).toBeGreaterThan(1);
  });

  it('getMeeting shows the open items and none of the closed text or bilag titles', async () => {
    for (const s of stored) {
      const view = await archive.getMeeting(ANONYMOUS, s.meetingId);
      expect(view, s.path).not.toBeNull();
      const json = JSON.stringify(view);
      for (const text of closedStrings(s.document)) expect(json, `${s.path}: "${text}"`).not.toContain(JSON.stringify(text).slice(1, -1));
      const open = s.document.items.filter((i) => i.access === 'public').map((i) => i.number);
      expect(view!.document.items.map((i) => i.number), s.path).toEqual(open);
    }
  });

  it('getItem refuses closed items and leaves closed bilag out of open ones', async () => {
    for (const s of stored) {
      for (const item of s.document.items) {
        const view = await archive.getItem(ANONYMOUS, s.meetingId, item.number);
        if (item.access !== 'public') {
          expect(view, `${s.path} item ${item.number}`).toBeNull();
          continue;
        }
        expect(view, `${s.path} item ${item.number}`).not.toBeNull();
        const json = JSON.stringify(view);
        for (const text of closedStrings(s.document)) expect(json, `${s.path} item ${item.number}: "${text}"`).not.toContain(JSON.stringify(text).slice(1, -1));
        // The open bilag are still there.
        expect(view!.item.attachments.map((a) => a.title)).toEqual(item.attachments.filter((a) => a.access === 'public').map((a) => a.title));
      }
    }
  });

  it('search finds the open text but never the closed item or the closed bilag', async () => {
    for (const f of FIXTURES) {
      const s = stored.find((x) => x.path === f.path)!;
      const open = await archive.search(ANONYMOUS, { q: f.open });
      expect(open.results.some((r) => r.meetingId === s.meetingId), `${f.path}: "${f.open}"`).toBe(true);
      for (const q of [f.closedText, f.closedBilag]) {
        const result = await archive.search(ANONYMOUS, { q });
        expect(result.total, `${f.path}: "${q}"`).toBe(0);
        expect(JSON.stringify(result)).not.toContain(q);
      }
    }
  });

  it('the public pages and the search API never show closed text or closed bilag titles', async () => {
    const app = createApp(archive);
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    for (const f of FIXTURES) {
      const s = stored.find((x) => x.path === f.path)!;
      const paths = [
        `/meetings/${s.meetingId}`,
        ...s.document.items.map((i) => `/meetings/${s.meetingId}/items/${i.number}`),
        `/search?q=${encodeURIComponent(f.closedText)}`,
        `/search?q=${encodeURIComponent(f.closedBilag)}`,
        `/api/search?q=${encodeURIComponent(f.closedText)}`,
        `/bodies/${s.document.body ? organizationSlug(s.document.body, s.document.authority) : ''}`,
        '/',
      ];
      for (const path of paths) {
        const res = await app.request(path);
        const page = await res.text();
        for (const text of closedStrings(s.document)) {
          expect(page.includes(text) || page.includes(escape(text)), `${f.path} ${path}: "${text}"`).toBe(false);
        }
      }
      // The closed item's own page does not exist for the public.
      for (const item of s.document.items.filter((i) => i.access !== 'public')) {
        expect((await app.request(`/meetings/${s.meetingId}/items/${item.number}`)).status, `${f.path} item ${item.number}`).toBe(404);
      }
    }
  });

  it('the original XML, which holds the closed text, is not served', async () => {
    for (const s of stored) expect(await archive.getOriginal(ANONYMOUS, s.fileId!), s.path).toBeNull();
  });
});
