/** The server's internal import endpoint: token, loopback, request checks, streamed progress. */
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../cli/import.js';
import { createInternalApp, isLoopbackAddress, parseImportRequest, tokenMatches, type ImportEvent, type ImportRequest } from './internal.js';
import { listen } from './server.js';

const TOKEN = 'a-secret-token';
const summaryOf = (files: string[]): ImportSummary => ({
  imported: files,
  updated: [],
  unchanged: [],
  kept: [],
  failed: [],
  rows: files.map((file) => ({ file, result: 'imported', items: 1, closed: 0, closedBilag: 0, note: 'text' })),
});

function app(log: string[] = []) {
  return createInternalApp({
    token: TOKEN,
    heartbeatMs: 20,
    runImport: async (request: ImportRequest, progress) => {
      log.push(`start ${request.files.join(',')}`);
      for (const [i, file] of request.files.entries()) {
        progress(i, file);
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      progress(request.files.length, '');
      log.push(`end ${request.files.join(',')}`);
      return summaryOf(request.files);
    },
  });
}

const post = async (target: { request: (path: string, init: RequestInit) => Response | Promise<Response> }, body: unknown, token: string | null = TOKEN): Promise<Response> =>
  target.request('/internal/import', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

const events = async (res: Response) => (await res.text()).trim().split('\n').map((line) => JSON.parse(line) as ImportEvent);

describe('POST /internal/import', () => {
  it('refuses without the token, or with a wrong one, with 403', async () => {
    const internal = app();
    expect((await post(internal, { files: ['/a.txt'] }, null)).status).toBe(403);
    expect((await post(internal, { files: ['/a.txt'] }, 'wrong')).status).toBe(403);
    expect((await post(internal, { files: ['/a.txt'] }, `${TOKEN}x`)).status).toBe(403);
  });

  it('refuses malformed requests with 400', async () => {
    const internal = app();
    expect((await post(internal, { files: [] })).status).toBe(400);
    expect((await post(internal, { files: ['relative.txt'] })).status).toBe(400);
    expect((await post(internal, { files: ['/a.txt'], options: { date: '1.2.2020' } })).status).toBe(400);
  });

  it('streams the progress, then the summary', async () => {
    const res = await post(app(), { files: ['/a.txt', '/b.txt'], options: { body: 'KD-Net' } });
    expect(res.status).toBe(200);
    const all = (await events(res)).filter((e) => e.type !== 'wait');
    expect(all).toEqual([
      { type: 'progress', done: 0, file: '/a.txt' },
      { type: 'progress', done: 1, file: '/b.txt' },
      { type: 'progress', done: 2, file: '' },
      { type: 'summary', summary: summaryOf(['/a.txt', '/b.txt']) },
    ]);
  });

  it('runs concurrent imports one after the other', async () => {
    const log: string[] = [];
    const internal = app(log);
    await Promise.all([post(internal, { files: ['/a.txt', '/b.txt'] }).then(events), post(internal, { files: ['/c.txt'] }).then(events)]);
    expect(log).toEqual(['start /a.txt,/b.txt', 'end /a.txt,/b.txt', 'start /c.txt', 'end /c.txt']);
  });

  it('works over a real loopback socket', async () => {
    const server = await listen(app(), { port: 0, hostname: '127.0.0.1' });
    try {
      const res = await fetch(`${server.url}/internal/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify({ files: ['/a.txt'] }),
      });
      expect((await events(res)).at(-1)).toMatchObject({ type: 'summary' });
      expect((await fetch(`${server.url}/internal/import`, { method: 'POST', body: '{}' })).status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('helpers', () => {
  it('tells loopback addresses', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['10.0.0.1', '192.168.1.127', '::ffff:10.0.0.1', 'fe80::1', '', undefined]) expect(isLoopbackAddress(address), address).toBe(false);
  });

  it('compares tokens', () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(TOKEN, TOKEN)).toBe(false);
    expect(tokenMatches('Bearer ', TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches('Bearer x', '')).toBe(false);
  });

  it('checks import requests', () => {
    expect(parseImportRequest({ files: ['/a'], options: { body: 'KKR', date: '2020-01-02' } })).toEqual({ files: ['/a'], options: { body: 'KKR', date: '2020-01-02' } });
    expect(parseImportRequest({ files: ['/a'] })).toEqual({ files: ['/a'], options: {} });
    expect(parseImportRequest(null)).toHaveProperty('error');
    expect(parseImportRequest({ files: ['/a\u0000'] })).toHaveProperty('error');
    expect(parseImportRequest({ files: ['/a'], options: { body: 3 } })).toHaveProperty('error');
  });
});
