/**
 * `referat user` as a process on a PGlite directory: the first admin from stdin, who then logs in;
 * a member by organisation slug; bad input changes nothing; refused while another process holds
 * the archive, naming it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccounts } from '../src/auth/index.js';
import { loginCookie, submitLogin } from '../src/auth/testing.js';
import { createDbArchive } from '../src/db/archive.js';
import { openDatabase } from '../src/db/client.js';
import { item, meetingDocument, original } from '../src/db/fixtures.js';
import { migratedDataDir } from '../src/db/testing.js';
import { storeDocument } from '../src/db/store.js';
import { createApp } from '../src/web/app.js';
import { referatEnv, runReferat } from './cli-process.js';

const PASSWORD = 'første admins adgangskode';
let dataDir: string;

const referat = async (args: string[], stdin = '') => {
  const { code, stdout, stderr } = await runReferat(args, referatEnv(dataDir), stdin);
  return { code: code ?? -1, stdout, stderr };
};

beforeAll(async () => {
  dataDir = await migratedDataDir(await mkdtemp(path.join(tmpdir(), 'referat-user-')));
  const database = await openDatabase({ url: null, dataDir });
  await storeDocument(database.db, meetingDocument({ items: [item('1', 'Åbent punkt'), item('2', 'Lukket punkt om husleje', { access: 'closed' })] }), original('kkr'));
  await database.close();
}, 60_000);

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe.skipIf(!!process.env.DATABASE_URL)('referat user', () => {
  it('creates the first admin from stdin, who can log in; creates a member by slug; lists them', async () => {
    const admin = await referat(['user', 'add', '--admin', 'Chef@Example.dk', '--password-stdin'], `${PASSWORD}\n`);
    expect(admin.stderr).toBe('');
    expect(admin.code).toBe(0);
    expect(admin.stdout).toContain('created chef@example.dk (administrator)');
    const member = await referat(['user', 'add', 'medlem@example.dk', '--member', 'kkr-midtjylland', '--name', 'Et Medlem'], `${PASSWORD}\n`);
    expect(member.code).toBe(0);
    const list = await referat(['user', 'list']);
    expect(list.stdout).toMatch(/chef@example\.dk\tchef\tactive\tadministrator/);
    expect(list.stdout).toMatch(/medlem@example\.dk\tEt Medlem\tactive\tmedlem af KKR Midtjylland/);

    const database = await openDatabase({ url: null, dataDir });
    try {
      const app = createApp(createDbArchive(database.db), { accounts: createAccounts(database.db) });
      const cookie = await loginCookie(app, 'chef@example.dk', PASSWORD);
      expect((await app.request('/admin/brugere', { headers: { cookie } })).status).toBe(200);
      const memberCookie = await loginCookie(app, 'medlem@example.dk', PASSWORD);
      expect(await (await app.request('/meetings/1', { headers: { cookie: memberCookie } })).text()).toContain('Lukket punkt om husleje');
      expect((await submitLogin(app, 'chef@example.dk', 'forkert adgangskode')).status).toBe(401);
      const log = await (await app.request('/admin/log', { headers: { cookie } })).text();
      expect(log).toContain('kommandolinjen');
    } finally {
      await database.close();
    }
  }, 120_000);

  it('refuses bad input and changes nothing', async () => {
    const short = await referat(['user', 'add', 'kort@example.dk'], 'kort\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('mindst 12 tegn');
    const unknown = await referat(['user', 'add', 'x@example.dk', '--member', 'findes-ikke'], `${PASSWORD}\n`);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('findes-ikke');
    const twice = await referat(['user', 'add', 'CHEF@example.dk'], `${PASSWORD}\n`);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('findes allerede');
    expect((await referat(['user', 'add', 'y@example.dk', '--password', 'x'])).stderr).toContain('--password is not accepted');
    const list = await referat(['user', 'list']);
    expect(list.stdout.trim().split('\n')).toHaveLength(2);
  }, 120_000);

  it('refuses while another process holds the archive, naming it', async () => {
    const database = await openDatabase({ url: null, dataDir });
    try {
      const res = await referat(['user', 'add', 'z@example.dk'], `${PASSWORD}\n`);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`is in use by process ${process.pid}`);
      expect(res.stderr).toContain('Nothing was changed');
    } finally {
      await database.close();
    }
  }, 120_000);
});
