/**
 * Alerts from the real processes: `referat serve` with SMTP_URL shows the form and sends the
 * confirmation; `referat import` through that server sends the alert after storing; a local
 * `referat import` (no server) sends it too. A real SMTP server runs in the test. PGlite only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../src/alerts/testing.js';

const BIN = path.resolve('bin/referat.js');
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

function env(dataDir: string): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, REFERAT_DATA_DIR: dataDir, SMTP_URL: smtp.url, MAIL_FROM: 'Referat <referat@arkiv.example>', REFERAT_PUBLIC_URL: PUBLIC };
  delete e.DATABASE_URL;
  delete e.PORT;
  delete e.HOST;
  return e;
}

function run(args: string[], dataDir: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: env(dataDir), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

function serve(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { env: env(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const url = /serves the archive on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`referat serve exited with ${code}:\n${stderr}`)));
  });
}

const post = (url: string, fields: Record<string, string>) =>
  fetch(url, { method: 'POST', body: new URLSearchParams(fields), redirect: 'manual' });

describe('alerts from referat serve and referat import', () => {
  it('sends the alert after an import through the server and after a local one', { timeout: 180_000 }, async () => {
    const dataDir = path.join(root, 'data');
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
      await new Promise((resolve) => (server.child.exitCode !== null ? resolve(null) : server.child.once('exit', resolve)));
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
