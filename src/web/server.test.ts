/** The HTTP server wrapper: listens on a free port, serves the archive, closes cleanly. */
import { describe, expect, it } from 'vitest';
import { serveArchive } from './server.js';
import { fixtureArchive } from './testing/fixtures.js';

describe('serveArchive', () => {
  it('serves the front page over real HTTP and stops listening on close', async () => {
    const server = await serveArchive(fixtureArchive(), { port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<h1>Dagsordener og referater</h1>');
    await server.close();
    await expect(fetch(`${server.url}/`)).rejects.toThrow();
  });
});
