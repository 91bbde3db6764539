/** Unit tests of Danish formatting and of the small pure helpers behind the pages. */
import { describe, expect, it } from 'vitest';
import { danishDate, danishDateTime, danishLongDate, danishNumber, formatLabel, kindLabel, meetingTitle, timeRange } from './format.js';
import { contentDisposition } from './download.js';
import { pageWindow } from './components/pagination.js';
import { nestListItems } from './components/blocks.js';
import { safeHref } from './components/item.js';
import { itemLevels } from './pages/meeting.js';
import { meetingsByYear } from './pages/body.js';
import { compareUrl, kindOfSegment, kindSegment, searchUrl, versionUrl } from './urls.js';
import type { AgendaItem } from '../model/index.js';
import type { MeetingSummary } from '../archive/types.js';

describe('Danish formatting', () => {
  it('writes dates the way the documents do', () => {
    expect(danishDate('2020-06-17')).toBe('17. juni 2020');
    expect(danishDate('2021-01-01')).toBe('1. januar 2021');
    expect(danishDate(null)).toBe('Udateret');
    expect(danishDate('2020-13-01')).toBe('Udateret');
    expect(danishLongDate('2020-06-17')).toBe('onsdag den 17. juni 2020');
    expect(danishLongDate('2020-08-28')).toBe('fredag den 28. august 2020');
  });

  it('writes times with a dot and ranges with an en dash', () => {
    expect(timeRange('10:00', '13:00')).toBe('kl. 10.00–13.00');
    expect(timeRange('09:30', null)).toBe('kl. 09.30');
    expect(timeRange(null, '13:00')).toBeNull();
  });

  it('writes a version\'s timestamp in Copenhagen time, summer and winter', () => {
    expect(danishDateTime('2020-09-01T00:00:00Z')).toBe('1. september 2020 kl. 02.00');
    expect(danishDateTime('2026-12-01T10:04:00Z')).toBe('1. december 2026 kl. 11.04');
    expect(danishDateTime('ikke en tid')).toBe('ikke en tid');
  });

  it('names kinds, formats and numbers in Danish', () => {
    expect(kindLabel('agenda')).toBe('Dagsorden');
    expect(kindLabel('minutes')).toBe('Referat');
    expect(kindLabel('supplementary_agenda')).toBe('Tillægsdagsorden');
    expect(formatLabel('docx')).toBe('Word');
    expect(formatLabel('text')).toBe('tekst');
    expect(formatLabel('odt')).toBe('ODT');
    expect(danishNumber(200000)).toBe('200.000');
    expect(meetingTitle({ body: null, date: null })).toBe('Ukendt organ, Udateret');
  });
});

describe('page helpers', () => {
  it('shows a window of page numbers with gaps', () => {
    expect(pageWindow(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageWindow(1, 20)).toEqual([1, 2, 3, 4, 5, null, 20]);
    expect(pageWindow(10, 20)).toEqual([1, null, 9, 10, 11, null, 20]);
    expect(pageWindow(20, 20)).toEqual([1, null, 16, 17, 18, 19, 20]);
  });

  it('nests list items by depth, tolerating jumps', () => {
    const tree = nestListItems([
      { text: 'a', depth: 0 }, { text: 'a1', depth: 1 }, { text: 'a1x', depth: 3 }, { text: 'b', depth: 0 },
    ]);
    expect(tree.map((n) => n.text)).toEqual(['a', 'b']);
    expect(tree[0]!.children[0]!.text).toBe('a1');
    expect(tree[0]!.children[0]!.children[0]!.text).toBe('a1x');
  });

  it('gives sub-items a level below their parent, orphans a top level', () => {
    const items = ['1', '1.1', '1.1.1', '2', '3.1'].map((number) => ({ number }) as AgendaItem);
    expect([...itemLevels(items)]).toEqual([['1', 2], ['1.1', 3], ['1.1.1', 4], ['2', 2], ['3.1', 2]]);
  });

  it('groups meetings by year, newest first, undated last', () => {
    const m = (id: number, date: string | null) => ({ id, date }) as MeetingSummary;
    const groups = meetingsByYear([m(1, '2020-06-17'), m(2, null), m(3, '2021-02-01'), m(4, '2020-09-09')]);
    expect(groups.map((g) => [g.year, g.meetings.map((x) => x.id)])).toEqual([[2021, [3]], [2020, [4, 1]], [null, [2]]]);
  });

  it('links only web and mail addresses', () => {
    expect(safeHref('https://kl.dk')).toBe('https://kl.dk');
    expect(safeHref('mailto:a@b.dk')).toBe('mailto:a@b.dk');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHref('#')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });

  it('builds search URLs without empty parameters', () => {
    expect(searchUrl({ q: 'klima og energi', body: undefined, year: 2020, kind: '' })).toBe('/search?q=klima+og+energi&year=2020');
    expect(searchUrl({})).toBe('/search');
  });

  it('names document kinds in version URLs and reads them back', () => {
    expect(versionUrl(12, 'minutes', 1)).toBe('/meetings/12/documents/minutes/versions/1');
    expect(compareUrl(12, 'supplementary_agenda', 2)).toBe('/meetings/12/documents/supplementary-agenda/versions/2/compare');
    for (const kind of ['agenda', 'supplementary_agenda', 'minutes'] as const) expect(kindOfSegment(kindSegment(kind))).toBe(kind);
    expect(kindOfSegment('referat')).toBeNull();
  });

  it('keeps Danish file names in downloads and cannot be broken by quotes or newlines', () => {
    expect(contentDisposition('Referat æøå.pdf')).toBe(`attachment; filename="Referat aeoeaa.pdf"; filename*=UTF-8''Referat%20%C3%A6%C3%B8%C3%A5.pdf`);
    const nasty = contentDisposition('a"b\r\nSet-Cookie: x.pdf');
    expect(nasty).not.toMatch(/[\r\n]/);
    expect(nasty).toMatch(/^attachment; filename="a_b__Set-Cookie: x.pdf"/);
    expect(contentDisposition('../../etc/passwd')).toContain('filename="passwd"');
  });
});

describe('kindDefinite', () => {
  it('gives each document kind its definite form: dagsordenen, tillægsdagsordenen, referatet', async () => {
    const { kindDefinite } = await import('./format.js');
    expect([kindDefinite('agenda'), kindDefinite('supplementary_agenda'), kindDefinite('minutes')]).toEqual(['dagsordenen', 'tillægsdagsordenen', 'referatet']);
  });
});
