import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nestedStatesPdf } from '../../test/fuzz/binary.js';
import { SAMPLES, seedFiles } from '../../test/seeds.js';
import { ImportError } from './index.js';
import { importBytesIsolated, parseAll } from './parse-pool.js';

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

describe('one file read on a worker (uploads, `referat import` of a few files)', () => {
  // pdf.js takes about a minute over this page, in one synchronous run: in the caller's thread
  // nothing could stop it (it did, before uploads and small imports went through a worker).
  const deep = nestedStatesPdf(20_000);
  const agenda = new TextEncoder().encode('Dagsorden\n\n1. Godkendelse af dagsorden\n\nGodkendt.\n');

  it('stops a PDF nesting graphics states 20,000 deep at the time bound, while the caller\'s thread keeps running, and reads the next file', async () => {
    // The longest the caller's thread goes without running a timer while the worker reads.
    let longest = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
    }, 20);
    const start = performance.now();
    const error = await importBytesIsolated(deep, 'dyb.pdf', { timeoutMs: 3000 }).catch((e: unknown) => e);
    const seconds = (performance.now() - start) / 1000;
    clearInterval(ticker);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('dyb.pdf: took longer than 3 s to read; stopped');
    expect(seconds).toBeLessThan(6);
    expect(longest).toBeLessThan(1000);
    const next = await importBytesIsolated(agenda, 'dagsorden.txt', { lines: true });
    expect(next.document.items.map((i) => i.title)).toEqual(['Godkendelse af dagsorden']);
    expect(next.lines?.map((l) => l.text)).toEqual(['Dagsorden', '1. Godkendelse af dagsorden', 'Godkendt.']);
    expect(next.bytes).toBe(agenda);
  }, 60_000);

  it('refuses a file whose reading needs more memory than the limit, naming the limit', async () => {
    const error = await importBytesIsolated(new TextEncoder().encode('Dagsorden\n\n1. Punkt\n\n'.repeat(1_000_000)), 'stor.txt', { memoryMb: 128 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe('stor.txt: needed more than 128 MB of memory to read; stopped');
  }, 60_000);

  it('parses even a single file on a worker, so its time bound stops it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'referat-pool-')), 'dyb.pdf');
    writeFileSync(file, deep);
    const results = [];
    for await (const r of parseAll([file], {}, 1, 3000)) results.push(r.ok ? 'ok' : r.error.message);
    expect(results).toEqual(['dyb.pdf: took longer than 3 s to read; stopped']);
  }, 60_000);
});
