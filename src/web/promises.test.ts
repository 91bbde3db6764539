/** The promised items on the meeting pages and /lovede-punkter, as the public sees them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { queryRows } from '../db/rows.js';
import { storeDocument } from '../db/store.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from '../db/testing-files.js';
import { openTestDatabase } from '../db/testing.js';
import { createApp } from './app.js';

describe('promised items on the pages', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let ids: Map<string, number>;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames().filter((n) => n.startsWith('000')));
    await storeDocument(
      database.db,
      meetingDocument({ kind: 'agenda', date: '2020-09-09', items: [item('1', 'Godkendelse af referat'), item('3.1', 'Klimastrategien og DK2020 – status')] }),
      original('september'),
    );
    ids = new Map((await queryRows<{ id: number; date: string }>(database.db, sql`select id, date::text as date from meetings`)).map((r) => [r.date, r.id]));
    app = createApp(createDbArchive(database.db));
  });
  afterAll(() => database?.close());

  it("shows on the 9 September meeting what was promised for it, where, and which item took it up", async () => {
    const html = await (await app.request(`/meetings/${ids.get('2020-09-09')}`)).text();
    expect(html).toContain('Lovet til dette møde');
    expect(html).toContain(`href="/meetings/${ids.get('2020-06-17')}/items/6.1"`);
    expect(html).toContain(`href="/meetings/${ids.get('2020-09-09')}/items/3.1"`);
    expect(html).toContain('lovet, endnu ikke på en dagsorden');
  });

  it('shows on the promising meeting what became of each promise', async () => {
    const html = await (await app.request(`/meetings/${ids.get('2020-06-17')}`)).text();
    expect(html).toContain('Lovet til et senere møde');
    expect(html.match(/lovet, endnu ikke på en dagsorden/g)).toHaveLength(2);
  });

  it('lists the open promises, for all bodies and for one', async () => {
    const all = await (await app.request('/lovede-punkter')).text();
    expect(all).toContain('<h1>Lovede punkter</h1>');
    expect(all.match(/<tr>/g)).toHaveLength(3); // header row + two open promises
    expect((await app.request('/lovede-punkter?body=kkr-midtjylland')).status).toBe(200);
    expect((await app.request('/lovede-punkter?body=findes-ikke')).status).toBe(404);
  });
});
