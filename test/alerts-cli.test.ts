/**
 * Alerts from the real processes: `referat serve` with SMTP_URL shows the form and sends the
 * confirmation; `referat import` through that server sends the alert after storing; a local
 * `referat import` (no server) sends it too. A real SMTP server runs in the test. PGlite only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../src/alerts/testing.js';
import { migratedDataDir } from '../src/db/testing.js';
import { exited, referatEnv, runReferat, serveReferat } from './cli-process.js';

const FIXTURE = path.resolve('test/fixtures/other/kdnet-dagsorden.txt');
const PUBLIC = 'https://arkiv.example';

let root: string;
let smtp: TestSmtp;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'referat-alerts-'));
  smtp = await startTestSmtp();
});
afterAll(async () => {
  await smtp?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

const env = (dataDir: string) => referatEnv(dataDir, { SMTP_URL: smtp.url, MAIL_FROM: 'Referat <referat@arkiv.example>', REFERAT_PUBLIC_URL: PUBLIC });
const run = (args: string[], dataDir: string) => runReferat(args, env(dataDir));
const serve = (dataDir: string) => serveReferat(env(dataDir));

const post = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

describe('alerts from referat serve and referat import', () => {
  it('sends the alert after an import through the server and after a local one', { timeout: 180_000 }, async () => {
    const dataDir = await migratedDataDir(path.join(root, 'data'));
    const server = await serve(dataDir);
    try {
      expect(await (await fetch(`${server.url}/bodies/kd-net`)).text()).toContain('action="/subscriptions"');
      expect((await post(`${server.url}/subscriptions`, { email: 'cli@example.dk', kind: 'body', target: 'kd-net' })).status).toBe(200);
      await smtp.waitFor(1);
      // Links carry the public address, not the one the request came to.
      const token = new RegExp(`${PUBLIC.replace('.', '\\.')}/subscriptions/confirm\\?token=(\\S+)`).exec(smtp.inbox[0]!.text ?? '')![1]!;
      expect((await post(`${server.url}/subscriptions/confirm`, { token })).status).toBe(200);

      const through = await run(['import', FIXTURE], dataDir);
      expect(through.code, through.stderr).toBe(0);
      await smtp.waitFor(2);
      expect(smtp.inbox[1]!.subject).toBe('Nyt i Referat om organisationen KD-Net');
      expect(smtp.inbox[1]!.text).toContain('KD-Net, 19. januar 2024 – ny dagsorden');
      expect(smtp.inbox[1]!.text).toContain('3. Status på det fælles klimasekretariat');
    } finally {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }

    // No server: the command opens the archive itself and sends after storing.
    const changed = path.join(root, 'kdnet-dagsorden-rettet.txt');
    writeFileSync(changed, readFileSync(FIXTURE, 'utf8').replaceAll('Rekruttering på ældreområdet', 'Rekruttering og fastholdelse på ældreområdet'));
    const local = await run(['import', changed], dataDir);
    expect(local.code, local.stderr).toBe(0);
    await smtp.waitFor(3);
    expect(smtp.inbox[2]!.text).toContain('KD-Net, 19. januar 2024 – ændret dagsorden');
    expect(smtp.inbox[2]!.text).toContain('4. Rekruttering og fastholdelse på ældreområdet');
    expect(smtp.inbox).toHaveLength(3);
  });
});
