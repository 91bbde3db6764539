/**
 * The minutes over HTTP: started from a published agenda, attendance with afbud and a substitute,
 * decisions typed and by quick phrase, published and found on the public side (meeting page,
 * search, OParl, feeds); a correction needs its "Rettet" note. Security: other organisations'
 * secretaries, members, stale forms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createOParlApp } from '../../api/oparl/routes.js';
import { createAccounts } from '../../auth/index.js';
import { csrfOf } from '../../auth/testing.js';
import { createDbArchive } from '../../db/archive.js';
import type { Database } from '../../db/client.js';
import { createDraft, publishDraft } from '../../db/drafts.js';
import { item, meetingDocument, original, section } from '../../db/fixtures.js';
import { queryRows } from '../../db/rows.js';
import { storeDocument } from '../../db/store.js';
import { openTestDatabase } from '../../db/testing.js';
import { organizationIdsBySlug } from '../../db/users.js';
import { createApp } from '../../web/app.js';
import { createWorkspace } from '../index.js';
import { signedInAs } from '../testing.js';
import { minutesDraftUrl, startMinutesUrl } from '../urls.js';

const cli = { kind: 'cli' } as const;
const member = (name: string, municipality: string) => ({ name, party: null, municipality, role: null });
const NOW = new Date('2031-03-10T12:00:00Z');

describe('the minutes editor', () => {
  let database: Database;
  let app: ReturnType<typeof createApp>;
  let meetingId: number;
  let secretary: string;
  let otherSecretary: string;
  let kkrMember: string;

  /** The editor form as a browser sends it (fields, checked radios and boxes, textareas), then `fields` over it; no button. */
  async function formOf(cookie: string, path: string, fields: Record<string, string>): Promise<URLSearchParams> {
    const page = await (await app.request(path, { headers: { cookie } })).text();
    const start = page.indexOf(`<form method="post" action="${path}"`);
    const html = page.slice(start, page.indexOf('</form>', start));
    const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const body = new URLSearchParams();
    for (const [tag] of html.matchAll(/<input\b[^>]*>/g)) {
      const name = attr(tag, 'name');
      const type = attr(tag, 'type');
      if (!name || name in fields || ((type === 'radio' || type === 'checkbox') && !/\schecked/.test(tag))) continue;
      body.append(name, decode(attr(tag, 'value') ?? ''));
    }
    for (const [, tag, text] of html.matchAll(/<textarea\b([^>]*)>([^<]*)<\/textarea>/g)) {
      const name = attr(tag!, 'name');
      if (name && !(name in fields)) body.append(name, decode(text!));
    }
    for (const [k, v] of Object.entries(fields)) body.set(k, v);
    return body;
  }
  const post = (cookie: string, path: string, body: URLSearchParams) =>
    app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body });

  beforeAll(async () => {
    database = await openTestDatabase();
    const db = database.db;
    await storeDocument(db, meetingDocument({ date: '2031-01-15', participants: [member('Anna Andersen', 'Favrskov'), member('Bo Berg', 'Skive')], absent: [{ ...member('Dorte Dahl', 'Viborg'), substitute: null }] }), original('latest'));
    await storeDocument(db, meetingDocument({ body: 'KD-Net', date: '2031-01-20' }), original('kdnet'));
    const kkr = (await organizationIdsBySlug(db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    const agenda = await createDraft(db, cli, {
      organizationId: kkr,
      kind: 'agenda',
      model: meetingDocument({
        kind: 'agenda',
        date: '2031-03-04',
        items: [
          item('1', 'Godkendelse af referat', { sections: [] }),
          item('1.1', 'Godkendelse af referat fra mødet den 15. januar 2031', { sections: [section('recommendation', 'Det indstilles, at referatet godkendes.')] }),
          item('2', 'Klimastrategi', { sections: [section('background', 'Strategien er sendt i høring.'), section('recommendation', 'Det indstilles, at strategien vedtages.')] }),
          item('3', 'Lejemål i Aarhus', { access: 'closed', sections: [section('recommendation', 'Det indstilles, at lejemålet forlænges.')] }),
        ],
      }),
    });
    meetingId = (await publishDraft(db, cli, agenda.id, agenda.revision)).meetingId;
    const archive = createDbArchive(db);
    app = createApp(archive, { accounts: createAccounts(db), workspace: createWorkspace(db, archive, { now: () => NOW }), oparl: createOParlApp(db) });
    secretary = await signedInAs(app, db, 'sekretaer@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    otherSecretary = await signedInAs(app, db, 'kdnet@example.dk', [{ slug: 'kd-net', role: 'secretary' }, { slug: 'kkr-midtjylland', role: 'member' }]);
    kkrMember = await signedInAs(app, db, 'medlem@example.dk', [{ slug: 'kkr-midtjylland', role: 'member' }]);
  });
  afterAll(() => database?.close());

  let editorPath: string;

  it('starts the minutes from the published agenda, once', async () => {
    const page = await app.request(startMinutesUrl(meetingId), { headers: { cookie: secretary } });
    expect(page.status).toBe(200);
    const csrf = csrfOf(await page.text());
    const res = await post(secretary, startMinutesUrl(meetingId), new URLSearchParams({ csrf }));
    expect(res.status).toBe(303);
    editorPath = res.headers.get('location')!;
    expect(editorPath).toMatch(/^\/arbejdsrum\/referater\/\d+$/);
    const again = await post(secretary, startMinutesUrl(meetingId), new URLSearchParams({ csrf }));
    expect(again.headers.get('location')).toBe(editorPath);
    expect((await app.request(startMinutesUrl(meetingId), { headers: { cookie: secretary } })).headers.get('location')).toBe(editorPath);
  });

  it('shows the roster from the latest minutes, the recommendations, quick phrases and the closed item', async () => {
    const res = await app.request(editorPath, { headers: { cookie: secretary } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    for (const name of ['Anna Andersen', 'Bo Berg', 'Dorte Dahl']) expect(html).toContain(`name="m.${['Anna Andersen', 'Bo Berg', 'Dorte Dahl'].indexOf(name)}.name" value="${name}"`);
    expect(html).toContain('Det indstilles, at strategien vedtages.');
    expect(html).not.toContain('Strategien er sendt i høring.'); // only the recommendation is shown
    expect(html).toContain('Lukket punkt');
    expect(html).toContain('name="phrase" value="2|0"');
    expect(html).toContain('KKR Midtjylland tiltrådte indstillingen.');
    expect(html).not.toContain('name="decision.1"'); // a group heading takes no decision
    expect(html).not.toContain('Mødet er ikke afholdt endnu');
    expect(html).toContain('<script src="/static/minutes.js" defer="">');
  });

  it('records attendance with afbud and a substitute, typed decisions and a quick phrase', async () => {
    const body = await formOf(secretary, editorPath, {
      'm.1.status': 'afbud',
      'm.1.substitute': 'Cai Suppleantsen',
      'm.2.status': 'afbud',
      'o.0.name': 'Fie Fisker',
      'o.0.title': 'Chefkonsulent',
      'o.0.organisation': 'KL',
      'o.0.minuteTaker': '1',
      'decision.1.1': '',
      'decision.2': 'Strategien blev vedtaget med en tilføjelse om havvind.',
      'decision.3': 'Lejemålet i kælderlokalet forlænges.',
      phrase: '1.1|0',
    });
    const res = await post(secretary, editorPath, body);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${editorPath}?gemt#punkt-1.1`);
    const html = await (await app.request(editorPath, { headers: { cookie: secretary } })).text();
    expect(html).toMatch(/id="beslutning-1\.1"[^>]*>Godkendt\.<\/textarea>/);
    expect(html).toContain('havvind');
    expect(html).toMatch(/id="m-2-afbud"[^>]*checked/); // Bo Berg, now after the one present
    expect(html).toContain('value="Cai Suppleantsen"');
  });

  it('refuses a substitute for a member present, and saves nothing', async () => {
    const body = await formOf(secretary, editorPath, { 'm.0.substitute': 'Nogen Andre', 'decision.2': 'Ændret tekst der ikke må gemmes.' });
    const res = await post(secretary, editorPath, body);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('er markeret til stede, men har en stedfortræder');
    expect(html).toContain('Ændret tekst der ikke må gemmes.'); // the form comes back as sent
    expect(await (await app.request(editorPath, { headers: { cookie: secretary } })).text()).not.toContain('Ændret tekst');
  });

  it('refuses a stale form with the conflict message', async () => {
    const stale = await formOf(secretary, editorPath, { 'decision.2': 'Første udgave.' });
    const fresh = await formOf(secretary, editorPath, { 'decision.2': 'Strategien blev vedtaget med en tilføjelse om havvind.' });
    expect((await post(secretary, editorPath, fresh)).status).toBe(303);
    const res = await post(secretary, editorPath, stale);
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Kladden er ændret af en anden');
    expect(await (await app.request(editorPath, { headers: { cookie: secretary } })).text()).not.toContain('Første udgave.');
  });

  it('publishes: the meeting page shows the minutes, decisions and afbud with substitute; the closed item stays closed', async () => {
    const res = await post(secretary, editorPath, await formOf(secretary, editorPath, { action: 'publish' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${editorPath}?offentliggjort=1`);
    const publicRes = await app.request(`/meetings/${meetingId}`);
    expect(publicRes.headers.get('content-security-policy')).toContain("script-src 'none'"); // reading pages stay script-free
    const page = await publicRes.text();
    expect(page).toContain('Referat offentliggjort');
    expect(page).toContain('Strategien blev vedtaget med en tilføjelse om havvind.');
    expect(page).toContain('Godkendt.');
    expect(page).toContain('Cai Suppleantsen');
    expect(page).toMatch(/Afbud[\s\S]*Bo Berg[\s\S]*Cai Suppleantsen/);
    expect(page).toContain('Fie Fisker');
    expect(page).not.toContain('kælderlokalet');
    const asMember = await (await app.request(`/meetings/${meetingId}`, { headers: { cookie: kkrMember } })).text();
    expect(asMember).toContain('kælderlokalet');
  });

  it('is found by search, OParl and the feeds; the closed decision is not', async () => {
    const search = await (await app.request('/search?q=havvind')).text();
    expect(search).toContain(`/meetings/${meetingId}/items/2`);
    expect(await (await app.request('/search?q=k%C3%A6lderlokalet')).text()).not.toContain(`/meetings/${meetingId}/items/3`);
    const oparl = (await (await app.request(`/oparl/v1.1/meeting/${meetingId}`)).json()) as { meetingState: string; agendaItem: Array<{ number: string; resolutionText?: string }> };
    expect(oparl.meetingState).toBe('Referat offentliggjort');
    expect(oparl.agendaItem.find((i) => i.number === '2')?.resolutionText).toContain('havvind');
    expect(JSON.stringify(oparl)).not.toContain('kælderlokalet');
    const feed = await (await app.request('/feed.atom')).text();
    expect(feed).toContain('<title>Referat: KKR Midtjylland, 4. marts 2031</title>');
    const searchFeed = await (await app.request('/search/feed.atom?q=havvind')).text();
    expect(searchFeed).toContain('<entry>');
  });

  it('publishes a correction only with its "Rettet" note, as a new version', async () => {
    const editor = await (await app.request(editorPath, { headers: { cookie: secretary } })).text();
    expect(editor).toContain('Rettet: hvad er ændret?');
    const change = { 'decision.2': 'Strategien blev vedtaget med en tilføjelse om havvind og solceller.', action: 'publish' };
    const refused = await post(secretary, editorPath, await formOf(secretary, editorPath, { ...change, note: '  ' }));
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Rettet');
    const res = await post(secretary, editorPath, await formOf(secretary, editorPath, { ...change, note: 'Solceller tilføjet i punkt 2.' }));
    expect(res.headers.get('location')).toBe(`${editorPath}?offentliggjort=2`);
    const versions = await queryRows<{ version: number; note: string | null }>(
      database.db,
      sql`select v.version, v.note from document_versions v join meeting_documents d on d.id = v.document_id where d.meeting_id = ${meetingId} and d.kind = 'minutes' order by v.version`,
    );
    expect(versions).toEqual([{ version: 1, note: null }, { version: 2, note: 'Solceller tilføjet i punkt 2.' }]);
    expect(await (await app.request(`/meetings/${meetingId}`)).text()).toContain('solceller');
    const same = await post(secretary, editorPath, await formOf(secretary, editorPath, { action: 'publish', note: 'Intet nyt.' }));
    expect(same.headers.get('location')).toBe(`${editorPath}?uaendret`);
  });

  it("refuses another organisation's secretary on every route, and members", async () => {
    const csrf = csrfOf(await (await app.request('/arbejdsrum', { headers: { cookie: otherSecretary } })).text());
    for (const path of [startMinutesUrl(meetingId), editorPath]) {
      expect((await app.request(path, { headers: { cookie: otherSecretary } })).status).toBe(403);
      expect((await post(otherSecretary, path, new URLSearchParams({ csrf, revision: '99', 'decision.2': 'Kapret.' }))).status).toBe(403);
      expect((await app.request(path, { headers: { cookie: kkrMember } })).status).toBe(403);
    }
    expect(await (await app.request(`/meetings/${meetingId}`)).text()).not.toContain('Kapret.');
  });

  it('refuses a post without the CSRF token, and answers unknown meetings and drafts with 404', async () => {
    const body = await formOf(secretary, editorPath, { 'decision.2': 'Uden token.' });
    body.delete('csrf');
    expect((await post(secretary, editorPath, body)).status).toBe(403);
    expect((await app.request(startMinutesUrl(999999), { headers: { cookie: secretary } })).status).toBe(404);
    expect((await app.request(minutesDraftUrl(999999), { headers: { cookie: secretary } })).status).toBe(404);
  });

  it('warns, without blocking, while the meeting is still ahead', async () => {
    const archive = createDbArchive(database.db);
    const early = createApp(archive, { accounts: createAccounts(database.db), workspace: createWorkspace(database.db, archive, { now: () => new Date('2031-03-01T12:00:00Z') }) });
    const html = await (await early.request(editorPath, { headers: { cookie: secretary } })).text();
    expect(html).toContain('Mødet er ikke afholdt endnu');
    expect(html).toContain('Offentliggør referat');
  });
});
