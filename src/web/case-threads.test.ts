/** A case number KL used for a whole meeting's unrelated items is shown split by subject (seed 000). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from '../db/testing-files.js';
import { openTestDatabase } from '../db/testing.js';
import { createApp } from './app.js';

describe('case threads by subject', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, sampleNames().filter((n) => n.startsWith('000')));
    // A later meeting takes the refugee distribution up again under the same case number.
    await storeDocument(
      database.db,
      meetingDocument({ kind: 'agenda', date: '2020-09-09', items: [item('3.1', 'Fordeling af flygtninge for 2021 – opfølgning', { caseNumber: 'SAG-2020-01697' })] }),
      original('september'),
    );
    app = createApp(createDbArchive(database.db));
  });
  afterAll(() => database?.close());

  it('gives each subject its own heading and keeps one subject together across meetings', async () => {
    const html = await (await app.request('/cases/SAG-2020-01697')).text();
    expect(html).toMatch(/Sagsnummeret er brugt til \d+ forskellige emner/);
    const threads = [...html.matchAll(/<h2 id="emne-(\d+)">([^<]+)<\/h2>/g)].map((m) => m[2]);
    expect(threads.length).toBeGreaterThan(5);
    // The newest item first: the follow-up heads its thread, and the June item sits under it.
    const refugees = html.indexOf('Fordeling af flygtninge for 2021 – opfølgning</h2>');
    expect(refugees).toBeGreaterThan(0);
    const next = html.indexOf('<h2 id="emne-', refugees + 10);
    const section = html.slice(refugees, next < 0 ? undefined : next);
    expect(section).toContain('17. juni 2020');
    expect(section).toContain('9. september 2020');
  });
});
