import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, seedFiles } from '../../test/seeds.js';
import { parseAll } from './parse-pool.js';

describe('parseAll', () => {
  it('parses on worker threads and gives results in the files\' order, failures included', async () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'referat-pool-')), 'tom.txt');
    writeFileSync(bad, '');
    const files = [...seedFiles.map((f) => join(SAMPLES, f)), bad];
    const results = [];
    for await (const r of parseAll(files, {}, 2)) results.push(r);
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.slice(0, 5).map((r) => (r.ok ? r.parsed.document.items.length : -1))).toEqual([19, 16, 14, 17, 17]);
    const last = results.at(-1)!;
    expect(last.ok ? '' : last.error.message).toBe('tom.txt: the file is empty');
  });
});

describe('parseAll: limits and listeners', () => {
  const smallFiles = (count: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'referat-pool-many-'));
    return Array.from({ length: count }, (_, i) => {
      const file = join(dir, `m${String(i).padStart(3, '0')}.txt`);
      writeFileSync(file, `Dagsorden\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n\n2. Punkt ${i}\n\nTekst.\n`);
      return file;
    });
  };

  it('parses 200 small files without a MaxListenersExceededWarning, with a fixed number of listeners per worker', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const { Worker } = await import('node:worker_threads');
    const counts: number[] = [];
    const post = Worker.prototype.postMessage;
    // Each time a file is handed to a worker, count the listeners that worker carries.
    Worker.prototype.postMessage = function (this: InstanceType<typeof Worker>, ...args: Parameters<typeof post>) {
      counts.push(this.eventNames().reduce((n, name) => n + this.listenerCount(name), 0));
      return post.apply(this, args);
    };
    try {
      const results = [];
      for await (const r of parseAll(smallFiles(200), {}, 2)) results.push(r);
      expect(results.filter((r) => r.ok)).toHaveLength(200);
    } finally {
      Worker.prototype.postMessage = post;
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
    expect(counts).toHaveLength(200);
    expect(Math.max(...counts)).toBe(Math.min(...counts));
    expect(Math.max(...counts)).toBeLessThanOrEqual(5);
  }, 120_000);

  it('runs at most `lookahead` files ahead of a slow consumer (a bounded queue, not every result held)', async () => {
    const { Worker } = await import('node:worker_threads');
    let handed = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: InstanceType<typeof Worker>, ...args: Parameters<typeof post>) {
      handed++;
      return post.apply(this, args);
    };
    const ahead: number[] = [];
    try {
      let taken = 0;
      for await (const r of parseAll(smallFiles(24), {}, 2, 60_000, 3)) {
        expect(r.ok).toBe(true);
        taken++;
        // A store slower than the parsers: the workers would race ahead if nothing held them back.
        await new Promise((resolve) => setTimeout(resolve, 60));
        ahead.push(handed - taken);
      }
      expect(taken).toBe(24);
    } finally {
      Worker.prototype.postMessage = post;
    }
    expect(Math.max(...ahead)).toBeLessThanOrEqual(3);
    expect(Math.max(...ahead)).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('stops a file that takes longer than the time budget, reports it, and goes on', async () => {
    const files = smallFiles(4);
    const results = [];
    // A budget no worker can keep (it is still loading the parser): every file is stopped in turn.
    for await (const r of parseAll(files, {}, 2, 1)) results.push(r);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.message))).toEqual(files.map((f) => `${f.split('/').pop()}: took longer than 0.001 s to read; stopped`));
    // And the pool still works afterwards with a normal budget.
    const again = [];
    for await (const r of parseAll(files, {}, 2, 60_000)) again.push(r.ok);
    expect(again).toEqual([true, true, true, true]);
  }, 120_000);
});
