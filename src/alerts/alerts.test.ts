/**
 * E-mail alerts end to end, through a real SMTP server started here: subscribe → confirmation
 * mail → confirm → import → exactly one alert with RFC 8058 headers → one-click unsubscribe →
 * nothing more. Closed content never in a mail; no SMTP, no forms.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Hono } from 'hono';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { queryRows } from '../db/rows.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import type { MeetingDocument } from '../model/index.js';
import { createApp } from '../web/app.js';
import { alertConfigFromEnv } from './config.js';
import { createAlerts, type Alerts } from './index.js';
import { startTestSmtp, type TestSmtp } from './testing.js';

const PUBLIC = 'https://referat.example';
const CASE = 'SAG-2030-00042';

let database: Database;
let smtp: TestSmtp;
let alerts: Alerts;
let app: Hono;
const logged: string[] = [];
let fileCounter = 0;

/** Stores a document as an import would, then runs the alerts as the import paths do. */
async function importDocument(doc: MeetingDocument, target: Alerts = alerts): Promise<void> {
  await storeDocument(database.db, doc, original(`file ${++fileCounter} ${JSON.stringify(doc.items.map((i) => i.title))}`));
  await target.notify();
  await smtp.settled();
}

function form(fields: Record<string, string>, headers: Record<string, string> = { origin: PUBLIC }) {
  return { method: 'POST', body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } };
}

/** The path and token of the first link to `/subscriptions/…` in a mail's text. */
function linkIn(text: string, path: 'confirm' | 'unsubscribe', nth = 0): { path: string; token: string } {
  const all = [...text.matchAll(new RegExp(`${PUBLIC.replace(/\./g, '\\.')}(/subscriptions/${path}\\?token=([A-Za-z0-9_-]+))`, 'g'))];
  const match = all[nth];
  if (!match) throw new Error(`no ${path} link in:\n${text}`);
  return { path: match[1]!, token: match[2]! };
}

/** Subscribes and confirms through the pages, returning the address's confirmation mail. */
async function subscribeAndConfirm(email: string, kind: string, target: string): Promise<void> {
  const before = smtp.inbox.length;
  const res = await app.request('/subscriptions', form({ email, kind, target }));
  expect(res.status, await res.clone().text()).toBe(200);
  await smtp.waitFor(before + 1);
  const link = linkIn(smtp.inbox[before]!.text ?? '', 'confirm');
  const page = await (await app.request(link.path)).text();
  expect(page).toContain('Bekræft abonnement');
  const confirmed = await app.request('/subscriptions/confirm', form({ token: link.token }));
  expect(await confirmed.text()).toContain('Dit abonnement er bekræftet');
}

async function count(table: 'alert_subscriptions' | 'alert_tokens', email: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(database.db, sql`select count(*) as n from ${sql.raw(table)} where email = ${email}`);
  return Number(row!.n);
}

beforeAll(async () => {
  database = await openTestDatabase();
  smtp = await startTestSmtp();
  alerts = createAlerts(database.db, { smtpUrl: smtp.url, from: 'Referat <referat@referat.example>', publicUrl: PUBLIC }, { log: (l) => logged.push(l) });
  app = createApp(createDbArchive(database.db), { alerts }) as unknown as Hono;
  // What there is to subscribe to before anyone does.
  await storeDocument(
    database.db,
    meetingDocument({
      date: '2030-01-10',
      participants: [{ name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: 'formand' }],
      items: [item('1', 'Første behandling', { caseNumber: CASE })],
    }),
    original('first'),
  );
});

afterAll(async () => {
  alerts?.close();
  await smtp?.close();
  await database?.close();
});

beforeEach(() => {
  logged.length = 0;
});

describe('e-mail alerts', () => {
  it('confirms, sends one alert listing only public items, and stops after a one-click unsubscribe', async () => {
    const bodyPage = await (await app.request('/bodies/kkr-midtjylland')).text();
    expect(bodyPage).toContain('action="/subscriptions"');
    expect(bodyPage).toContain('name="target" value="kkr-midtjylland"');

    const res = await app.request('/subscriptions', form({ email: ' Borger@Example.DK ', kind: 'body', target: 'kkr-midtjylland' }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Tjek din e-mail');
    await smtp.waitFor(1);
    const confirmation = smtp.inbox[0]!;
    expect(confirmation.rcptTo).toEqual(['borger@example.dk']);
    expect(confirmation.subject).toContain('KKR Midtjylland');
    const link = linkIn(confirmation.text ?? '', 'confirm');

    // Unconfirmed: an import sends nothing.
    await importDocument(meetingDocument({ date: '2030-02-01', items: [item('1', 'Før bekræftelsen')] }));
    expect(smtp.inbox).toHaveLength(1);

    // Opening the link changes nothing (mail scanners open links); the button confirms.
    expect((await app.request(link.path)).status).toBe(200);
    expect(await queryRows(database.db, sql`select 1 from alert_subscriptions where confirmed_at is not null`)).toHaveLength(0);
    const confirmed = await app.request('/subscriptions/confirm', form({ token: link.token }));
    expect(await confirmed.text()).toContain('Dit abonnement er bekræftet');
    // The link is used up.
    expect((await app.request(link.path)).status).toBe(404);

    await importDocument(
      meetingDocument({
        kind: 'agenda',
        date: '2030-03-05',
        items: [item('1', 'Klimastrategi for regionen'), item('2', 'Hemmelig personsag om Navn Navnesen', { access: 'closed' }), item('3', 'Budget 2031')],
      }),
    );
    expect(smtp.inbox).toHaveLength(2);
    const alert = smtp.inbox[1]!;
    expect(alert.rcptTo).toEqual(['borger@example.dk']);
    expect(alert.subject).toBe('Nyt i Referat om organisationen KKR Midtjylland');
    expect(alert.text).toContain('KKR Midtjylland, 5. marts 2030 – ny dagsorden');
    expect(alert.text).toContain('1. Klimastrategi for regionen');
    expect(alert.text).toContain('3. Budget 2031');
    expect(alert.raw).not.toMatch(/Hemmelig|Navnesen/);
    // The meeting before the confirmation is not news to this subscriber.
    expect(alert.text).not.toContain('Før bekræftelsen');
    const meeting = await queryRows<{ id: number }>(database.db, sql`select id from meetings where date = '2030-03-05'`);
    expect(alert.text).toContain(`${PUBLIC}/meetings/${meeting[0]!.id}`);
    const header = (name: string) => alert.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '');
    const unsubscribe = /^<(https:\/\/referat\.example(\/subscriptions\/unsubscribe\?token=[A-Za-z0-9_-]+))>$/.exec(header('list-unsubscribe') ?? '');
    expect(unsubscribe, header('list-unsubscribe')).not.toBeNull();
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    // Nothing new: nothing sent.
    await alerts.notify();
    await smtp.settled();
    expect(smtp.inbox).toHaveLength(2);

    // RFC 8058: the mail program POSTs the header's URL, without a page and without an Origin.
    const oneClick = await app.request(unsubscribe![2]!, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);
    expect(oneClick.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await count('alert_subscriptions', 'borger@example.dk')).toBe(0);
    expect(await count('alert_tokens', 'borger@example.dk')).toBe(0);

    await importDocument(meetingDocument({ date: '2030-04-01', items: [item('1', 'Efter afmeldingen')] }));
    expect(smtp.inbox).toHaveLength(2);
    expect(logged.filter((l) => !l.startsWith('referat: alerts sent'))).toEqual([]);
  });

  it('never mails closed items or closed meetings, and mails a case only for its public items', async () => {
    smtp.inbox.length = 0;
    await subscribeAndConfirm('sag@example.dk', 'case', CASE);
    await subscribeAndConfirm('lukket@example.dk', 'body', 'kkr-midtjylland');
    smtp.inbox.length = 0;

    // The case comes up only in a closed item: no news for the case; the body hears of the public item only.
    await importDocument(
      meetingDocument({ date: '2030-05-01', items: [item('1', 'Offentligt punkt'), item('2', 'Lukket om sagen', { caseNumber: CASE, access: 'closed' })] }),
    );
    expect(smtp.inbox.map((m) => m.rcptTo[0])).toEqual(['lukket@example.dk']);
    expect(smtp.inbox[0]!.raw).not.toContain('Lukket om sagen');
    // A closed meeting is no news at all.
    await importDocument(meetingDocument({ date: '2030-05-02', access: 'closed', items: [item('1', 'Punkt på lukket møde', { caseNumber: CASE })] }));
    expect(smtp.inbox).toHaveLength(1);

    await importDocument(
      meetingDocument({ date: '2030-06-01', items: [item('1', 'Sagen igen', { caseNumber: CASE }), item('2', 'Andet lukket om sagen', { caseNumber: CASE, access: 'closed' })] }),
    );
    const caseMail = smtp.inbox.find((m) => m.rcptTo[0] === 'sag@example.dk');
    expect(caseMail?.subject).toBe(`Nyt i Referat om sagen ${CASE}`);
    expect(caseMail?.text).toContain('1. Sagen igen');
    expect(caseMail?.raw).not.toMatch(/lukket/i);
    for (const m of smtp.inbox) expect(m.raw).not.toMatch(/Lukket om sagen|Punkt på lukket møde|Andet lukket/);
  });

  it('sends one message per address for all its subscriptions, each with its own unsubscribe', async () => {
    smtp.inbox.length = 0;
    await subscribeAndConfirm('flere@example.dk', 'person', 'karen-testesen');
    await subscribeAndConfirm('flere@example.dk', 'search', 'vindmøller');
    smtp.inbox.length = 0;
    await importDocument(
      meetingDocument({
        date: '2030-07-01',
        participants: [{ name: 'Karen Testesen', party: 'A', municipality: 'Aarhus', role: 'formand' }],
        items: [item('1', 'Vindmøller ved kysten'), item('2', 'Eventuelt')],
      }),
    );
    const mine = smtp.inbox.filter((m) => m.rcptTo[0] === 'flere@example.dk');
    expect(mine).toHaveLength(1);
    const text = mine[0]!.text ?? '';
    expect(mine[0]!.subject).toBe('Nyt i Referat: 2 møder i 2 abonnementer');
    expect(text).toContain('Personen Karen Testesen');
    expect(text).toContain('Søgningen »vindmøller«');
    // The search lists its hit only; the person's meeting lists every public item.
    const searchPart = text.slice(text.indexOf('Søgningen'));
    expect(searchPart).toContain('1. Vindmøller ved kysten');
    expect(searchPart.slice(0, searchPart.indexOf('Afmeld'))).not.toContain('Eventuelt');

    // The first section's own link ends that subscription only, through its page and button.
    const link = linkIn(text, 'unsubscribe', 0);
    const page = await (await app.request(link.path)).text();
    expect(page).toContain('Vil du ikke længere have e-mails om personen Karen Testesen?');
    const done = await app.request('/subscriptions/unsubscribe', form({ token: link.token }));
    expect(await done.text()).toContain('Du får ikke flere e-mails om personen Karen Testesen.');
    expect(await queryRows(database.db, sql`select kind from alert_subscriptions where email = 'flere@example.dk'`)).toEqual([{ kind: 'search' }]);

    // "Slet mine data" (the erase link at the foot) deletes the rest of the address.
    const erase = /Afmeld alle e-mails og slet din adresse hos os: \S+(\/subscriptions\/unsubscribe\?token=([A-Za-z0-9_-]+))/.exec(text)!;
    expect(await (await app.request(erase[1]!)).text()).toContain('Afmeld alle og slet mine data');
    await app.request('/subscriptions/unsubscribe', form({ token: erase[2]! }));
    expect(await count('alert_subscriptions', 'flere@example.dk')).toBe(0);
    expect(await count('alert_tokens', 'flere@example.dk')).toBe(0);
  });

  it('keeps the news of a refused mail for the next run, and two senders never both send', async () => {
    smtp.inbox.length = 0;
    await subscribeAndConfirm('igen@example.dk', 'body', 'kkr-midtjylland');
    smtp.inbox.length = 0;
    const down = createAlerts(database.db, { smtpUrl: 'smtp://127.0.0.1:1', from: 'x@referat.example', publicUrl: PUBLIC }, { log: (l) => logged.push(l) });
    await importDocument(meetingDocument({ date: '2030-08-01', items: [item('1', 'Sendes senere')] }), down);
    down.close();
    expect(logged.filter((l) => l.includes('i…@example.dk not sent'))).toHaveLength(1);
    expect(logged.every((l) => !l.includes('\n'))).toBe(true);
    expect(smtp.inbox).toHaveLength(0);

    // Two senders at once (another process, say): the mail goes out once.
    const other = createAlerts(database.db, { smtpUrl: smtp.url, from: 'x@referat.example', publicUrl: PUBLIC });
    await Promise.all([alerts.notify(), other.notify()]);
    other.close();
    await smtp.settled();
    const mine = smtp.inbox.filter((m) => m.rcptTo[0] === 'igen@example.dk');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.text).toContain('Sendes senere');
  });

  it('refuses bad addresses, foreign origins, unknown targets and too many pending confirmations', async () => {
    smtp.inbox.length = 0;
    const bad = await app.request('/subscriptions', form({ email: 'ikke en adresse', kind: 'body', target: 'kkr-midtjylland' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Skriv en gyldig e-mailadresse');
    const foreign = await app.request('/subscriptions', form({ email: 'a@example.dk', kind: 'body', target: 'kkr-midtjylland' }, { origin: 'https://evil.example' }));
    expect(foreign.status).toBe(403);
    const crossSite = await app.request('/subscriptions', form({ email: 'a@example.dk', kind: 'body', target: 'kkr-midtjylland' }, { 'sec-fetch-site': 'cross-site' }));
    expect(crossSite.status).toBe(403);
    // Under Referrer-Policy: no-referrer a browser's form posts say "Origin: null": Sec-Fetch-Site decides.
    const opaque = await app.request('/subscriptions', form({ email: 'a@example.dk', kind: 'body', target: 'kkr-midtjylland' }, { origin: 'null' }));
    expect(opaque.status).toBe(403);
    const sameSite = await app.request('/subscriptions', form({ email: 'a@example.dk', kind: 'body', target: 'kkr-midtjylland' }, { origin: 'null', 'sec-fetch-site': 'same-site' }));
    expect(sameSite.status).toBe(403);
    const unknown = await app.request('/subscriptions', form({ email: 'a@example.dk', kind: 'body', target: 'findes-ikke' }));
    expect(unknown.status).toBe(400);
    const closedCase = await app.request('/subscriptions', form({ email: 'a@example.dk', kind: 'case', target: 'SAG-2099-00000' }));
    expect(closedCase.status).toBe(400);
    expect(smtp.inbox).toHaveLength(0);

    const headers: Array<Record<string, string>> = [{ origin: PUBLIC }, { origin: 'null', 'sec-fetch-site': 'same-origin' }, {}];
    for (const [n, q] of ['a', 'b', 'c'].entries()) {
      expect((await app.request('/subscriptions', form({ email: 'mange@example.dk', kind: 'search', target: q }, headers[n]))).status).toBe(200);
    }
    const fourth = await app.request('/subscriptions', form({ email: 'mange@example.dk', kind: 'search', target: 'd' }));
    expect(fourth.status).toBe(429);
    await smtp.waitFor(3);
    expect(smtp.inbox).toHaveLength(3);

    // Confirmation links expire; an expired one confirms nothing, and its pending row goes.
    const link = linkIn(smtp.inbox[0]!.text ?? '', 'confirm');
    await database.db.execute(sql`update alert_tokens set expires_at = now() - interval '1 minute' where email = 'mange@example.dk'`);
    expect((await app.request(link.path)).status).toBe(404);
    expect((await app.request('/subscriptions/confirm', form({ token: link.token }))).status).toBe(404);
    await alerts.notify();
    expect(await count('alert_subscriptions', 'mange@example.dk')).toBe(0);
    // Tokens are stored hashed, never as they appear in links.
    expect(await queryRows(database.db, sql`select 1 from alert_tokens where hash = ${link.token}`)).toHaveLength(0);
  });
});

describe('without SMTP_URL', () => {
  it('shows no subscribe forms, takes no subscriptions, and is off by configuration', async () => {
    const off = createAlerts(database.db, null);
    const plain = createApp(createDbArchive(database.db), { alerts: off });
    for (const path of ['/bodies/kkr-midtjylland', `/cases/${CASE}`, '/people/karen-testesen', '/search?q=klima']) {
      const res = await plain.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).not.toContain('action="/subscriptions"');
    }
    expect((await plain.request('/subscriptions', form({ email: 'a@example.dk', kind: 'body', target: 'kkr-midtjylland' }))).status).toBe(404);
    // The same pages with alerts on carry the form.
    for (const path of [`/cases/${CASE}`, '/people/karen-testesen', '/search?q=klima']) expect(await (await app.request(path)).text(), path).toContain('action="/subscriptions"');
    expect(alertConfigFromEnv({}, 'http://localhost:3000')).toBeNull();
    expect(alertConfigFromEnv({ SMTP_URL: 'smtp://mail:25', REFERAT_PUBLIC_URL: 'https://arkiv.example/' }, 'x')).toEqual({
      smtpUrl: 'smtp://mail:25',
      from: 'Referat <referat@arkiv.example>',
      publicUrl: 'https://arkiv.example',
    });
    expect(() => alertConfigFromEnv({ SMTP_URL: 'http://mail' }, 'http://localhost:3000')).toThrow(/smtp:\/\//);
  });
});
