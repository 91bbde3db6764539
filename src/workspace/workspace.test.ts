/** The workspace's door: signed-in secretaries only, CSRF on every POST, uploads bounded before they are read. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { item, meetingDocument, original } from '../db/fixtures.js';
import { storeDocument } from '../db/store.js';
import { openTestDatabase } from '../db/testing.js';
import { signedInAs, workspaceApp } from './testing.js';

describe('the workspace door', () => {
  let database: Database;
  let app: ReturnType<typeof workspaceApp>;
  let secretary: string;
  let member: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15', items: [item('1', 'Første punkt')] }), original('first'));
    app = workspaceApp(database.db, { maxUploadBytes: 2048 });
    secretary = await signedInAs(app, database.db, 'sekretaer@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    member = await signedInAs(app, database.db, 'medlem@example.dk', [{ slug: 'kkr-midtjylland', role: 'member' }]);
  });
  afterAll(() => database?.close());

  it('sends the anonymous to the log-in form and refuses their posts', async () => {
    const res = await app.request('/arbejdsrum');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/log-ind?next=%2Farbejdsrum');
    expect((await app.request('/arbejdsrum', { method: 'POST' })).status).toBe(403);
  });

  it('refuses members, who read but do not write', async () => {
    const res = await app.request('/arbejdsrum', { headers: { cookie: member } });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('kun for sekretariater');
  });

  it("shows a secretary their organisations, and the header links to the workspace", async () => {
    const res = await app.request('/arbejdsrum', { headers: { cookie: secretary } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('KKR Midtjylland');
    expect(html).toContain('href="/arbejdsrum"');
  });

  it('refuses a post without the session CSRF token', async () => {
    const res = await app.request('/arbejdsrum', {
      method: 'POST',
      headers: { cookie: secretary, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: 'forkert' }),
    });
    expect(res.status).toBe(403);
  });

  it('refuses a body over the upload limit with a Danish message, before reading it', async () => {
    const form = new FormData();
    form.append('fil', new Blob([new Uint8Array(2048 + 1024 * 1024 + 10)]), 'stor.pdf');
    const res = await app.request('/arbejdsrum', { method: 'POST', headers: { cookie: secretary }, body: form });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('Filen er for stor');
  });
});

describe('publishing tells the e-mail alerts', () => {
  it('calls onPublished once per publication that changed something, after it committed', async () => {
    const { createDraft } = await import('../db/drafts.js');
    const { csrfOf } = await import('../auth/testing.js');
    const { organizationIdsBySlug } = await import('../db/users.js');
    const database = await openTestDatabase();
    await storeDocument(database.db, meetingDocument({ date: '2031-01-15', items: [item('1', 'Første punkt')] }), original('first'));
    let calls = 0;
    const app = workspaceApp(database.db, { onPublished: () => calls++ });
    const cookie = await signedInAs(app, database.db, 'udgiver@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    const kkr = (await organizationIdsBySlug(database.db, ['kkr-midtjylland'])).get('kkr-midtjylland')!;
    const draft = await createDraft(database.db, { kind: 'cli' }, { organizationId: kkr, kind: 'agenda', model: meetingDocument({ kind: 'agenda', date: '2031-03-01', items: [item('1', 'Godkendelse af referat')] }) });
    const publish = async () => {
      const csrf = csrfOf(await (await app.request(`/arbejdsrum/dagsordener/${draft.id}`, { headers: { cookie } })).text());
      return app.request(`/arbejdsrum/dagsordener/${draft.id}/offentliggoer`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrf, revision: String(draft.revision), rettet: 'Intet nyt.' }),
      });
    };
    expect((await publish()).status).toBe(303);
    expect(calls).toBe(1);
    // The same content again publishes nothing and tells nobody.
    expect((await publish()).status).toBe(303);
    expect(calls).toBe(1);
    await database.close();
  });
});
