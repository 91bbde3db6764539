/**
 * The page cache over a real database: what the anonymous public gets is kept and revalidated
 * (ETag, 304), what a signed-in member, a form or a cookie-setting page gets is never; every
 * commit that changes the archive starts it over; and the store stays within its bytes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../auth/index.js';
import { loginCookie } from '../auth/testing.js';
import { createDbArchive } from '../db/archive.js';
import { watchArchiveChanges, type ChangeWatch } from '../db/changes.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { createUser, organizationIdsBySlug } from '../db/users.js';
import { hashPassword } from '../auth/password.js';
import { createApp } from './app.js';
import { etagOf, PageStore } from './cache-store.js';

const PASSWORD = 'en lang nok adgangskode';
const CLOSED_TITLE = 'Lukket punkt om huslejen';

let database: Database;
let app: ReturnType<typeof createApp>;
let store: PageStore;
let watch: ChangeWatch;
let trusted = true;
let meeting: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const stored = await storeDocument(
    database.db,
    meetingDocument({ date: '2030-03-01', items: [item('1', 'Åbent punkt om cykelstier'), item('2', CLOSED_TITLE, { access: 'closed' })] }),
    original('one'),
  );
  meeting = `/meetings/${stored.meetingId}`;
  const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland']);
  await createUser(database.db, { kind: 'cli' }, { email: 'medlem@example.dk', displayName: 'Medlem', passwordHash: await hashPassword(PASSWORD), admin: false, roles: [{ organizationId: orgs.get('kkr-midtjylland')!, role: 'member' }] });
  store = new PageStore({ maxBytes: 8 * 1024 * 1024 });
  watch = await watchArchiveChanges(database.db, () => store.invalidate());
  app = createApp(createDbArchive(database.db), {
    accounts: createAccounts(database.db, { secret: 'test-secret' }),
    serving: { limits: {}, clientAddress: () => 'test', cache: { store, gate: { trusted: () => trusted && watch.live } }, queue: null },
  });
});

afterAll(async () => {
  await watch?.close();
  await database?.close();
});

const headersOf = (res: Response) => Object.fromEntries([...res.headers].filter(([name]) => name !== 'date'));

describe('the page cache', () => {
  it('serves the second anonymous request from memory, with the same body and headers, an ETag and public revalidation', async () => {
    const first = await app.request(meeting);
    const firstBody = await first.text();
    const hits = store.hits;
    const second = await app.request(meeting);
    expect(store.hits).toBe(hits + 1);
    expect(await second.text()).toBe(firstBody);
    expect(headersOf(second)).toEqual(headersOf(first));
    expect(second.headers.get('cache-control')).toBe('public, no-cache');
    expect(second.headers.get('vary')).toBe('Cookie');
    expect(second.headers.get('etag')).toBe(etagOf(new TextEncoder().encode(firstBody)));
    expect(second.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(firstBody).toContain('cykelstier');
    expect(firstBody).not.toContain(CLOSED_TITLE);
  });

  it('answers a matching If-None-Match with 304 and no body', async () => {
    const etag = (await app.request(meeting)).headers.get('etag')!;
    const res = await app.request(meeting, { headers: { 'if-none-match': `W/"other", ${etag}` } });
    expect(res.status).toBe(304);
    expect(res.headers.get('etag')).toBe(etag);
    expect(await res.text()).toBe('');
    expect((await app.request(meeting, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });

  it('never serves or keeps what a signed-in member reads', async () => {
    const cookie = await loginCookie(app, 'medlem@example.dk', PASSWORD);
    const { hits, misses } = store;
    const res = await app.request(meeting, { headers: { cookie } });
    expect(await res.text()).toContain(CLOSED_TITLE);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('etag')).toBeNull();
    expect([store.hits, store.misses]).toEqual([hits, misses]);
    expect(await (await app.request(meeting)).text()).not.toContain(CLOSED_TITLE);
  });

  it('keeps no page that sets a cookie, and none of the workspace, log-in or subscriptions', async () => {
    const size = store.size;
    const login = await app.request('/log-ind');
    expect(login.headers.get('set-cookie')).not.toBeNull();
    await app.request('/arbejdsrum');
    await app.request('/subscriptions/confirm?token=x');
    expect(store.size).toBe(size);
    expect((await app.request('/log-ind')).headers.get('etag')).toBeNull();
  });

  it('keeps the JSON API with its CORS header', async () => {
    await app.request('/api/meetings');
    const res = await app.request('/api/meetings');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('etag')).not.toBeNull();
  });

  it('starts over when the archive changes: a new meeting is on the front page at once', async () => {
    expect(await (await app.request('/')).text()).not.toContain('1. april 2030');
    await app.request('/');
    await storeDocument(database.db, meetingDocument({ date: '2030-04-01', items: [item('1', 'Punkt om vandløb')] }), original('two'));
    // PGlite tells at commit; PostgreSQL's notification comes over its own connection a moment later.
    for (let i = 0; i < 100 && store.size > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await (await app.request('/')).text()).toContain('1. april 2030');
  });

  it('is bypassed while changes cannot be heard', async () => {
    await app.request('/bodies/kkr-midtjylland');
    trusted = false;
    try {
      const { hits, misses } = store;
      const res = await app.request('/bodies/kkr-midtjylland');
      expect(res.headers.get('etag')).toBeNull();
      expect([store.hits, store.misses]).toEqual([hits, misses]);
    } finally {
      trusted = true;
    }
  });

  it('renders a page once for concurrent requests of it', async () => {
    const misses = store.misses;
    const bodies = await Promise.all(Array.from({ length: 8 }, async () => (await app.request("/search?q=cykelstier")).text()));
    expect(store.misses).toBe(misses + 1);
    expect(new Set(bodies).size).toBe(1);
  });
});

describe('the page store', () => {
  const page = (bytes: number) => {
    const body = new Uint8Array(bytes);
    return { status: 200, headers: [], body, etag: etagOf(body) };
  };

  it('stays within its bytes, dropping the least recently used first, and keeps no oversized page', () => {
    const s = new PageStore({ maxBytes: 1000, maxEntryBytes: 600 });
    s.set('a', page(400), s.generation);
    s.set('b', page(400), s.generation);
    s.get('a');
    s.set('c', page(400), s.generation);
    expect(s.bytes).toBeLessThanOrEqual(1000);
    expect([s.get('a') !== undefined, s.get('b') !== undefined, s.get('c') !== undefined]).toEqual([true, false, true]);
    s.set('d', page(700), s.generation);
    expect(s.get('d')).toBeUndefined();
  });

  it('keeps no page rendered before a change, and drops all at a new day or after the TTL', () => {
    let now = 0;
    let today = '2030-01-01';
    const s = new PageStore({ maxBytes: 1000, ttlMs: 5000, now: () => now, today: () => today });
    const begun = s.generation;
    s.invalidate();
    s.set('a', page(10), begun);
    expect(s.get('a')).toBeUndefined();
    s.set('a', page(10), s.generation);
    expect(s.get('a')).toBeDefined();
    now = 6000;
    expect(s.get('a')).toBeUndefined();
    s.set('b', page(10), s.generation);
    today = '2030-01-02';
    now = 70_000;
    expect(s.get('b')).toBeUndefined();
    expect(s.bytes).toBe(0);
  });
});
