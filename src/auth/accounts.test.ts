/**
 * Accounts over HTTP on a real database: cookie flags, CSRF on every form, throttled log-in,
 * who sees closed items (pages, search, API), admin-only pages, the audit log, log-out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbArchive } from '../db/archive.js';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { createUser, organizationIdsBySlug } from '../db/users.js';
import { listAudit } from '../db/audit.js';
import { sessions, users } from '../db/schema.js';
import { tokenHash } from './tokens.js';
import { createApp } from '../web/app.js';
import { createAccounts } from './index.js';
import { hashPassword, needsRehash, SCRYPT_PARAMS } from './password.js';
import { eq } from 'drizzle-orm';
import { csrfOf, loginCookie, postForm, setCookies, submitLogin } from './testing.js';

const PASSWORD = 'en lang nok adgangskode';
const CLOSED_TITLE = 'Lukket punkt om tagrenovering';
const CLOSED_WORD = 'tagrenoveringsaftalen';

let database: Database;
let now = new Date('2031-05-01T08:00:00Z');
let app: ReturnType<typeof createApp>;
let meetingId: number;

beforeAll(async () => {
  database = await openTestDatabase();
  const stored = await storeDocument(
    database.db,
    meetingDocument({
      date: '2031-04-20',
      items: [item('1', 'Godkendelse af referat'), item('2', CLOSED_TITLE, { access: 'closed', text: `Drøftelse af ${CLOSED_WORD} med leverandøren.` })],
    }),
    original('kkr'),
  );
  meetingId = stored.meetingId;
  await storeDocument(database.db, meetingDocument({ body: 'KD-Net', date: '2031-04-21', items: [item('1', 'Netværkets punkt')] }), original('kdnet'));
  const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland', 'kd-net']);
  const hash = await hashPassword(PASSWORD);
  const add = (email: string, admin: boolean, roles: Array<{ organizationId: number; role: 'member' | 'secretary' }>) =>
    createUser(database.db, { kind: 'cli' }, { email, displayName: email.split('@')[0]!, passwordHash: hash, admin, roles });
  await add('admin@example.dk', true, []);
  await add('Medlem@Example.dk', false, [{ organizationId: orgs.get('kkr-midtjylland')!, role: 'member' }]);
  await add('andet@example.dk', false, [{ organizationId: orgs.get('kd-net')!, role: 'member' }]);
  app = createApp(createDbArchive(database.db), { accounts: createAccounts(database.db, { clock: () => now, secret: 'test-secret' }) });
});

afterAll(async () => {
  await database?.close();
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, not Secure over http, and its token is stored hashed', async () => {
    const res = await submitLogin(app, 'medlem@example.dk', PASSWORD);
    expect(res.status).toBe(303);
    const cookie = setCookies(res).get('referat_session')!;
    expect(cookie.value).toMatch(/^[\w-]{43}$/); // 256 bits, base64url
    expect(cookie.header).toMatch(/HttpOnly/);
    expect(cookie.header).toMatch(/SameSite=Lax/);
    expect(cookie.header).toMatch(/Path=\//);
    expect(cookie.header).not.toMatch(/Secure/);
    const hashes = (await database.db.select({ hash: sessions.hash }).from(sessions)).map((r) => r.hash);
    expect(hashes).toContain(tokenHash(cookie.value));
    expect(hashes).not.toContain(cookie.value);
  });

  it('is Secure over https and when REFERAT_PUBLIC_URL is https', async () => {
    const https = await submitLoginAt('https://arkiv.example');
    expect(setCookies(https).get('referat_session')!.header).toMatch(/Secure/);
    process.env.REFERAT_PUBLIC_URL = 'https://arkiv.example';
    try {
      const behindProxy = await submitLogin(app, 'medlem@example.dk', PASSWORD);
      expect(setCookies(behindProxy).get('referat_session')!.header).toMatch(/Secure/);
    } finally {
      delete process.env.REFERAT_PUBLIC_URL;
    }
  });

  async function submitLoginAt(origin: string) {
    const form = await app.request(`${origin}/log-ind`);
    const nonce = setCookies(form).get('referat_login')!;
    expect(nonce.header).toMatch(/Secure/);
    return app.request(`${origin}/log-ind`, {
      method: 'POST',
      headers: { cookie: `referat_login=${nonce.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrfOf(await form.text()), email: 'medlem@example.dk', password: PASSWORD }),
    });
  }

  it('expires when idle for 2 hours, and 12 hours after log-in whatever happens', async () => {
    const start = now;
    try {
      const cookie = await loginCookie(app, 'medlem@example.dk', PASSWORD);
      const signedIn = async () => (await (await app.request('/', { headers: { cookie } })).text()).includes('Log ud');
      expect(await signedIn()).toBe(true);
      for (let h = 1; h <= 11; h++) {
        now = new Date(start.getTime() + h * 3600_000);
        expect(await signedIn(), `hour ${h}`).toBe(true);
      }
      now = new Date(start.getTime() + 12 * 3600_000 + 1000);
      expect(await signedIn()).toBe(false);
      const idle = await loginCookie(app, 'medlem@example.dk', PASSWORD);
      now = new Date(now.getTime() + 2 * 3600_000 + 1000);
      expect((await (await app.request('/', { headers: { cookie: idle } })).text()).includes('Log ud')).toBe(false);
    } finally {
      now = start;
    }
  });
});

describe('CSRF', () => {
  it('refuses the log-in form without a token, with a wrong one, and with another browser\'s', async () => {
    const form = await app.request('/log-ind');
    const nonce = setCookies(form).get('referat_login')!.value;
    const csrf = csrfOf(await form.text());
    const post = (cookie: string, fields: Record<string, string>) =>
      app.request('/log-ind', { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'medlem@example.dk', password: PASSWORD, ...fields }) });
    for (const res of [await post(`referat_login=${nonce}`, {}), await post(`referat_login=${nonce}`, { csrf: csrf.slice(0, -2) + 'xx' }), await post('referat_login=other', { csrf }), await post('', { csrf })]) {
      expect(res.status).toBe(403);
      expect(setCookies(res).has('referat_session')).toBe(false);
      expect(await res.text()).toContain('gyldig sikkerhedsnøgle');
    }
    expect((await post(`referat_login=${nonce}`, { csrf })).status).toBe(303);
  });

  it('refuses signed-in forms without the session\'s token or with another session\'s', async () => {
    const admin = await loginCookie(app, 'admin@example.dk', PASSWORD);
    const member = await loginCookie(app, 'medlem@example.dk', PASSWORD);
    const memberCsrf = csrfOf(await (await app.request('/log-ud', { headers: { cookie: member } })).text());
    const fields = { email: 'ny@example.dk', displayName: 'Ny', password: PASSWORD };
    for (const csrf of ['', 'forkert', memberCsrf]) {
      const res = await postForm(app, admin, '/admin/brugere', { ...fields, csrf });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain('gyldig sikkerhedsnøgle');
    }
    const logout = await postForm(app, member, '/log-ud', { csrf: 'forkert' });
    expect(logout.status).toBe(403);
    expect(await (await app.request('/', { headers: { cookie: member } })).text()).toContain('Log ud');
    expect((await listAudit(database.db)).some((e) => e.target.includes('ny@example.dk'))).toBe(false);
  });
});

describe('log-in throttling over HTTP', () => {
  it('locks the address after 5 failures, says so in Danish the same way for unknown addresses, and unlocks after 15 minutes', async () => {
    const start = now;
    try {
      for (const email of ['andet@example.dk', 'findes.ikke@example.dk']) {
        for (let i = 1; i <= 4; i++) {
          const res = await submitLogin(app, email, 'forkert adgangskode');
          expect(res.status).toBe(401);
          expect(await res.text()).toContain('E-mailadressen eller adgangskoden er forkert.');
        }
        const locked = await submitLogin(app, email, 'forkert adgangskode');
        expect(locked.status).toBe(429);
        expect(locked.headers.get('retry-after')).toBe('900');
        expect(await locked.text()).toContain('Prøv igen om 15 minutter');
      }
      // Locked: even the right password is refused, and nothing tells the address exists.
      const right = await submitLogin(app, 'andet@example.dk', PASSWORD);
      expect(right.status).toBe(429);
      expect(setCookies(right).has('referat_session')).toBe(false);
      now = new Date(start.getTime() + 15 * 60_000 + 1000);
      expect((await submitLogin(app, 'andet@example.dk', PASSWORD)).status).toBe(303);
    } finally {
      now = start;
    }
  });
});

describe('who sees a closed item', () => {
  const viewers = async () => ({
    member: await loginCookie(app, 'medlem@example.dk', PASSWORD),
    other: await loginCookie(app, 'andet@example.dk', PASSWORD),
    anonymous: '',
  });

  it('a member of KKR Midtjylland sees it on the pages, in search and in the API; a member of KD-Net and the public do not', async () => {
    const v = await viewers();
    const get = async (path: string, cookie: string) => {
      const res = await app.request(path, { headers: cookie ? { cookie } : {} });
      return { status: res.status, text: await res.text() };
    };
    const meeting = `/meetings/${meetingId}`;
    expect((await get(meeting, v.member)).text).toContain(CLOSED_TITLE);
    expect((await get(`${meeting}/items/2`, v.member)).status).toBe(200);
    expect((await get(`/search?q=${CLOSED_WORD}`, v.member)).text).toContain(CLOSED_TITLE);
    expect((await get(`/api/search?q=${CLOSED_WORD}`, v.member)).text).toContain(CLOSED_TITLE);
    expect((await get(`/api/meetings/${meetingId}`, v.member)).text).toContain(CLOSED_TITLE);
    for (const who of [v.other, v.anonymous]) {
      expect((await get(meeting, who)).text).not.toContain(CLOSED_TITLE);
      expect((await get(`${meeting}/items/2`, who)).status).toBe(404);
      expect((await get(`/search?q=${CLOSED_WORD}`, who)).text).not.toContain(CLOSED_TITLE);
      expect((await get(`/api/search?q=${CLOSED_WORD}`, who)).text).not.toContain(CLOSED_TITLE);
      expect((await get(`/api/meetings/${meetingId}`, who)).text).not.toContain(CLOSED_TITLE);
    }
  });

  it('keeps signed-in pages out of shared caches', async () => {
    const { member } = await viewers();
    const res = await app.request(`/meetings/${meetingId}`, { headers: { cookie: member } });
    expect(res.headers.get('cache-control')).toBe('private, no-store');
  });
});

describe('admin pages', () => {
  it('are 403 for members and for the public', async () => {
    const member = await loginCookie(app, 'medlem@example.dk', PASSWORD);
    for (const path of ['/admin/brugere', '/admin/log', '/admin/brugere/1']) {
      for (const cookie of [member, '']) {
        const res = await app.request(path, { headers: cookie ? { cookie } : {} });
        expect(res.status, `${path} ${cookie ? 'member' : 'anonymous'}`).toBe(403);
        expect(await res.text()).toContain('kun for administratorer');
      }
    }
    const post = await postForm(app, member, '/admin/brugere', { email: 'x@example.dk', displayName: 'X', password: PASSWORD }, '/log-ud');
    expect(post.status).toBe(403);
  });

  it('let an admin create a user with roles, change them and deactivate the user, each in the audit log', async () => {
    const admin = await loginCookie(app, 'admin@example.dk', PASSWORD);
    const orgs = await organizationIdsBySlug(database.db, ['kkr-midtjylland', 'kd-net']);
    const kkr = orgs.get('kkr-midtjylland')!;
    const short = await postForm(app, admin, '/admin/brugere', { email: 'sekr@example.dk', displayName: 'Sekretær', password: 'kort' });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('mindst 12 tegn');
    const created = await postForm(app, admin, '/admin/brugere', { email: 'Sekr@Example.dk', displayName: 'Sekretær', password: PASSWORD, roles: [`${kkr}:secretary`] });
    expect(created.status).toBe(303);
    const list = await (await app.request('/admin/brugere', { headers: { cookie: admin } })).text();
    expect(list).toContain('sekr@example.dk');
    expect(list).toContain('sekretær af KKR Midtjylland');
    const again = await postForm(app, admin, '/admin/brugere', { email: 'sekr@example.dk', displayName: 'Igen', password: PASSWORD });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('findes allerede');

    const id = Number(/href="\/admin\/brugere\/(\d+)">Sekretær</.exec(list)![1]);
    const secretary = await loginCookie(app, 'sekr@example.dk', PASSWORD);
    expect(await (await app.request(`/meetings/${meetingId}`, { headers: { cookie: secretary } })).text()).toContain(CLOSED_TITLE);
    const changed = await postForm(app, admin, `/admin/brugere/${id}/roller`, { roles: [`${orgs.get('kd-net')}:member`] }, `/admin/brugere/${id}`);
    expect(changed.status).toBe(303);
    expect(await (await app.request(`/meetings/${meetingId}`, { headers: { cookie: secretary } })).text()).not.toContain(CLOSED_TITLE);
    const deactivated = await postForm(app, admin, `/admin/brugere/${id}/aktiv`, { active: '0' }, `/admin/brugere/${id}`);
    expect(deactivated.status).toBe(303);
    expect(await (await app.request('/', { headers: { cookie: secretary } })).text()).not.toContain('Log ud');
    expect((await submitLogin(app, 'sekr@example.dk', PASSWORD)).status).toBe(401);

    const log = await (await app.request('/admin/log', { headers: { cookie: admin } })).text();
    for (const what of ['oprettede bruger', 'ændrede roller', 'deaktiverede bruger', 'loggede ind']) expect(log).toContain(what);
    const audit = await listAudit(database.db);
    expect(audit.find((e) => e.action === 'user.create' && e.target.endsWith('sekr@example.dk'))?.actor).toBe('admin@example.dk');
  });
});

describe('passwords stored with old parameters', () => {
  it('are rehashed with today\'s at the next log-in', async () => {
    const old = await hashPassword(PASSWORD, { ...SCRYPT_PARAMS, N: 2 ** 14 });
    const user = await createUser(database.db, { kind: 'cli' }, { email: 'gammel@example.dk', displayName: 'Gammel', passwordHash: old, admin: false, roles: [] });
    await loginCookie(app, 'gammel@example.dk', PASSWORD);
    const [row] = await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row!.hash).not.toBe(old);
    expect(needsRehash(row!.hash)).toBe(false);
    await loginCookie(app, 'gammel@example.dk', PASSWORD);
  });
});

describe('the header and log-out', () => {
  it('offers "Log ind" to the public and name and "Log ud" when signed in; log-out ends the session', async () => {
    expect(await (await app.request('/')).text()).toContain('href="/log-ind"');
    const cookie = await loginCookie(app, 'medlem@example.dk', PASSWORD);
    const home = await (await app.request('/', { headers: { cookie } })).text();
    expect(home).toContain('class="account-name">Medlem<');
    expect(home).toContain('Log ud');
    expect(home).toContain('ser også de lukkede punkter');
    const out = await postForm(app, cookie, '/log-ud', {}, '/');
    expect(out.status).toBe(200);
    expect(setCookies(out).get('referat_session')!.value).toBe('');
    expect(await out.text()).toContain('Du er logget ud');
    // The old token no longer works even if a browser kept it.
    expect(await (await app.request(`/meetings/${meetingId}`, { headers: { cookie } })).text()).not.toContain(CLOSED_TITLE);
  });

  it('returns to a page on this site after log-in, never to another site', async () => {
    const form = await app.request('/log-ind?next=/meetings');
    const nonce = setCookies(form).get('referat_login')!.value;
    const html = await form.text();
    expect(html).toContain('name="next" value="/meetings"');
    const post = (next: string) =>
      app.request('/log-ind', {
        method: 'POST',
        headers: { cookie: `referat_login=${nonce}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf: csrfOf(html), email: 'medlem@example.dk', password: PASSWORD, next }),
      });
    expect((await post('/meetings')).headers.get('location')).toBe('/meetings');
    expect((await post('//evil.example/')).headers.get('location')).toBe('/');
    expect((await post('https://evil.example/')).headers.get('location')).toBe('/');
  });
});
