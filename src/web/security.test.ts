/**
 * The security baseline over HTTP: the headers every answer carries (pages, cached pages, the API,
 * errors, refusals), rate limits per client on search, log-in and subscriptions (429 with
 * Retry-After), request body limits (413), and the database queue's 503 with Retry-After.
 */
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertRoutes } from '../alerts/routes.js';
import { createAccounts } from '../auth/index.js';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { createRequestQueue } from '../db/pool-guard.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { createApp } from './app.js';
import { PageStore } from './cache-store.js';
import { clientAddress } from './client-address.js';
import { parseRatePolicy, RateLimiter } from './rate-limit.js';

/** The headers Referat sends on every answer (hono's secureHeaders with our CSP), as they are today. */
const BASELINE: Record<string, string> = {
  'content-security-policy': "default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

let database: Database;
let meeting: string;
let now = 1_000_000;
const clock = () => now;

/** An app with every part of the baseline on, limits small enough to reach in a test. */
function makeApp(options: { queue?: ReturnType<typeof createRequestQueue>; hops?: number } = {}) {
  const limiter = (limit: number, windowSeconds: number) => new RateLimiter({ limit, windowSeconds }, clock);
  return createApp(createDbArchive(database.db), {
    accounts: createAccounts(database.db, { secret: 'test-secret' }),
    alerts: { routes: createAlertRoutes({ db: database.db, config: null, mailer: null }), enabled: false },
    maxBodyBytes: 4096,
    serving: {
      limits: { search: limiter(3, 60), login: limiter(2, 60), subscriptions: limiter(2, 600) },
      clientAddress: clientAddress(options.hops ?? 1),
      cache: { store: new PageStore({ maxBytes: 1 << 20 }), gate: { trusted: () => true } },
      queue: options.queue ?? null,
    },
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  const stored = await storeDocument(database.db, meetingDocument({ date: '2030-03-01', items: [item('1', 'Punkt om skoleveje')] }), original('one'));
  meeting = `/meetings/${stored.meetingId}`;
});

afterAll(async () => {
  await database?.close();
});

const from = (address: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': address } });

function expectBaseline(res: Response, what: string) {
  for (const [name, value] of Object.entries(BASELINE)) expect(res.headers.get(name), `${what}: ${name}`).toBe(value);
}

describe('security headers', () => {
  it('are on pages (rendered and cached), the API, errors and every refusal', async () => {
    const app = makeApp();
    const answers: Array<[string, Response]> = [
      ['front page', await app.request('/')],
      ['meeting page', await app.request(meeting)],
      ['cached meeting page', await app.request(meeting)],
      ['revalidated', await app.request(meeting, { headers: { 'if-none-match': (await app.request(meeting)).headers.get('etag')! } })],
      ['JSON API', await app.request('/api/meetings')],
      ['not found', await app.request('/meetings/999999')],
      ['control characters', await app.request('/search?q=%00')],
      ['body too large', await app.request('/log-ind', { method: 'POST', body: 'x'.repeat(5000), headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
    ];
    for (let i = 0; i < 4; i++) answers.push(['rate limited', await app.request('/search?q=skoleveje', from('192.0.2.99'))]);
    expect(answers.map(([, r]) => r.status)).toEqual([200, 200, 200, 304, 200, 404, 400, 413, 200, 200, 200, 429]);
    for (const [what, res] of answers) expectBaseline(res, what);
  });
});

describe('rate limits', () => {
  it('answer search over the limit with 429 and Retry-After, per client, and let it through again later', async () => {
    const app = makeApp();
    const status = async (path: string, address: string) => (await app.request(path, from(address))).status;
    expect([await status('/search?q=a', '192.0.2.1'), await status('/api/search?q=b', '192.0.2.1'), await status('/search/feed.atom?q=c', '192.0.2.1')]).toEqual([200, 200, 200]);
    const refused = await app.request('/api/search?q=d', from('192.0.2.1'));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: string }).error).toContain('for mange forespørgsler');
    const page = await app.request('/search?q=e', from('192.0.2.1'));
    expect(page.status).toBe(429);
    expect(await page.text()).toContain('For mange forespørgsler');
    // Another client is not held up, nor are other pages of the same client.
    expect(await status('/search?q=a', '192.0.2.2')).toBe(200);
    expect(await status(meeting, '192.0.2.1')).toBe(200);
    now += 20_000; // one token a 20 s at 3 a minute
    expect(await status('/search?q=f', '192.0.2.1')).toBe(200);
    expect(await status('/search?q=g', '192.0.2.1')).toBe(429);
  });

  it('limit log-in attempts and subscription posts per client', async () => {
    const app = makeApp();
    const post = (path: string, address: string) =>
      app.request(path, from(address, { method: 'POST', body: 'email=a%40example.dk&password=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    const logins = [];
    for (let i = 0; i < 3; i++) logins.push(await post('/log-ind', '198.51.100.1'));
    expect(logins.map((r) => r.status)).toEqual([403, 403, 429]); // no CSRF token: refused, but counted
    expect(logins[2]!.headers.get('retry-after')).not.toBeNull();
    const subscriptions = [];
    for (const path of ['/subscriptions', '/subscriptions/confirm', '/subscriptions/unsubscribe']) subscriptions.push(await post(path, '198.51.100.2'));
    expect(subscriptions[2]!.status).toBe(429);
    expect(subscriptions.slice(0, 2).map((r) => r.status)).not.toContain(429);
  });

  it('take the client from X-Forwarded-For only as far as the proxies are trusted', async () => {
    const request = (xff: string) => new Request('http://x/', { headers: { 'x-forwarded-for': xff } });
    const ask = async (hops: number, xff: string) => {
      const app = new Hono();
      app.get('/', (c) => c.text(clientAddress(hops)(c)));
      return (await app.request(request(xff))).text();
    };
    expect(await ask(0, '203.0.113.5')).toBe('unknown'); // the TCP peer (none in app.request)
    expect(await ask(1, '203.0.113.5')).toBe('203.0.113.5');
    expect(await ask(1, '10.0.0.1, 203.0.113.5')).toBe('203.0.113.5'); // the client's own entry is not believed
    expect(await ask(2, '10.0.0.1, 203.0.113.5, 198.51.100.7')).toBe('203.0.113.5');
  });

  it('are configured as REQUESTS/SECONDS or off, and a bad value names its variable', () => {
    const fallback = { limit: 1, windowSeconds: 1 };
    expect(parseRatePolicy('REFERAT_RATE_SEARCH', '120/60', fallback)).toEqual({ limit: 120, windowSeconds: 60 });
    expect(parseRatePolicy('REFERAT_RATE_SEARCH', 'off', fallback)).toBeNull();
    expect(parseRatePolicy('REFERAT_RATE_SEARCH', undefined, fallback)).toBe(fallback);
    expect(() => parseRatePolicy('REFERAT_RATE_SEARCH', 'many', fallback)).toThrow(/REFERAT_RATE_SEARCH/);
  });
});

describe('request body limits', () => {
  it('refuse bodies over the limit with 413 before they are read, declared or streamed', async () => {
    const app = makeApp();
    const big = 'email=' + 'a'.repeat(5000);
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const path of ['/log-ind', '/log-ud', '/admin/brugere', '/subscriptions']) {
      const res = await app.request(path, from(`192.0.2.${path.length}`, { method: 'POST', body: big, headers: form }));
      expect(res.status, path).toBe(413);
      expect(await res.text()).toContain('Forespørgslen er for stor');
    }
    // Without Content-Length: counted as it arrives.
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('a'.repeat(1000)));
        controller.close();
      },
    });
    const streamed = await app.request('/log-ind', from('192.0.2.200', { method: 'POST', body: stream, headers: form, duplex: 'half' } as RequestInit));
    expect(streamed.status).toBe(413);
    // Under the limit the form is read as before (no CSRF token: 403).
    expect((await app.request('/log-ind', from('192.0.2.201', { method: 'POST', body: 'email=a', headers: form }))).status).toBe(403);
  });
});

describe('the database queue', () => {
  it('answers 503 with Retry-After when full, in Danish or as JSON, and lets the rest through', async () => {
    const queue = createRequestQueue({ concurrency: 1, maxQueued: 1, maxWaitMs: 5000 });
    const app = makeApp({ queue });
    let open!: () => void;
    const held = new Promise<void>((resolve) => (open = resolve));
    // One request holds the database, one waits; a third finds the queue full.
    const first = queue.run(() => held);
    const second = app.request('/api/meetings?limit=1');
    for (let i = 0; i < 200 && queue.queued === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(queue.queued).toBe(1);
    const page = await app.request('/meetings');
    const api = await app.request('/api/bodies');
    expect([page.status, api.status]).toEqual([503, 503]);
    expect(Number(page.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await page.text()).toContain('Arkivet har travlt');
    expect(((await api.json()) as { error: string }).error).toContain('flere forespørgsler, end det kan nå');
    expectBaseline(page, '503');
    // Static files do not wait for the database.
    expect((await app.request('/favicon.ico')).status).toBe(200);
    // Requests waiting for the same render share its 503 instead of queueing again.
    const refusedBefore = queue.refused;
    const same = await Promise.all([1, 2, 3].map(async () => app.request('/search?q=skoleveje&year=2030')));
    expect(same.map((r) => r.status)).toEqual([503, 503, 503]);
    expect(same.every((r) => r.headers.get('retry-after') !== null)).toBe(true);
    expect(queue.refused).toBe(refusedBefore + 1);
    open();
    await first;
    expect((await second).status).toBe(200);
    expect((await app.request('/meetings')).status).toBe(200);
    expect(queue.refused).toBe(3);
  });
});
