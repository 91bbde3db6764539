/**
 * Corrections of derived records at /arbejdsrum/udledt: a secretary confirms, changes or rejects the
 * appointments, seats, planned meetings and promises read from their organisations' items; the decision
 * survives re-imports and re-projection, and the public pages show it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { postForm } from '../../auth/testing.js';
import type { Database } from '../../db/client.js';
import { projectMeeting } from '../../db/projection.js';
import { queryRows } from '../../db/rows.js';
import { openTestDatabase } from '../../db/testing.js';
import { SAMPLES_DIR, sampleNames, storeFiles } from '../../db/testing-files.js';
import { signedInAs, workspaceApp } from '../testing.js';
import { original } from '../../db/fixtures.js';
import { storeDocument } from '../../db/store.js';
import { parseText } from '../../import/index.js';
import { seedText } from '../../../test/seeds.js';

describe('/arbejdsrum/udledt', () => {
  let database: Database;
  let app: ReturnType<typeof workspaceApp>;
  let kkr: string;
  let kdnet: string;
  const seed = (prefix: string) => sampleNames().filter((n) => n.startsWith(prefix));
  const appointments = () =>
    queryRows<{ id: number; person: string; role: string; key: string; item: number; meeting: number; deleted: boolean; end_date: string | null }>(
      database.db,
      sql`select ms.id, p.name as person, ms.role, ms.derivation_key as key, ms.source_item_id as item, i.meeting_id as meeting,
            ms.deleted_at is not null as deleted, ms.end_date::text as end_date
          from memberships ms join people p on p.id = ms.person_id join agenda_items i on i.id = ms.source_item_id
          where ms.source = 'appointment' order by ms.id`,
    );

  const post = (cookie: string, fields: Record<string, string>) => postForm(app, cookie, '/arbejdsrum/udledt', fields, '/arbejdsrum/udledt');

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeFiles(database.db, SAMPLES_DIR, [...seed('000'), ...seed('001')]);
    app = workspaceApp(database.db);
    kkr = await signedInAs(app, database.db, 'kkr@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    kdnet = await signedInAs(app, database.db, 'kdnet@example.dk', [{ slug: 'kd-net', role: 'secretary' }]);
  });
  afterAll(() => database?.close());

  it("lists the KKR items' appointments to KKR's secretary with their item, and not to KD-Net's", async () => {
    const page = await (await app.request('/arbejdsrum/udledt', { headers: { cookie: kkr } })).text();
    const [first] = (await appointments()).filter((a) => !a.deleted);
    expect(page).toContain(first!.person);
    expect(page).toContain('Udledt af punkt 4.');
    expect(page).toContain('ikke gennemgået af sekretariatet');
    const other = await (await app.request('/arbejdsrum/udledt', { headers: { cookie: kdnet } })).text();
    expect(other).not.toContain(first!.person);
  });

  it('refuses a decision without the CSRF token, on an item of another organisation, and a malformed change', async () => {
    const [a] = await appointments();
    const fields = { kind: 'appointment', item: String(a!.item), key: a!.key, handling: 'afvis' };
    expect((await app.request('/arbejdsrum/udledt', { method: 'POST', headers: { cookie: kkr, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })).status).toBe(403);
    expect((await post(kdnet, fields)).status).toBe(403);
    const bad = await post(kkr, { ...fields, handling: 'ret', startDate: '17. juni' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Fra (ÅÅÅÅ-MM-DD): skriv en dato som ÅÅÅÅ-MM-DD');
    const rows = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from derived_corrections`);
    expect(rows[0]!.n).toBe(0);
  });

  it('keeps a change and a rejection through a re-projection and a re-import, and the organisation page shows the state', async () => {
    const [a, b] = (await appointments()).filter((r) => !r.deleted);
    const changed = await post(kkr, { kind: 'appointment', item: String(a!.item), key: a!.key, handling: 'ret', name: 'Rettet Navnesen', role: 'substitute', endDate: '2021-12-31' });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('er rettet');
    expect((await post(kkr, { kind: 'appointment', item: String(b!.item), key: b!.key, handling: 'afvis' })).status).toBe(200);
    const check = async () => {
      const now = await appointments();
      const live = now.filter((r) => !r.deleted);
      expect(live.find((r) => r.key === a!.key)).toMatchObject({ person: 'Rettet Navnesen', role: 'substitute', end_date: '2021-12-31' });
      expect(live.some((r) => r.key === b!.key)).toBe(false);
      expect(live.some((r) => r.person === a!.person && r.key === a!.key)).toBe(false);
    };
    await check();
    await database.db.transaction((tx) => projectMeeting(tx, a!.meeting));
    await check();
    // A new version of seed 000 (one more line at the end): stored, projected again, the decisions kept.
    const text = `${seedText(seed('000')[0]!)}\n\nRettet udgave.\n`;
    const stored = await storeDocument(database.db, parseText(text), original(text, seed('000')[0]!));
    expect(stored.status).toBe('updated');
    await check();
    // The organisation's page lists the seat with its item and state (and the person's own page, attendance or not).
    const [org] = await queryRows<{ slug: string }>(
      database.db,
      sql`select o.slug from memberships ms join organizations o on o.id = ms.organization_id join people p on p.id = ms.person_id
          where p.name = 'Rettet Navnesen' and ms.deleted_at is null`,
    );
    const page = await (await app.request(`/bodies/${org!.slug}`)).text();
    expect(page).toContain('Rettet Navnesen');
    expect(page).toContain('Udledt af punkt');
    expect(page).toContain('rettet af sekretariatet');
    // Undone, the appointment reads as the item states it again.
    expect((await post(kkr, { kind: 'appointment', item: String(b!.item), key: b!.key, handling: 'fortryd' })).status).toBe(200);
    expect((await appointments()).filter((r) => !r.deleted).some((r) => r.key === b!.key && r.person === b!.person)).toBe(true);
  });

  it('rejects a planned meeting and confirms a promise', async () => {
    const planned = await queryRows<{ id: number; item: number; date: string }>(
      database.db,
      sql`select m.id, m.announced_by_item_id as item, m.date::text as date from meetings m where m.announced_by_item_id is not null and m.deleted_at is null order by m.date limit 1`,
    );
    expect(planned.length).toBe(1);
    const page = await (await app.request('/arbejdsrum/udledt', { headers: { cookie: kdnet } })).text();
    const key = new RegExp(`name="key" value="([^"]*\\|${planned[0]!.date})"`).exec(page)?.[1];
    expect(key).toBeDefined();
    expect((await post(kdnet, { kind: 'planned', item: String(planned[0]!.item), key: key!.replace(/&amp;/g, '&'), handling: 'afvis' })).status).toBe(200);
    const [gone] = await queryRows<{ deleted: boolean }>(database.db, sql`select deleted_at is not null as deleted from meetings where id = ${planned[0]!.id}`);
    expect(gone!.deleted).toBe(true);
    // A promise of seed 000's item 6.1, confirmed: its meeting page says so.
    const kkrPage = await (await app.request('/arbejdsrum/udledt', { headers: { cookie: kkr } })).text();
    const promise = /name="kind" value="promise"\/?><input type="hidden" name="item" value="(\d+)"\/?><input type="hidden" name="key" value="([^"]+)"/.exec(kkrPage);
    expect(promise).not.toBeNull();
    expect((await post(kkr, { kind: 'promise', item: promise![1]!, key: promise![2]!, handling: 'bekraeft' })).status).toBe(200);
    const [june] = await queryRows<{ meeting_id: number }>(database.db, sql`select meeting_id from agenda_items where id = ${Number(promise![1])}`);
    expect(await (await app.request(`/meetings/${june!.meeting_id}`)).text()).toContain('bekræftet af sekretariatet');
  });
});
