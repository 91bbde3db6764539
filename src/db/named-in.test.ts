/** A person's page lists the items whose text names them, by any spelling, beyond those they presented. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS } from '../model/index.js';
import { createDbArchive } from './archive.js';
import type { Database } from './client.js';
import { item, meetingDocument, original, section } from './fixtures.js';
import { queryRows } from './rows.js';
import { storeDocument } from './store.js';
import { storeSamples } from './testing-files.js';
import { openTestDatabase } from './testing.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await storeSamples(database.db, { count: 2 });
  await storeDocument(
    database.db,
    meetingDocument({
      body: 'Testudvalget',
      date: '2025-02-01',
      participants: [{ name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: 'formand' }],
      items: [
        item('1', 'Ny formand for styregruppen', { decision: 'Udvalget udpegede Karen Testesen som formand for styregruppen.' }),
        item('2', 'Status på projektet', { text: 'Karen  Testesen orienterede om projektets fremdrift i efteråret.' }),
        item('3', 'Budget', { text: 'Karen Hansen og Ole Testesen drøftede budgettet.' }),
        item('4', 'Lukket punkt om Karen Testesen', { access: 'closed', text: 'Karen Testesen fortroligt.' }),
        item('5', 'Hendes oplæg', { presenters: ['Karen Testesen'], sections: [section('presentation', 'Karen Testesen holder oplæg.')] }),
      ],
    }),
    original('named in'),
  );
});
afterAll(() => database?.close());

describe('items a person is named in', () => {
  it('lists the items whose decision or sections name the person, not a near-miss, a closed item or one they presented', async () => {
    const [karen] = await queryRows<{ id: number }>(database.db, sql`select id from people where name = 'Karen Testesen'`);
    const view = await createDbArchive(database.db).getPerson(ANONYMOUS, String(karen!.id));
    expect(view!.namedIn!.map((n) => n.number).sort()).toEqual(['1', '2']);
    expect(view!.namedIn![0]!.excerpt).toContain('Karen Testesen');
    expect(view!.presented!.map((p) => p.number)).toEqual(['5']);
  });

  it("finds a seed presenter named in another seed's item text", async () => {
    // Seed 001 (KD-Net) lists presenters ("v. …"); seed 000 (KKR) names the same person in an item's text.
    const [presenter] = await queryRows<{ name: string }>(
      database.db,
      sql`select unnest(presenters) as name from agenda_items where title = 'DK2020' and deleted_at is null limit 1`,
    );
    const [person] = await queryRows<{ person_id: number }>(database.db, sql`select person_id from person_names where name = ${presenter!.name} limit 1`);
    const view = await createDbArchive(database.db).getPerson(ANONYMOUS, String(person!.person_id));
    const named = view!.namedIn!.map((n) => `${n.meeting.date} ${n.number}`);
    expect(named).toContain('2020-06-17 3.1');
    expect(view!.namedIn!.every((n) => n.excerpt.includes(presenter!.name))).toBe(true);
  });
});
