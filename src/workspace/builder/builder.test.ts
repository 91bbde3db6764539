/**
 * The agenda builder over HTTP: a KKR meeting after the last sample, items with a table, a closed
 * item and bilag, publishing and a corrected second publication; stale forms; and a secretary of
 * another organisation refused on every route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfOf } from '../../auth/testing.js';
import type { Database } from '../../db/client.js';
import { getDraft } from '../../db/drafts.js';
import { storeSamples } from '../../db/testing-files.js';
import { openTestDatabase } from '../../db/testing.js';
import { signedInAs, workspaceApp } from '../testing.js';

const MAX = 4096;
const PDF = new Uint8Array(new TextEncoder().encode('%PDF-1.4\n% a small bilag\n%%EOF\n'));

describe('the agenda builder', () => {
  let database: Database;
  let app: ReturnType<typeof workspaceApp>;
  let kkr: string;
  let other: string;
  let draftId: number;
  let meetingId: number;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeSamples(database.db);
    app = workspaceApp(database.db, { maxUploadBytes: MAX });
    kkr = await signedInAs(app, database.db, 'kkr@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    other = await signedInAs(app, database.db, 'kdnet@example.dk', [{ slug: 'kd-net', role: 'secretary' }]);
  }, 120_000);
  afterAll(() => database?.close());

  const get = (path: string, cookie = kkr) => app.request(path, { headers: { cookie } });
  const csrf = async (cookie = kkr) => csrfOf(await (await get('/arbejdsrum', cookie)).text());
  const post = async (path: string, fields: Record<string, string>, cookie = kkr) => {
    const body = new URLSearchParams({ csrf: await csrf(cookie), ...fields });
    return app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });
  };
  const postMultipart = async (path: string, fields: Record<string, string>, file?: { name: string; bytes: Uint8Array<ArrayBuffer> }, cookie = kkr) => {
    const form = new FormData();
    form.append('csrf', await csrf(cookie));
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    if (file) form.append('bilag-fil', new Blob([file.bytes], { type: 'application/octet-stream' }), file.name);
    return app.request(path, { method: 'POST', headers: { cookie }, body: form });
  };
  const draft = async () => (await getDraft(database.db, draftId))!;
  const indexOf = async (title: string) => (await draft()).model.items.findIndex((i) => i.title === title);
  /** The item form's fields as the page has them (what a browser would send back). */
  const itemFields = async (index: number, changes: Record<string, string> = {}) => {
    const html = await (await get(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`)).text();
    const fields: Record<string, string> = {};
    for (const m of html.matchAll(/<input[^>]*type="(?:text|hidden)"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(m[0])?.[1];
      if (name && name !== 'csrf') fields[name] = /value="([^"]*)"/.exec(m[0])?.[1]?.replace(/&quot;/g, '"').replace(/&amp;/g, '&') ?? '';
    }
    for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) fields[m[1]!] = m[2]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    return { ...fields, adgang: 'public', ...changes };
  };

  it('lists the organisation with its meetings and offers a new meeting', async () => {
    const res = await get('/arbejdsrum/organisationer/kkr-midtjylland');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Nyt møde');
    expect(html).toContain('21. juni 2023');
    expect(html).toContain('Referat offentliggjort');
  });

  it('refuses a new meeting without a date, and one on the date of an existing meeting', async () => {
    expect((await post('/arbejdsrum/organisationer/kkr-midtjylland/nyt-moede', { dato: '' })).status).toBe(400);
    const res = await post('/arbejdsrum/organisationer/kkr-midtjylland/nyt-moede', { dato: '2023-06-21' });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('har allerede et møde den 21. juni 2023');
  });

  it('creates the meeting after the last sample, pre-filled', async () => {
    const res = await post('/arbejdsrum/organisationer/kkr-midtjylland/nyt-moede', { dato: '2023-09-06', start: '09:00', slut: '12:00', sted: 'Scandic, Silkeborg' });
    expect(res.status).toBe(303);
    draftId = Number(/\/arbejdsrum\/dagsordener\/(\d+)$/.exec(res.headers.get('location')!)![1]);
    const page = await (await get(`/arbejdsrum/dagsordener/${draftId}`)).text();
    expect(page).toContain('Godkendelse af referat fra mødet den 21. juni 2023');
    expect(page).toContain('Sundhedsaftalen 2024-2027');
    expect(page).toContain('Offentliggør dagsorden');
    expect(res.headers.get('content-security-policy') ?? '').not.toContain("script-src 'self'");
    const builder = await get(`/arbejdsrum/dagsordener/${draftId}`);
    expect(builder.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('adds a sub-item and writes a section with a table and a link', async () => {
    const under = await indexOf('Regionalpolitiske sager');
    const res = await post(`/arbejdsrum/dagsordener/${draftId}/punkter`, { revision: String((await draft()).revision), titel: 'Klimaplan for regionen', under: String(under) });
    expect(res.status).toBe(303);
    const index = await indexOf('Klimaplan for regionen');
    expect((await draft()).model.items[index]!.number).toBe('3.2');
    const fields = await itemFields(index, {
      sagsnummer: 'SAG-2023-09001',
      sagsbehandlere: 'abc, def',
      fremlaegger: 'Formanden',
      'afsnit-0-tekst': 'Planen bygger på [DK2020](https://example.dk/dk2020).',
      'afsnit-2-overskrift': 'Økonomi',
      'afsnit-2-tekst': 'Budgettet:\n\n| År | Beløb |\n| 2024 | 1.800.000 |',
    });
    expect((await postMultipart(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`, fields)).status).toBe(303);
    const item = (await draft()).model.items[index]!;
    expect(item).toMatchObject({ caseNumber: 'SAG-2023-09001', caseOfficers: ['abc', 'def'], presenters: ['Formanden'] });
    expect(item.sections.map((s) => [s.heading, s.type])).toEqual([['Baggrund', 'background'], ['Økonomi', 'economy']]);
    expect(item.sections[1]!.blocks[1]).toEqual({ kind: 'table', rows: [['År', 'Beløb'], ['2024', '1.800.000']] });
    expect(item.links).toEqual([{ text: 'DK2020', url: 'https://example.dk/dk2020' }]);
  });

  it('refuses a bilag of the wrong type or too large, naming the file, and saves nothing', async () => {
    const index = await indexOf('Klimaplan for regionen');
    const before = await draft();
    const wrong = await postMultipart(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`, await itemFields(index), { name: 'program.pdf', bytes: new TextEncoder().encode('MZ not a pdf') });
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('program.pdf er hverken en PDF- eller en Word-fil');
    const large = new Uint8Array(new ArrayBuffer(MAX + 1));
    large.set(PDF);
    const big = await postMultipart(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`, await itemFields(index), { name: 'stor.pdf', bytes: large });
    expect(big.status).toBe(400);
    expect(await big.text()).toContain('stor.pdf fylder');
    expect((await draft()).revision).toBe(before.revision);
  });

  it('uploads a bilag with its own access level', async () => {
    const index = await indexOf('Klimaplan for regionen');
    const res = await postMultipart(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`, await itemFields(index, { 'bilag-titel': 'Udkast til klimaplan', 'bilag-adgang': 'closed' }), { name: 'klimaplan.pdf', bytes: PDF });
    expect(res.status).toBe(303);
    const item = (await draft()).model.items[index]!;
    expect(item.attachments).toEqual([{ title: 'Udkast til klimaplan', access: 'closed', fileName: 'klimaplan.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(item.sections.at(-1)).toEqual({ heading: 'Bilag', type: 'other', blocks: [{ kind: 'attachment', marker: './.', title: 'Udkast til klimaplan' }] });
  });

  it('adds a closed item', async () => {
    await post(`/arbejdsrum/dagsordener/${draftId}/punkter`, { revision: String((await draft()).revision), titel: 'Personalesag', under: '' });
    const index = await indexOf('Personalesag');
    const res = await postMultipart(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`, await itemFields(index, { adgang: 'closed', 'afsnit-2-tekst': 'Fortrolige oplysninger om medarbejderen Qwerty.' }));
    expect(res.status).toBe(303);
    expect((await draft()).model.items[index]).toMatchObject({ number: '8', access: 'closed' });
  });

  it('moves items with the buttons; numbers follow', async () => {
    const index = await indexOf('Personalesag');
    const res = await post(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}/flyt`, { revision: String((await draft()).revision), action: 'up' });
    expect(res.status).toBe(303);
    const items = (await draft()).model.items;
    expect(items.map((i) => `${i.number} ${i.title}`).slice(-4)).toEqual(['6.1 Foreløbig oversigt over sager til næste møde', '7 Personalesag', '8 Eventuelt', '8.1 Eventuelt']);
  });

  it('refuses a stale revision: moves go back to the newest draft, an item form keeps its text', async () => {
    const before = await draft();
    const res = await post(`/arbejdsrum/dagsordener/${draftId}/punkter/0/flyt`, { revision: String(before.revision - 1), action: 'down' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('konflikt=1');
    expect((await draft()).model.items).toEqual(before.model.items);
    expect(await (await get(res.headers.get('location')!)).text()).toContain('Kladden er ændret af en anden');
    const index = await indexOf('Klimaplan for regionen');
    const fields = await itemFields(index, { revision: String(before.revision - 1), 'afsnit-0-tekst': 'Min nye tekst, som ikke må gå tabt.' });
    const stale = await postMultipart(`/arbejdsrum/dagsordener/${draftId}/punkter/${index}`, fields);
    expect(stale.status).toBe(409);
    const html = await stale.text();
    expect(html).toContain('Kladden er ændret af en anden');
    expect(html).toContain('Min nye tekst, som ikke må gå tabt.');
    expect((await draft()).revision).toBe(before.revision);
  });

  it('publishes: the public page shows the meeting, the table, and the closed item as "Lukket punkt" only', async () => {
    const res = await post(`/arbejdsrum/dagsordener/${draftId}/offentliggoer`, { revision: String((await draft()).revision) });
    expect(res.status).toBe(303);
    const d = await draft();
    expect(d.publishedVersionId).not.toBeNull();
    meetingId = d.meetingId!;
    const page = await (await app.request(`/meetings/${meetingId}`)).text();
    expect(page).toContain('Klimaplan for regionen');
    expect(page).toContain('1.800.000');
    expect(page).toContain('Godkendelse af referat fra mødet den 21. juni 2023');
    expect(page).toContain('7. Lukket punkt');
    expect(page).not.toContain('Personalesag');
    expect(page).not.toContain('Qwerty');
    // The closed bilag is withheld, and with it the "Bilag" section that held only it.
    expect(page).not.toContain('Udkast til klimaplan');
    expect(page).not.toContain('>Bilag</h4>');
    expect(page).not.toContain('<script');
    expect(page).not.toContain('Rettet');
    const org = await (await get('/arbejdsrum/organisationer/kkr-midtjylland')).text();
    expect(org).toContain('Dagsorden offentliggjort');
    expect(org).toContain('Skriv referat');
  });

  it('publishes again only with a "Rettet" note, which the public page shows', async () => {
    const revision = String((await draft()).revision);
    await post(`/arbejdsrum/dagsordener/${draftId}/moede`, { revision, dato: '2023-09-06', start: '10:00', slut: '13:00', sted: 'Scandic, Silkeborg' });
    const refused = await post(`/arbejdsrum/dagsordener/${draftId}/offentliggoer`, { revision: String((await draft()).revision), rettet: '  ' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Skriv, hvad der er rettet');
    const moved = await post(`/arbejdsrum/dagsordener/${draftId}/moede`, { revision: String((await draft()).revision), dato: '2023-09-07' });
    expect(moved.status).toBe(400);
    const res = await post(`/arbejdsrum/dagsordener/${draftId}/offentliggoer`, { revision: String((await draft()).revision), rettet: 'Mødet begynder kl. 10.' });
    expect(res.status).toBe(303);
    const page = await (await app.request(`/meetings/${meetingId}`)).text();
    expect(page).toMatch(/Rettet \d+\. \w+ \d{4} kl\. \d\d\.\d\d:<\/strong> Mødet begynder kl\. 10\./);
    const compare = await (await app.request(`/meetings/${meetingId}/documents/agenda/versions/1/compare`)).text();
    expect(compare).toContain('Før: kun i version 1');
    expect(compare).toContain('Efter: kun i version 2');
  });

  it('previews markup as the public page renders it', async () => {
    const res = await post('/arbejdsrum/forhaandsvisning', { tekst: '| a | b |\n\n- <x>' });
    const html = await res.text();
    expect(html).toContain('<table');
    expect(html).toContain('&lt;x&gt;');
  });

  it("refuses a secretary of another organisation on every route of this organisation's drafts", async () => {
    const d = `/arbejdsrum/dagsordener/${draftId}`;
    const gets = ['/arbejdsrum/organisationer/kkr-midtjylland', '/arbejdsrum/organisationer/kkr-midtjylland/skabelon', '/arbejdsrum/organisationer/kkr-midtjylland/nyt-moede', d, `${d}/punkter/0`];
    for (const path of gets) expect((await get(path, other)).status, path).toBe(403);
    const revision = String((await draft()).revision);
    const posts: Array<[string, Record<string, string>]> = [
      ['/arbejdsrum/organisationer/kkr-midtjylland/skabelon', { skabelon: 'Et punkt' }],
      ['/arbejdsrum/organisationer/kkr-midtjylland/nyt-moede', { dato: '2024-01-10' }],
      [`${d}/moede`, { revision, dato: '2023-09-06' }],
      [`${d}/punkter`, { revision, titel: 'Indsmuglet' }],
      [`${d}/punkter/0`, { revision, titel: 'Indsmuglet', afsnit: '0' }],
      [`${d}/punkter/0/flyt`, { revision, action: 'delete' }],
      [`${d}/offentliggoer`, { revision, rettet: 'Indsmuglet' }],
    ];
    for (const [path, fields] of posts) expect((await post(path, fields, other)).status, path).toBe(403);
    expect((await draft()).revision).toBe(Number(revision));
    // Their own organisation's page works.
    expect((await get('/arbejdsrum/organisationer/kd-net', other)).status).toBe(200);
  });

  it('saves an own template and starts the next meeting from it', async () => {
    const res = await post('/arbejdsrum/organisationer/kkr-midtjylland/skabelon', { skabelon: '1 Godkendelse af referat fra mødet den {forrige møde}\n2 Sager\n2.1 {varslede punkter}\n3 Eventuelt' });
    expect(res.status).toBe(303);
    expect(await (await get(res.headers.get('location')!)).text()).toContain('Skabelonen er gemt');
    const bad = await post('/arbejdsrum/organisationer/kkr-midtjylland/skabelon', { skabelon: '  Sager' });
    expect(bad.status).toBe(400);
    const created = await post('/arbejdsrum/organisationer/kkr-midtjylland/nyt-moede', { dato: '2023-10-04' });
    const page = await (await get(created.headers.get('location')!)).text();
    expect(page).toContain('Godkendelse af referat fra mødet den 6. september 2023');
    expect(page).toContain('2 Sager');
  });
});
