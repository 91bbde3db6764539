/**
 * `referat import` stopped by SIGTERM (a service manager, Ctrl-C's SIGINT alike): the document
 * being stored commits, the rest are named as not imported, the exit code says it was stopped,
 * and what is stored is whole — importing again brings in exactly the files not reached.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migratedDataDir } from '../src/db/testing.js';
import { BIN, referatEnv, runReferat } from './cli-process.js';
import { seedFiles, SAMPLES } from './seeds.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('referat import and SIGTERM', () => {
  it('finishes the document being stored, names the files not reached, exits 143, and a second run imports just those', async () => {
    const files = await mkdtemp(path.join(tmpdir(), 'referat-stop-files-'));
    const dataDir = await migratedDataDir(await mkdtemp(path.join(tmpdir(), 'referat-stop-data-')));
    dirs.push(files, dataDir);
    // 12 files: versions of each seed (a line added), so every file stores something.
    const total = 12;
    for (let i = 0; i < total; i++) {
      const seed = seedFiles[i % seedFiles.length]!;
      const text = `${await readFile(path.join(SAMPLES, seed), 'utf8')}\nTilføjet i udgave ${i}.\n`;
      await writeFile(path.join(files, `${String(i).padStart(2, '0')}.txt`), text);
    }
    const env = referatEnv(dataDir, { REFERAT_IMPORT_WORKERS: '1' });

    const child = spawn(process.execPath, [BIN, 'import', files], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let signalled = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      // The second file is being stored: stop now.
      if (!signalled && /\[2\/12\]/.test(stderr)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(signalled).toBe(true);
    expect(code, stderr).toBe(143);
    expect(stderr).toMatch(/SIGTERM: stopping after the document being stored/);
    const notReached = [...stdout.matchAll(/not imported: (\S+)/g)].map((m) => m[1]);
    expect(notReached.length, stdout).toBeGreaterThan(0);
    const stored = [...stdout.matchAll(/^\S+\.txt\s+(imported|updated)\s/gm)].length;
    expect(stored + notReached.length).toBe(total);

    // Run again: what was stored is unchanged (whole), the files not reached go in now.
    const again = await runReferat(['import', files], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`unchanged ${stored}, failed 0`));
    expect([...again.stdout.matchAll(/^\S+\.txt\s+(imported|updated)\s/gm)].length).toBe(notReached.length);
  });
});
