/**
 * Bad input and failing storage, in process over the fixture archive: control characters are 400,
 * a database that is away is 503 with Retry-After, and the log never shows the SQL.
 */
import { DrizzleQueryError } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Archive } from '../archive/types.js';
import { createApp } from './app.js';
import { hasControlCharacters } from './input-guard.js';
import { describeError } from './log.js';
import { fixtureArchive } from './testing/fixtures.js';

const app = createApp(fixtureArchive());

describe('control characters in the address', () => {
  it.each([
    '/people/%00',
    '/people/x%1b',
    '/search?q=%00abc',
    '/search?q=klima&body=kd%00net',
    '/search?%00=1',
    '/cases/SAG%01',
    '/cases/SAG%00',
    '/bodies/x%00',
    '/meetings/1%00',
    '/meetings/1/items/1%00',
    '/documents/1%7f/original',
    '/people?q=%c2%85',
    '/findes%00ikke',
    '/static/%00.css',
  ])('%s is a Danish 400 page', async (path) => {
    const res = await app.request(path);
    expect(res.status, path).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const body = await res.text();
    expect(body).toContain('<h1>Ugyldig adresse</h1>');
    expect(body.startsWith('<!DOCTYPE html><html lang="da">')).toBe(true);
  });

  it.each(['/api/search?q=%07', '/api/search?q=klima%00', '/api/x%00'])('%s is JSON 400', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining('kontroltegn') });
  });

  it('lets ordinary addresses through, spacing in search text included', async () => {
    for (const path of ['/search?q=klima%09strategi', '/search?q=klima%0Astrategi', '/people?q=%C3%B8sterby', '/cases/SAG-2020-01697', '/meetings/1/items/3.1']) {
      expect((await app.request(path)).status, path).toBe(200);
    }
    expect(hasControlCharacters('http://x/search?q=a%0Db')).toBe(false);
    expect(hasControlCharacters('http://x/people/a%0Ab')).toBe(true);
    // A malformed escape is not a control character: the route answers (404 here).
    expect((await app.request('/people/%E0%A4%A')).status).toBe(404);
  });
});

describe('a failing archive', () => {
  const sqlText = 'select "meetings"."id", "meetings"."date" from "meetings" where "meetings"."id" = $1';
  const failing = (cause: Error): Archive => ({
    ...fixtureArchive(),
    getMeeting: async () => {
      throw new DrizzleQueryError(sqlText, [1], cause);
    },
    search: async () => {
      throw new DrizzleQueryError(sqlText, ['klima'], cause);
    },
  });
  const lost = () => Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
  let logged: string[] = [];
  const capture = () => {
    logged = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.stack}\n${String((a as { cause?: unknown }).cause)}` : String(a))).join(' '));
    });
  };
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env.REFERAT_LOG_LEVEL;
  });

  it('answers 503 with a Danish page and Retry-After when the database is away', async () => {
    capture();
    const res = await createApp(failing(lost())).request('/meetings/1');
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await res.text();
    expect(body).toContain('<h1>Arkivet er midlertidigt utilgængeligt</h1>');
    expect(body).not.toContain('administrator');
  });

  it('answers 503 with JSON under /api/', async () => {
    capture();
    const res = await createApp(failing(lost())).request('/api/search?q=klima');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBeTruthy();
    expect(await res.json()).toEqual({ error: expect.stringContaining('midlertidigt utilgængeligt') });
  });

  it('still answers 500 for any other failure', async () => {
    capture();
    const res = await createApp(failing(Object.assign(new Error('syntax error at or near "x"'), { code: '42601' }))).request('/meetings/1');
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('Der opstod en fejl');
  });

  it('logs one line without SQL or parameters: method, path, status, error class, driver message and code', async () => {
    capture();
    await createApp(failing(lost())).request('/meetings/1');
    await createApp(failing(lost())).request('/api/search?q=hemmelig');
    expect(logged).toEqual([
      'referat: GET /meetings/1 503 DrizzleQueryError: terminating connection due to administrator command (57P01)',
      'referat: GET /api/search 503 DrizzleQueryError: terminating connection due to administrator command (57P01)',
    ]);
    expect(logged.join('\n')).not.toMatch(/select|Failed query|params|hemmelig/i);
  });

  it('logs the whole error as well at REFERAT_LOG_LEVEL=debug', async () => {
    process.env.REFERAT_LOG_LEVEL = 'debug';
    capture();
    await createApp(failing(lost())).request('/meetings/1');
    expect(logged).toHaveLength(2);
    expect(logged[1]).toContain('Failed query: select');
  });

  it('describes errors of every shape on one line', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    const refused = Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })], ''), { code: 'ECONNREFUSED' });
    expect(describeError(new DrizzleQueryError('select 1', [], refused))).toBe('DrizzleQueryError: connect ECONNREFUSED 127.0.0.1:5432 (ECONNREFUSED)');
    expect(describeError(new Error('two\nlines'))).toBe('Error: two');
    expect(describeError('a string')).toBe('String: a string');
  });
});
