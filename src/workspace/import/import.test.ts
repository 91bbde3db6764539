/** /arbejdsrum/indlaes over HTTP: upload, refusals, a corrected title saved and kept through a re-import. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csrfOf } from '../../auth/testing.js';
import type { Database } from '../../db/client.js';
import { ensureOrganization } from '../../db/organizations.js';
import { openTestDatabase } from '../../db/testing.js';
import { organizationIdsBySlug } from '../../db/users.js';
import { importBytes } from '../../import/index.js';
import { nestedStatesPdf } from '../../../test/fuzz/binary.js';
import { seedFiles, seedText } from '../../../test/seeds.js';
import { signedInAs, workspaceApp } from '../testing.js';

const KD_NET_FILE = seedFiles.find((f) => f.startsWith('001_'))!;
const KD_NET = new TextEncoder().encode(seedText(KD_NET_FILE));

const unescape = (s: string) => s.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');

/**
 * The fields of the first form posting to `action` (with `handling`, and for item `number`, when
 * given), as a browser would send them.
 */
export function formFields(html: string, action: string, handling?: string, number?: string): Record<string, string> {
  const forms = Array.from(html.matchAll(/<form method="post" action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)).filter((m) => m[1] === action);
  for (const [, , body] of forms) {
    const fields: Record<string, string> = {};
    for (const m of body!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]!] = unescape(m[2]!);
    if ((handling === undefined || fields.handling === handling) && (number === undefined || fields.nummer === number)) return fields;
  }
  throw new Error(`no form posting to ${action}${handling ? ` (${handling})` : ''}`);
}

describe('importing into the workspace', () => {
  let database: Database;
  let app: ReturnType<typeof workspaceApp>;
  let kdNetSecretary: string;
  let kkrSecretary: string;
  let ids: Map<string, number>;
  let itemFour: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.transaction(async (tx) => {
      await ensureOrganization(tx, 'KD-Net', null);
      await ensureOrganization(tx, 'KKR Midtjylland', null);
    });
    ids = await organizationIdsBySlug(database.db, ['kd-net', 'kkr-midtjylland']);
    app = workspaceApp(database.db, { maxUploadBytes: 200_000 });
    kdNetSecretary = await signedInAs(app, database.db, 'kdnet@example.dk', [{ slug: 'kd-net', role: 'secretary' }]);
    kkrSecretary = await signedInAs(app, database.db, 'kkr@example.dk', [{ slug: 'kkr-midtjylland', role: 'secretary' }]);
    itemFour = (await importBytes(KD_NET, KD_NET_FILE)).document.items.find((i) => i.number === '4')!.title;
  });
  afterAll(() => database?.close());

  async function upload(cookie: string, bytes: Uint8Array, name: string, organisation: number) {
    const csrf = csrfOf(await (await app.request('/arbejdsrum/indlaes', { headers: { cookie } })).text());
    const form = new FormData();
    form.append('csrf', csrf);
    form.append('organisation', String(organisation));
    form.append('fil', new Blob([new Uint8Array(bytes)]), name);
    return app.request('/arbejdsrum/indlaes', { method: 'POST', headers: { cookie }, body: form });
  }
  const post = (cookie: string, path: string, fields: Record<string, string>) =>
    app.request(path, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

  it('offers the upload form with the organisations the secretary writes for', async () => {
    const res = await app.request('/arbejdsrum/indlaes', { headers: { cookie: kdNetSecretary } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('>KD-Net</option>');
    expect(html).not.toContain('>KKR Midtjylland</option>');
  });

  it('refuses an organisation the secretary does not write for, and a document of another organisation', async () => {
    const forged = await upload(kdNetSecretary, KD_NET, KD_NET_FILE, ids.get('kkr-midtjylland')!);
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Du er ikke sekretær for den valgte organisation.');
    const other = await upload(kkrSecretary, KD_NET, KD_NET_FILE, ids.get('kkr-midtjylland')!);
    expect(other.status).toBe(403);
    expect(await other.text()).toContain(`»${KD_NET_FILE}« er fra KD-Net, ikke fra KKR Midtjylland.`);
  });

  it('refuses empty, unreadable and over-limit files with a Danish message naming the file', async () => {
    const kdNet = ids.get('kd-net')!;
    const empty = await upload(kdNetSecretary, new Uint8Array(0), 'tom.pdf', kdNet);
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('»tom.pdf« er tom.');
    const png = await upload(kdNetSecretary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3]), 'billede.docx', kdNet);
    expect(png.status).toBe(415);
    expect(await png.text()).toContain('»billede.docx« er ikke et dokument, Referat kan læse.');
    const large = await upload(kdNetSecretary, new Uint8Array(200_001).fill(65), 'stor.txt', kdNet);
    expect(large.status).toBe(413);
    expect(await large.text()).toContain('»stor.txt« fylder');
  });

  it('previews, corrects a title, saves, and a re-import of the same file shows the correction kept', async () => {
    const kdNet = ids.get('kd-net')!;
    const res = await upload(kdNetSecretary, KD_NET, KD_NET_FILE, kdNet);
    expect(res.status).toBe(200);
    const preview = await res.text();
    expect(preview).toContain('Det har Referat forstået');
    expect(preview).toContain('Dokumentets egen tekst');
    expect(preview).toContain(`4. ${itemFour}`);

    // The state of any title form, with item 4's number and title as its own form carries them.
    const fields = formFields(preview, '/arbejdsrum/indlaes/ret', 'titel');
    const corrected = await post(kdNetSecretary, '/arbejdsrum/indlaes/ret', { ...fields, nummer: '4', fra: itemFour, til: 'Klimaplaner i DK2020' });
    expect(corrected.status).toBe(200);
    const after = await corrected.text();
    expect(after).toContain('4. Klimaplaner i DK2020');
    expect(after).toContain('Rettet: Titlen på punkt 4');

    // A tampered state is refused.
    const tampered = await post(kdNetSecretary, '/arbejdsrum/indlaes/gem', { ...formFields(after, '/arbejdsrum/indlaes/gem'), sha: 'a'.repeat(64) });
    expect(tampered.status).toBe(400);

    const saved = await post(kdNetSecretary, '/arbejdsrum/indlaes/gem', formFields(after, '/arbejdsrum/indlaes/gem'));
    expect(saved.status).toBe(200);
    const savedHtml = await saved.text();
    expect(savedHtml).toContain('Gemt som version 1');
    const meetingPath = /href="(\/meetings\/\d+)"/.exec(savedHtml)![1]!;
    expect(await (await app.request(meetingPath)).text()).toContain('Klimaplaner i DK2020');

    const again = await (await upload(kdNetSecretary, KD_NET, KD_NET_FILE, kdNet)).text();
    expect(again).toContain('Én rettelse fra tidligere er allerede lavet');
    expect(again).toContain('4. Klimaplaner i DK2020');
    const unchanged = await post(kdNetSecretary, '/arbejdsrum/indlaes/gem', formFields(again, '/arbejdsrum/indlaes/gem'));
    expect(await unchanged.text()).toContain('Intet nyt at gemme');
  });

  it('merges an item into the one before and splits it out again through the forms', async () => {
    const preview = await (await upload(kdNetSecretary, KD_NET, KD_NET_FILE, ids.get('kd-net')!)).text();
    const five = (await importBytes(KD_NET, KD_NET_FILE)).document.items.find((i) => i.number === '5')!;
    const mergeFields = formFields(preview, '/arbejdsrum/indlaes/ret', 'saml', '5');
    const merged = await (await post(kdNetSecretary, '/arbejdsrum/indlaes/ret', mergeFields)).text();
    expect(merged).toContain('Rettet: Punkt 5');
    expect(merged).not.toContain(`<h4 id="punkt-4-titel">5. `);
    // Item 4 now holds item 5's heading as text: a new item begins there.
    const option = new RegExp(`<option value="([\\d:]+)">5\\. ${five.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(merged)!;
    expect(option).not.toBeNull();
    const split = await post(kdNetSecretary, '/arbejdsrum/indlaes/ret', { ...formFields(merged, '/arbejdsrum/indlaes/ret', 'del', '4'), ved: option[1]!, 'nyt-nummer': '5' });
    const back = await split.text();
    expect(split.status, back.slice(back.indexOf('alert-text'), back.indexOf('alert-text') + 300)).toBe(200);
    expect(back).toContain(`5. ${five.title}`);
  });

  it('refuses a correction the document no longer fits, naming why', async () => {
    const preview = await (await upload(kdNetSecretary, KD_NET, KD_NET_FILE, ids.get('kd-net')!)).text();
    const fields = formFields(preview, '/arbejdsrum/indlaes/ret', 'titel');
    const res = await post(kdNetSecretary, '/arbejdsrum/indlaes/ret', { ...fields, nummer: '4', fra: 'Et andet punkt', til: 'Noget' });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain('Punkt 4 hedder ikke længere »Et andet punkt«.');
  });
  it('stops reading an upload made to hang the reader at the time bound, answers in Danish, and serves other requests meanwhile', async () => {
    // pdf.js would take about a minute over this page in one synchronous run (graphics states
    // nested 20,000 deep); the reader's worker is stopped at the bound, set small here.
    const saved = process.env.REFERAT_PARSE_TIMEOUT_S;
    process.env.REFERAT_PARSE_TIMEOUT_S = '3';
    try {
      const answered: string[] = [];
      const start = performance.now();
      const reading = upload(kdNetSecretary, nestedStatesPdf(20_000, 1), 'dyb.pdf', ids.get('kd-net')!).then((res) => (answered.push('upload'), res));
      // Asked after the upload started, answered while it is being read.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const page = await app.request('/arbejdsrum/indlaes', { headers: { cookie: kdNetSecretary } });
      answered.push('page');
      expect(page.status).toBe(200);
      const res = await reading;
      expect(answered).toEqual(['page', 'upload']);
      expect((performance.now() - start) / 1000).toBeLessThan(10);
      expect(res.status).toBe(422);
      expect(unescape(await res.text())).toContain('»dyb.pdf« kunne ikke læses på 3 sekunder, og læsningen blev stoppet.');
    } finally {
      if (saved === undefined) delete process.env.REFERAT_PARSE_TIMEOUT_S;
      else process.env.REFERAT_PARSE_TIMEOUT_S = saved;
    }
    // The next upload reads as before.
    expect((await upload(kdNetSecretary, KD_NET, KD_NET_FILE, ids.get('kd-net')!)).status).toBe(200);
  }, 60_000);
});
