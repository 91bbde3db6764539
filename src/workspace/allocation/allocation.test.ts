/**
 * Allocations end to end in process: a FOLK1A upload (all or nothing), a corrected figure, an
 * allocation created on an item and shown, downloaded and served — and a closed item's never public.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAllocation, type AllocationInputs } from '../../allocation/index.js';
import { csrfOf, postForm } from '../../auth/testing.js';
import type { Database } from '../../db/client.js';
import { item, meetingDocument, original } from '../../db/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { storeDocument } from '../../db/store.js';
import { storePopulation } from '../../db/population.js';
import { ApiAllocations } from '../../api/json/allocations.js';
import { openTestDatabase } from '../../db/testing.js';
import { signedInAs } from '../testing.js';
import { allocationApp, testFolk1aCsv } from './testing.js';

describe('allocations in the workspace and on the public pages', () => {
  let database: Database;
  let app: ReturnType<typeof allocationApp>;
  let secretary: string;
  let otherSecretary: string;
  let meetingId: number;

  const count = async (table: string) => (await queryRows<{ n: number }>(database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;
  const upload = async (cookie: string, name: string, text: string | Uint8Array) => {
    const page = await app.request('/arbejdsrum/fordelinger', { headers: { cookie } });
    const form = new FormData();
    form.append('csrf', csrfOf(await page.text()));
    form.append('kilde', 'Danmarks Statistik, FOLK1A');
    form.append('fil', new Blob([text as BlobPart]), name);
    return app.request('/arbejdsrum/fordelinger/folketal', { method: 'POST', headers: { cookie }, body: form });
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    const stored = await storeDocument(
      database.db,
      meetingDocument({ date: '2031-02-20', items: [item('1', 'GovTech Midtjylland'), item('2', 'Lukket sag', { access: 'closed' })] }),
      original('alloc'),
    );
    meetingId = stored.meetingId;
    await storeDocument(database.db, meetingDocument({ body: 'KD-Net', date: '2031-02-21', items: [item('1', 'Andet')] }), original('other'));
    app = allocationApp(database.db);
    secretary = await signedInAs(app, database.db, 'sekretaer@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    otherSecretary = await signedInAs(app, database.db, 'kdnet@example.dk', [{ slug: 'kd-net', role: 'secretary' }]);
  });
  afterAll(() => database?.close());

  it('imports a FOLK1A file, and refuses a bad one naming file and line, writing nothing', async () => {
    const ok = await upload(secretary, 'folk1a.csv', testFolk1aCsv());
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('folk1a.csv: 19 nye');
    expect(await count('population_figures')).toBe(19);
    const bad = await upload(secretary, 'forkert.csv', testFolk1aCsv('2025K1').replace('741 Samsø;2025K1;3689', '741 Samsø;2025K1;mange'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('forkert.csv, linje 21: antallet »mange« for Samsø er ikke et helt tal.');
    expect(await count('population_figures')).toBe(19);
  });

  it('stores an import in one transaction: a row the database refuses leaves nothing', async () => {
    const rows = [{ code: '751', municipality: 'Aarhus', period: '2026K1', count: 1 }, { code: '741', municipality: 'Samsø', period: '2026K1', count: -1 }];
    await expect(storePopulation(database.db, { kind: 'cli' }, rows, 'test')).rejects.toThrow();
    expect(await count('population_figures')).toBe(19);
  });

  it('lets a secretary correct one figure, with its source and author', async () => {
    const res = await postForm(app, secretary, '/arbejdsrum/fordelinger/folketal/2024K1', { kommune: 'Samsø', antal: '3.690', kilde: 'Rettet efter kommunens opgørelse' }, '/arbejdsrum/fordelinger');
    expect(res.status).toBe(303);
    const page = await (await app.request('/arbejdsrum/fordelinger/folketal/2024K1', { headers: { cookie: secretary } })).text();
    expect(page).toContain('3.690');
    expect(page).toContain('Rettet efter kommunens opgørelse');
    expect(page).toContain('sekretaer@example.dk');
    const audit = await queryRows<{ action: string }>(database.db, sql`select action from audit_log where action like 'population.%' order by id`);
    expect(audit.map((a) => a.action)).toEqual(['population.import', 'population.change']);
  });

  it('creates an allocation on an item; the public item and meeting pages show its table and chart', async () => {
    const form = await app.request(`/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`, { headers: { cookie: secretary } });
    expect(form.status).toBe(200);
    const res = await postForm(
      app, secretary, `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`,
      { periode: '2024K1', title: 'Finansiering af GovTech Midtjylland', kind: 'mix', total: '2.400.000', equalShare: '25', populationShare: '75', years: '1', kommune: ['Aarhus', 'Samsø', 'Skive'] },
      `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`,
    );
    expect(res.status).toBe(303);
    const [stored] = await queryRows<{ inputs: AllocationInputs; result: { total: number; rows: Array<{ municipality: string; share: number }> } }>(database.db, sql`select inputs, result from allocations`);
    expect(computeAllocation(stored!.inputs)).toEqual(stored!.result);
    // Danish order: Aa is Å, the last letter.
    expect(stored!.result.rows.map((r) => r.municipality)).toEqual(['Samsø', 'Skive', 'Aarhus']);
    expect(stored!.result.rows.reduce((s, r) => s + r.share, 0)).toBe(240_000_000);
    // The corrected figure is the one used.
    expect(stored!.inputs.kind === 'mix' && stored!.inputs.population.find((p) => p.municipality === 'Samsø')!.count).toBe(3690);

    const itemPage = await (await app.request(`/meetings/${meetingId}/items/1`)).text();
    expect(itemPage).toContain('<caption>Finansiering af GovTech Midtjylland</caption>');
    expect(itemPage).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(itemPage).toContain('<figcaption>');
    expect(itemPage).toContain('største brøkdels metode');
    expect(itemPage).not.toContain('sekretaer@example.dk');
    const meetingPage = await (await app.request(`/meetings/${meetingId}`)).text();
    expect(meetingPage).toContain('<caption>Finansiering af GovTech Midtjylland</caption>');

    const csv = await app.request(`/meetings/${meetingId}/items/1/fordelinger/1.csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('Kommune;Kommunekode;Indbyggere;Andel (kr.);Andel (øre);Forklaring');
    expect(text).toContain('I alt;;;2400000,00;240000000;');

    const api = await app.request(`/api/meetings/${meetingId}/items/1/allocations`);
    const json = (await api.json()) as { results: Array<{ total: number; rows: unknown[]; csv: string }> };
    expect(json.results[0]!.total).toBe(240_000_000);
    expect(json.results[0]!.rows).toHaveLength(3);
    expect(json.results[0]!.csv).toBe(`/meetings/${meetingId}/items/1/fordelinger/1.csv`);
    expect(() => ApiAllocations.parse(json)).not.toThrow();
    const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(doc.paths['/api/meetings/{id}/items/{number}/allocations']).toBeTruthy();
  });

  it('says what is wrong with the inputs and stores nothing', async () => {
    const before = await count('allocations');
    const res = await postForm(
      app, secretary, `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`,
      { periode: '2024K1', title: 'Forkert', kind: 'mix', total: '100', equalShare: '25', populationShare: '70', kommune: ['Aarhus'] },
      `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`,
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('tilsammen være 100 %');
    expect(await count('allocations')).toBe(before);
  });

  it("never shows a closed item's allocation to the public", async () => {
    const res = await postForm(
      app, secretary, `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/2`,
      { periode: '2024K1', title: 'Hemmelig kvote', kind: 'quota', total: '40', kommune: ['Aarhus', 'Skive'], fixed: 'Skive: 5' },
      `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/2`,
    );
    expect(res.status).toBe(303);
    expect((await app.request(`/meetings/${meetingId}/items/2/fordelinger/1.csv`)).status).toBe(404);
    expect((await app.request(`/api/meetings/${meetingId}/items/2/allocations`)).status).toBe(404);
    expect(await (await app.request(`/meetings/${meetingId}`)).text()).not.toContain('Hemmelig kvote');
    // The secretary, who may read the closed item, sees it.
    expect(await (await app.request(`/meetings/${meetingId}/items/2`, { headers: { cookie: secretary } })).text()).toContain('Hemmelig kvote');
  });

  it("refuses a secretary of another organisation", async () => {
    expect((await app.request(`/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`, { headers: { cookie: otherSecretary } })).status).toBe(403);
    const res = await postForm(app, otherSecretary, `/arbejdsrum/fordelinger/moeder/${meetingId}/punkter/1`, { periode: '2024K1', title: 'X', kind: 'mix', total: '1', kommune: 'Aarhus' }, '/arbejdsrum/fordelinger');
    expect(res.status).toBe(403);
  });
});
