import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLES } from '../../test/seeds.js';

const run = promisify(execFile);
const referat = (...args: string[]) => run(process.execPath, [join(ROOT, 'bin', 'referat.js'), ...args], { cwd: ROOT });

describe('referat parse', () => {
  it('prints the model as JSON with the agreed field names', async () => {
    const { stdout } = await referat('parse', join(SAMPLES, '001_4fa44d254ce3f195.txt'), '--json');
    const doc = JSON.parse(stdout);
    expect(Object.keys(doc)).toEqual(expect.arrayContaining(['body', 'kind', 'date', 'startTime', 'location', 'participants', 'absent', 'items', 'warnings']));
    expect(doc).toMatchObject({ body: 'KD-Net', kind: 'minutes', date: '2020-08-28', startTime: '10:00' });
    expect(doc.absent.at(-1)).toMatchObject({ name: 'Per Mathiasen', municipality: 'Skive', substitute: 'Thomas Lindberg' });
    expect(Object.keys(doc.items[0])).toEqual(
      expect.arrayContaining(['number', 'title', 'caseNumber', 'caseOfficers', 'presenters', 'sections', 'attachments', 'decision']),
    );
  });
  it('accepts --date and --body for what a document lacks', async () => {
    const { stdout } = await referat('parse', join(SAMPLES, '003_a18d94e99e00557d.txt'), '--json', '--date', '2019-11-13', '--body', 'KKR Midtjylland');
    expect(JSON.parse(stdout)).toMatchObject({ date: '2019-11-13', body: 'KKR Midtjylland' });
  });
  it('prints a readable outline without --json', async () => {
    const { stdout } = await referat('parse', join(SAMPLES, '000_8371a5215e9540f8.txt'));
    expect(stdout).toMatch(/^Minutes: KKR Midtjylland — 2020-06-17 10:00/);
    expect(stdout).toContain('3.1. Klimasamarbejde for KKR Midtjylland');
  });
  it('stops quietly when the reader closes the pipe early (| head)', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${join(ROOT, 'bin', 'referat.js')}" parse "${join(SAMPLES, '000_8371a5215e9540f8.txt')}" --json | head -c 10`], { encoding: 'utf8' });
    expect(result.stdout).toBe('{\n  "body":'.slice(0, 10));
    expect(result.stderr).not.toMatch(/EPIPE|Unhandled/);
  });
  it('fails with one line naming the file and the reason, exit code 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-'));
    const empty = join(dir, 'tom.txt');
    writeFileSync(empty, '');
    for (const [file, reason] of [[join(dir, 'findes-ikke.txt'), 'file not found'], [empty, 'the file is empty']] as const) {
      const error = await referat('parse', file).then(() => null, (e: { code: number; stderr: string }) => e);
      expect(error?.code).toBe(1);
      expect(error?.stderr.trim().split('\n')).toHaveLength(1);
      expect(error?.stderr).toContain(reason);
    }
  });
});
