/**
 * Calendars and feeds as their clients read them: the iCalendar output parsed by ical.js (times
 * right across daylight-saving changes, cancelled meetings marked), the Atom feeds by a feed
 * parser (id, updated and author per entry), and both advertised on the pages.
 */
import ICAL from 'ical.js';
import { parseFeed } from '@rowanmanning/feed-parser';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbArchive } from '../src/db/archive.js';
import type { Database } from '../src/db/client.js';
import { item, meetingDocument, original } from '../src/db/fixtures.js';
import { storeDocument } from '../src/db/store.js';
import { openTestDatabase } from '../src/db/testing.js';
import { createApp } from '../src/web/app.js';

let database: Database;
let app: ReturnType<typeof createApp>;
const ids: Record<string, number> = {};
const person = { name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: null };

beforeAll(async () => {
  database = await openTestDatabase();
  app = createApp(createDbArchive(database.db));
  const store = async (key: string, fields: Parameters<typeof meetingDocument>[0], text: string) => {
    ids[key] = (await storeDocument(database.db, meetingDocument(fields), original(text))).meetingId;
  };
  await store('winter', { date: '2020-01-15', startTime: '10:00', endTime: '12:30', location: 'Rådhuset; sal 1, Aarhus', participants: [person], items: [item('1', 'Klima i vinteren', { caseNumber: 'SAG-2020-1' })] }, 'winter');
  await store('summer', { date: '2020-06-17', startTime: '10:00', endTime: null, items: [item('1', 'Klima om sommeren', { caseNumber: 'SAG-2020-1' })] }, 'summer');
  await store('change', { date: '2020-10-25', startTime: '10:00', endTime: '11:00', items: [item('1', 'Dagen tiden skifter')] }, 'change');
  await store('cancelled', { body: 'KD-Net', kind: 'agenda', date: '2030-02-01', startTime: null, items: [item('1', 'Aflyst punkt')] }, 'cancelled');
  await store('closed', { body: 'Lukket Udvalg', access: 'closed', date: '2020-03-03', items: [item('1', 'Hemmeligt møde')] }, 'closed');
  await database.db.execute(sql`update meetings set status = 'cancelled' where id = ${ids.cancelled!}`);
  // A corrected version of the summer minutes: a second feed entry.
  await storeDocument(database.db, meetingDocument({ date: '2020-06-17', startTime: '10:00', items: [item('1', 'Klima om sommeren', { caseNumber: 'SAG-2020-1', decision: 'Godkendt.' })] }), original('summer 2'));
});
afterAll(async () => {
  await database?.close();
});

const text = async (url: string) => {
  const res = await app.request(`http://referat.test${url}`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
};

/** The events of a calendar as ical.js reads them, by URL. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      url: String(v.getFirstPropertyValue('url')),
      summary: event.summary,
      location: event.location,
      status: String(v.getFirstPropertyValue('status')),
      start: event.startDate.isDate ? event.startDate.toString() : event.startDate.toJSDate().toISOString(),
      end: event.endDate && !event.startDate.isDate && v.hasProperty('dtend') ? event.endDate.toJSDate().toISOString() : null,
      stamp: v.getFirstPropertyValue('dtstamp'),
    };
  });
}

describe('iCalendar', () => {
  it('gives every meeting one event with the right times across daylight-saving changes', async () => {
    const res = await text('/calendar.ics');
    expect(res.status).toBe(200);
    expect(res.type).toBe('text/calendar; charset=utf-8');
    expect(res.body.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    const all = events(res.body);
    const byUrl = (key: string) => all.find((e) => e.url === `http://referat.test/meetings/${ids[key]}`)!;
    expect(byUrl('winter')).toMatchObject({ start: '2020-01-15T09:00:00.000Z', end: '2020-01-15T11:30:00.000Z', location: 'Rådhuset; sal 1, Aarhus', summary: 'Møde i KKR Midtjylland', status: 'CONFIRMED' });
    expect(byUrl('summer')).toMatchObject({ start: '2020-06-17T08:00:00.000Z', end: null });
    expect(byUrl('change')).toMatchObject({ start: '2020-10-25T09:00:00.000Z', end: '2020-10-25T10:00:00.000Z' });
    expect(byUrl('cancelled')).toMatchObject({ start: '2030-02-01', status: 'CANCELLED', summary: 'Møde i KD-Net' });
    expect(all.map((e) => e.uid)).toEqual([...new Set(all.map((e) => e.uid))]);
    expect(all.every((e) => e.uid.startsWith('meeting-') && e.stamp)).toBe(true);
    // A closed meeting is in no public calendar.
    expect(res.body).not.toContain('Lukket Udvalg');
    expect(all).toHaveLength(4);
  });

  it("gives an organisation's calendar its meetings only, and 404 for an unknown one", async () => {
    const kd = events((await text('/bodies/kd-net/calendar.ics')).body);
    expect(kd.map((e) => e.summary)).toEqual(['Møde i KD-Net']);
    expect((await text('/bodies/findes-ikke/calendar.ics')).status).toBe(404);
  });
});

describe('Atom', () => {
  it('lists new and changed agendas and minutes with id, updated and author per entry', async () => {
    const res = await text('/feed.atom');
    expect(res.type).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(res.body);
    expect(feed.title).toBe('Nye dagsordener og referater');
    expect(feed.items.length).toBe(5);
    for (const entry of feed.items) {
      expect(entry.id).toMatch(/^tag:referat\.test,2026:version-\d+$/);
      expect(entry.updated).toBeInstanceOf(Date);
      expect(entry.authors[0]?.name).toBeTruthy();
    }
    expect(feed.items.map((e) => e.title)).toContain('Referat: KKR Midtjylland, 17. juni 2020 (version 2)');
    expect(res.body).not.toContain('Hemmeligt møde');
  });

  it('follows an organisation, a case, a person and a search, each advertised on its page', async () => {
    const kd = parseFeed((await text('/bodies/kd-net/feed.atom')).body);
    expect(kd.items.map((e) => e.title)).toEqual(['Dagsorden: KD-Net, 1. februar 2030']);
    const sag = parseFeed((await text('/cases/SAG-2020-1/feed.atom')).body);
    expect(sag.items).toHaveLength(3);
    const people = await createDbArchive(database.db).listPeople({ kind: 'anonymous' }, { q: 'Karen' });
    const karen = people[0]!.people[0]!;
    const hers = parseFeed((await text(`/people/${karen.id}/feed.atom`)).body);
    expect(hers.items.map((e) => e.title)).toEqual(['Referat: KKR Midtjylland, 15. januar 2020']);
    const search = parseFeed((await text('/search/feed.atom?q=sommeren')).body);
    expect(search.items.every((e) => e.title!.includes('17. juni 2020'))).toBe(true);
    for (const [page, feedPath] of [
      ['/', '/feed.atom'],
      ['/bodies/kd-net', '/bodies/kd-net/feed.atom'],
      ['/cases/SAG-2020-1', '/cases/SAG-2020-1/feed.atom'],
      [`/people/${karen.id}`, `/people/${karen.id}-${karen.slug}/feed.atom`],
      ['/search?q=sommeren', '/search/feed.atom?q=sommeren'],
      // The search's filters go into its feed; its page and sort do not.
      ['/search?q=sommeren&body=kd-net&sort=oldest&page=2', '/search/feed.atom?q=sommeren&body=kd-net'],
    ] as const) {
      const html = (await text(page)).body;
      expect(html, page).toContain(`<link rel="alternate" type="application/atom+xml"`);
      expect(html, page).toContain(`href="${feedPath.replace(/&/g, '&amp;')}"`);
    }
    const body = (await text('/bodies/kd-net')).body;
    expect(body).toContain('href="webcal://referat.test/bodies/kd-net/calendar.ics"');
    expect((await text('/cases/SAG-2099-0/feed.atom')).status).toBe(404);
  });

  it("follows a search with the search's filters and query language", async () => {
    const dates = async (query: string) => {
      const res = await text(`/search/feed.atom?${query}`);
      expect(res.status, query).toBe(200);
      return [...new Set(parseFeed(res.body).items.map((e) => /\d+\. \w+ \d{4}/.exec(e.title!)![0]))].sort();
    };
    expect(await dates('q=klima')).toEqual(['15. januar 2020', '17. juni 2020']);
    expect(await dates('q=klima&from=2020-06-01')).toEqual(['17. juni 2020']);
    expect(await dates('q=klima&to=2020-03-01')).toEqual(['15. januar 2020']);
    expect(await dates('q=klima&year=2021')).toEqual([]);
    expect(await dates('q=klima&body=kd-net')).toEqual([]);
    // Danish operators and prefixes, as in the search box.
    expect(await dates(`q=${encodeURIComponent('klima ikke sommeren')}`)).toEqual(['15. januar 2020']);
    expect(await dates(`q=${encodeURIComponent('vinteren eller sommeren')}`)).toEqual(['15. januar 2020', '17. juni 2020']);
    expect(await dates(`q=${encodeURIComponent('skift*')}`)).toEqual(['25. oktober 2020']);
    // A person filter alone: the meetings the person attended.
    const people = await createDbArchive(database.db).listPeople({ kind: 'anonymous' }, { q: 'Karen' });
    const karen = people[0]!.people[0]!;
    expect(await dates(`person=${karen.id}`)).toEqual(['15. januar 2020']);
    expect(await dates(`q=klima&person=${karen.id}`)).toEqual(['15. januar 2020']);
    const titled = parseFeed((await text(`/search/feed.atom?q=klima&from=2020-06-01&person=${karen.id}`)).body);
    expect(titled.title).toBe(`Søgning: klima, fra 2020-06-01, person ${karen.id}`);
    expect(titled.items).toEqual([]);
    // Bad parameters are named; nothing to search for is no feed.
    const bad = await text('/search/feed.atom?q=klima&from=2020-13-01');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('from');
    expect((await text('/search/feed.atom')).status).toBe(404);
    expect((await text('/search/feed.atom?q=hemmeligt')).body).not.toContain('Hemmeligt møde');
  });
});
