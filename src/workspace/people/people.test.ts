/** Identity suggestions decided by a secretary: merged or kept apart, for good; only for their organisations. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { postForm } from '../../auth/testing.js';
import type { Database } from '../../db/client.js';
import { item, meetingDocument, original } from '../../db/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { storeDocument } from '../../db/store.js';
import { openTestDatabase } from '../../db/testing.js';
import { signedInAs, workspaceApp } from '../testing.js';

const member = (name: string, municipality: string | null, party: string | null = 'A') => ({ name, party, municipality, role: null });

describe('/arbejdsrum/personer', () => {
  let database: Database;
  let app: ReturnType<typeof workspaceApp>;
  let kkr: string;
  let kdnet: string;
  const pairs = () => queryRows<{ id: number; decision: string | null }>(database.db, sql`select id, decision from person_merges order by id`);

  beforeAll(async () => {
    database = await openTestDatabase();
    // Same name but for an initial, same municipality: never merged by itself, so suggested.
    await storeDocument(database.db, meetingDocument({ date: '2031-01-10', participants: [member('Anne Fenger', 'Odder')], items: [item('1', 'Et')] }), original('a'));
    await storeDocument(database.db, meetingDocument({ date: '2031-02-10', participants: [member('A. Fenger', 'Odder')], items: [item('1', 'To')] }), original('b'));
    await storeDocument(database.db, meetingDocument({ date: '2031-03-10', participants: [member('Bo Kjær Lund', 'Skive', 'V')], items: [item('1', 'Tre')] }), original('c'));
    await storeDocument(database.db, meetingDocument({ date: '2031-04-10', participants: [member('Bo Lund', 'Skive', 'A')], items: [item('1', 'Fire')] }), original('d'));
    await storeDocument(database.db, meetingDocument({ body: 'KD-Net', date: '2031-04-11', items: [item('1', 'Fem')] }), original('e'));
    app = workspaceApp(database.db);
    kkr = await signedInAs(app, database.db, 'kkr@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    kdnet = await signedInAs(app, database.db, 'kdnet@example.dk', [{ slug: 'kd-net', role: 'secretary' }]);
  });
  afterAll(() => database?.close());

  it('lists the suggestions to the secretary of the people’s organisation, and not to another', async () => {
    expect((await pairs()).map((p) => p.decision)).toEqual([null, null]);
    const page = await (await app.request('/arbejdsrum/personer', { headers: { cookie: kkr } })).text();
    expect(page).toContain('Anne Fenger');
    expect(page).toContain('et fornavn som forbogstav');
    expect(page).toContain('forskellige partier');
    const other = await (await app.request('/arbejdsrum/personer', { headers: { cookie: kdnet } })).text();
    expect(other).toContain('Der er ingen forslag at tage stilling til.');
    const [first] = await pairs();
    const refused = await postForm(app, kdnet, `/arbejdsrum/personer/${first!.id}`, { beslutning: 'samme' }, '/arbejdsrum/personer');
    expect(refused.status).toBe(404);
    expect((await pairs())[0]!.decision).toBeNull();
  });

  it('merges on "Samme person" and keeps apart on "Forskellige personer", each audited, and a re-import changes nothing', async () => {
    const [initial, party] = await pairs();
    expect((await postForm(app, kkr, `/arbejdsrum/personer/${initial!.id}`, { beslutning: 'samme' }, '/arbejdsrum/personer')).status).toBe(200);
    expect((await postForm(app, kkr, `/arbejdsrum/personer/${party!.id}`, { beslutning: 'forskellige' }, '/arbejdsrum/personer')).status).toBe(200);
    expect((await pairs()).map((p) => p.decision)).toEqual(['accepted', 'rejected']);
    const names = await queryRows<{ name: string; person_id: number }>(database.db, sql`select name, person_id from person_names where name like '%Fenger' order by name`);
    expect(new Set(names.map((n) => n.person_id)).size).toBe(1);
    // Importing the later document again (a new version) neither splits the merge nor suggests the rejected pair again.
    await storeDocument(database.db, meetingDocument({ date: '2031-04-10', title: 'rettet', participants: [member('Bo Lund', 'Skive', 'A')], items: [item('1', 'Fire')] }), original('d2'));
    await storeDocument(database.db, meetingDocument({ date: '2031-02-10', title: 'rettet', participants: [member('A. Fenger', 'Odder')], items: [item('1', 'To')] }), original('b2'));
    expect((await pairs()).map((p) => p.decision)).toEqual(['accepted', 'rejected']);
    const audit = await queryRows<{ action: string }>(database.db, sql`select action from audit_log where action like 'person.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['person.merge', 'person.keep-apart']);
  });
});
